// Checks a plain password (USER_PASSWORD_AUTH) against the stored SRP verifier: the verifier is
// derived again from the stored salt and compared, so the pool never needs the password itself.
// Unknown users get a decoy verifier, so their answers cost the same and reveal nothing.
// @see RFC 5054 §2.4 (v = g^x % N); https://docs.aws.amazon.com/cognito/latest/developerguide/cognito-user-pool-managing-errors.html
import { createHmac, randomBytes } from 'node:crypto'
import { createSrpVerifier, type SrpVerifier } from './srp-server'
import type { PoolUser } from './pool-state'
import { POOL_NAME } from './pool-config'
import { sameText } from './client-auth'

// Per process: decoy salts stay stable for a name (a changing salt would betray a missing user)
// without being predictable from outside.
const DECOY_KEY = randomBytes(32)

/**
 * Whether the password matches the user's verifier.
 * @see https://www.rfc-editor.org/rfc/rfc5054#section-2.4
 */
export function isPasswordCorrect(user: PoolUser, password: string): boolean {
  const salt = Buffer.from(user.verifier.salt, 'hex')
  const again = createSrpVerifier(POOL_NAME, user.username, password, () => salt)
  return sameText(user.verifier.verifier, again.verifier)
}

/**
 * A verifier for a user who does not exist: a stable salt and a password nobody knows.
 * @see https://docs.aws.amazon.com/cognito/latest/developerguide/cognito-user-pool-managing-errors.html
 */
export function createDecoyVerifier(signInName: string): SrpVerifier {
  const salt = createHmac('sha256', DECOY_KEY).update(signInName.toLowerCase()).digest()
  return createSrpVerifier(POOL_NAME, signInName, randomBytes(16).toString('hex'), (bytes) =>
    salt.subarray(0, bytes),
  )
}
