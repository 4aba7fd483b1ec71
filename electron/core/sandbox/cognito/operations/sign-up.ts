// SignUp: a new UNCONFIRMED user with an SRP verifier (never the password) and a confirmation
// code sent to its email through the outbox.
// @see https://docs.aws.amazon.com/cognito/latest/developerguide/signing-up-users-in-your-app.html
import { randomUUID } from 'node:crypto'
import type { PoolContext } from '../pool-context'
import type { PoolUser } from '../pool-state'
import { createSrpVerifier } from '../srp-server'
import { optionalMember, requireMember, type Params } from '../request-params'
import { checkSecretHash, resolveClient } from '../client-auth'
import { findPasswordPolicyViolation } from '../password-policy'
import { sendConfirmationCode, type CodeDeliveryDetails } from '../confirmation-code'
import { POOL_NAME } from '../pool-config'
import { cognitoErrors } from '../cognito-errors'

/** Cognito's UsernameType pattern: letters, marks, symbols, numbers, punctuation; no spaces. */
const USERNAME_PATTERN = /^[\p{L}\p{M}\p{S}\p{N}\p{P}]+$/u
const EMAIL_SHAPE = /^[^@\s]+@[^@\s]+$/
/** Attributes a client may set at sign-up (preferred_username only after confirmation). */
const SIGN_UP_ATTRIBUTES = new Set(['email', 'phone_number', 'name', 'given_name', 'family_name'])
const VERIFIED_FLAGS = new Set(['email_verified', 'phone_number_verified', 'sub'])

/**
 * Registers a user; email is required, since that is where the confirmation code goes.
 * @see https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_SignUp.html
 */
export async function signUp(
  ctx: PoolContext,
  input: Params,
): Promise<{ UserConfirmed: false; UserSub: string; CodeDeliveryDetails: CodeDeliveryDetails }> {
  const client = resolveClient(ctx, requireMember(input, 'ClientId', 128))
  const username = requireMember(input, 'Username', 128)
  const password = requireMember(input, 'Password', 256)
  checkSecretHash(client, username, optionalMember(input, 'SecretHash', 128))
  if (!USERNAME_PATTERN.test(username)) {
    throw cognitoErrors.validation(
      'username',
      'Member must satisfy regular expression pattern: [\\p{L}\\p{M}\\p{S}\\p{N}\\p{P}]+',
    )
  }
  // email is an alias in this pool, so a user name shaped like one would be ambiguous.
  if (EMAIL_SHAPE.test(username)) throw cognitoErrors.usernameIsEmail()
  const attributes = readUserAttributes(input.UserAttributes)
  if (!attributes.has('email')) throw cognitoErrors.attributeRequired('email')
  const violation = findPasswordPolicyViolation(password)
  if (violation !== undefined) throw cognitoErrors.invalidPassword(violation, true)
  if (ctx.pool.getUser(username) !== undefined) throw cognitoErrors.usernameExists()
  attributes.set('email_verified', 'false')
  const user: PoolUser = {
    username,
    sub: randomUUID(),
    status: 'UNCONFIRMED',
    verifier: createSrpVerifier(POOL_NAME, username, password),
    attributes,
    groups: [],
    mfa: { enabled: new Set(), setupRequired: false },
  }
  ctx.pool.addUser(user)
  const delivery = sendConfirmationCode(ctx, user)
  return { UserConfirmed: false, UserSub: user.sub, CodeDeliveryDetails: delivery }
}

function readUserAttributes(value: unknown): Map<string, string> {
  const attributes = new Map<string, string>()
  if (value === undefined || value === null) return attributes
  if (!Array.isArray(value) || value.length > 50) throw cognitoErrors.serialization()
  for (const entry of value as unknown[]) {
    const { Name: name, Value: text } = (entry ?? {}) as Record<string, unknown>
    if (typeof name !== 'string' || typeof text !== 'string' || text.length > 2048) {
      throw cognitoErrors.serialization()
    }
    if (VERIFIED_FLAGS.has(name)) throw cognitoErrors.unauthorizedAttribute()
    if (!SIGN_UP_ATTRIBUTES.has(name)) throw cognitoErrors.unknownAttribute(name)
    attributes.set(name, text)
  }
  return attributes
}
