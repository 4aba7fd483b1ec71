// ChangePassword: a signed-in user (named by the access token) proves the current password and
// sets a new one that meets the policy; the pool keeps the new SRP verifier.
// @see https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_ChangePassword.html
import type { PoolContext } from '../pool-context'
import { requireMember, type Params } from '../request-params'
import { userFromAccessToken } from '../access-token-user'
import { isPasswordCorrect } from '../password-check'
import { findPasswordPolicyViolation } from '../password-policy'
import { createSrpVerifier } from '../srp-server'
import { POOL_NAME } from '../pool-config'
import { cognitoErrors } from '../cognito-errors'

/**
 * Changes the password of the access token's user, after checking the previous one.
 * @see https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_ChangePassword.html
 */
export async function changePassword(
  ctx: PoolContext,
  input: Params,
): Promise<Record<string, never>> {
  const user = await userFromAccessToken(ctx, requireMember(input, 'AccessToken', 8192))
  const previous = requireMember(input, 'PreviousPassword', 256)
  const proposed = requireMember(input, 'ProposedPassword', 256)
  if (!isPasswordCorrect(user, previous)) throw cognitoErrors.incorrectCredentials()
  const violation = findPasswordPolicyViolation(proposed)
  if (violation !== undefined) throw cognitoErrors.invalidPassword(violation)
  user.verifier = createSrpVerifier(POOL_NAME, user.username, proposed)
  return {}
}
