// ForgotPassword and ConfirmForgotPassword: a code to the user's verified address, then that code
// and a new password that meets the policy; the pool keeps the new SRP verifier, never the
// password.
// @see https://docs.aws.amazon.com/cognito/latest/developerguide/managing-users-passwords.html
import type { PoolContext } from '../pool-context'
import { optionalMember, requireMember, type Params } from '../request-params'
import { checkSecretHash, resolveClient } from '../client-auth'
import { deliveryForUnknownUser } from '../confirmation-code'
import { findPasswordPolicyViolation } from '../password-policy'
import { createSrpVerifier } from '../srp-server'
import { POOL_NAME } from '../pool-config'
import { cognitoErrors } from '../cognito-errors'
import {
  checkResetCode,
  resetErrors,
  sendResetCode,
  spendResetCode,
  type ResetCodeDelivery,
} from '../password-reset-code'

/**
 * Sends a reset code. An unknown user gets an answer of the same shape, as Cognito gives with
 * user-existence errors prevented; a user an administrator created must sign in first.
 * @see https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_ForgotPassword.html
 */
export async function forgotPassword(
  ctx: PoolContext,
  input: Params,
): Promise<{ CodeDeliveryDetails: ResetCodeDelivery }> {
  const client = resolveClient(ctx, requireMember(input, 'ClientId', 128))
  const username = requireMember(input, 'Username', 128)
  checkSecretHash(client, username, optionalMember(input, 'SecretHash', 128))
  const user = ctx.pool.getUser(username)
  if (user === undefined) return { CodeDeliveryDetails: deliveryForUnknownUser(username) }
  if (user.status === 'FORCE_CHANGE_PASSWORD') throw resetErrors.notResettable()
  return { CodeDeliveryDetails: sendResetCode(ctx, user) }
}

/**
 * Sets the new password with the code; an unknown user gets the same answer as a wrong code.
 * @see https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_ConfirmForgotPassword.html
 */
export async function confirmForgotPassword(
  ctx: PoolContext,
  input: Params,
): Promise<Record<string, never>> {
  const client = resolveClient(ctx, requireMember(input, 'ClientId', 128))
  const username = requireMember(input, 'Username', 128)
  const code = requireMember(input, 'ConfirmationCode', 2048)
  const password = requireMember(input, 'Password', 256)
  checkSecretHash(client, username, optionalMember(input, 'SecretHash', 128))
  const user = ctx.pool.getUser(username)
  if (user === undefined) throw cognitoErrors.confirmationCodeMismatch()
  checkResetCode(ctx, user, code)
  const violation = findPasswordPolicyViolation(password)
  if (violation !== undefined) throw cognitoErrors.invalidPassword(violation)
  user.verifier = createSrpVerifier(POOL_NAME, user.username, password)
  spendResetCode(user)
  return {}
}
