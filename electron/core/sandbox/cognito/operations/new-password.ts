// NEW_PASSWORD_REQUIRED: a FORCE_CHANGE_PASSWORD user (admin-created, temporary password) sets a
// password that meets the policy; the pool keeps its new verifier, and the sign-in goes on.
// @see https://docs.aws.amazon.com/cognito/latest/developerguide/how-to-create-user-accounts.html#authentication-flow-for-users-created-by-admin
import type { PoolContext } from '../pool-context'
import type { PoolClient, PoolUser } from '../pool-state'
import type { AuthSession } from '../session-store'
import { createSrpVerifier } from '../srp-server'
import { continueSignIn, type AuthResponse } from '../sign-in-steps'
import { requireParam, type Params } from '../request-params'
import { findPasswordPolicyViolation } from '../password-policy'
import { POOL_NAME } from '../pool-config'
import { cognitoErrors } from '../cognito-errors'

const ATTRIBUTE_PREFIX = 'userAttributes.'
/** What a client may write here; verified flags and aliases are never client-writable. */
const WRITABLE_ATTRIBUTES = new Set(['name', 'given_name', 'family_name', 'email', 'phone_number'])

/**
 * Checks NEW_PASSWORD against the policy, applies `userAttributes.*`, stores the new verifier.
 * @see https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_RespondToAuthChallenge.html#CognitoUserPools-RespondToAuthChallenge-request-ChallengeResponses
 */
export async function answerNewPassword(
  ctx: PoolContext,
  client: PoolClient,
  user: PoolUser,
  responses: Params,
  session: AuthSession,
): Promise<AuthResponse> {
  const newPassword = requireParam(responses, 'NEW_PASSWORD', 256)
  const violation = findPasswordPolicyViolation(newPassword)
  if (violation !== undefined) throw cognitoErrors.invalidPassword(violation)
  const attributes = readAttributeUpdates(responses)
  for (const [name, value] of attributes) {
    if (user.attributes.get(name) === value) continue
    user.attributes.set(name, value)
    // A changed address is unproven until verified again.
    if (name === 'email' || name === 'phone_number')
      user.attributes.set(`${name}_verified`, 'false')
  }
  user.verifier = createSrpVerifier(POOL_NAME, user.username, newPassword)
  user.status = 'CONFIRMED'
  return continueSignIn(ctx, user, client, session.mfaDone, session.deviceKey)
}

function readAttributeUpdates(responses: Params): [string, string][] {
  const updates: [string, string][] = []
  for (const key of Object.keys(responses)) {
    if (!key.startsWith(ATTRIBUTE_PREFIX)) continue
    const name = key.slice(ATTRIBUTE_PREFIX.length)
    if (!WRITABLE_ATTRIBUTES.has(name)) throw cognitoErrors.unauthorizedAttribute()
    updates.push([name, requireParam(responses, key, 2048)])
  }
  return updates
}
