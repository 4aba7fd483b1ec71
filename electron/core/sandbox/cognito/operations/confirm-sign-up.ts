// ConfirmSignUp and ResendConfirmationCode: the emailed code turns an UNCONFIRMED user into a
// CONFIRMED one with a verified email (which then works as a sign-in alias).
// @see https://docs.aws.amazon.com/cognito/latest/developerguide/signing-up-users-in-your-app.html#signing-up-users-in-your-app-and-confirming-them-as-user
import type { PoolContext } from '../pool-context'
import { optionalMember, requireMember, type Params } from '../request-params'
import { checkSecretHash, resolveClient, sameText } from '../client-auth'
import {
  deliveryForUnknownUser,
  sendConfirmationCode,
  type CodeDeliveryDetails,
} from '../confirmation-code'
import { cognitoErrors } from '../cognito-errors'

/**
 * Confirms a sign-up; an unknown user gets the same answer as a wrong code, so names stay private.
 * @see https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_ConfirmSignUp.html
 */
export async function confirmSignUp(
  ctx: PoolContext,
  input: Params,
): Promise<Record<string, never>> {
  const client = resolveClient(ctx, requireMember(input, 'ClientId', 128))
  const username = requireMember(input, 'Username', 128)
  const code = requireMember(input, 'ConfirmationCode', 2048)
  checkSecretHash(client, username, optionalMember(input, 'SecretHash', 128))
  const user = ctx.pool.getUser(username)
  if (user === undefined) throw cognitoErrors.confirmationCodeMismatch()
  if (user.status !== 'UNCONFIRMED') throw cognitoErrors.alreadyConfirmed(user.status)
  const pending = user.confirmation
  if (pending === undefined || !sameText(pending.code, code)) {
    throw cognitoErrors.confirmationCodeMismatch()
  }
  if (pending.expiresAt <= ctx.now()) throw cognitoErrors.expiredCode()
  user.status = 'CONFIRMED'
  user.confirmation = undefined
  user.attributes.set('email_verified', 'true')
  return {}
}

/**
 * Sends a new confirmation code (the old one stops working). For an unknown user it answers as
 * if a code went out, as Cognito does with user-existence errors prevented.
 * @see https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_ResendConfirmationCode.html
 */
export async function resendConfirmationCode(
  ctx: PoolContext,
  input: Params,
): Promise<{ CodeDeliveryDetails: CodeDeliveryDetails }> {
  const client = resolveClient(ctx, requireMember(input, 'ClientId', 128))
  const username = requireMember(input, 'Username', 128)
  checkSecretHash(client, username, optionalMember(input, 'SecretHash', 128))
  const user = ctx.pool.getUser(username)
  if (user === undefined) return { CodeDeliveryDetails: deliveryForUnknownUser(username) }
  if (user.status !== 'UNCONFIRMED') throw cognitoErrors.alreadyConfirmedResend()
  return { CodeDeliveryDetails: sendConfirmationCode(ctx, user) }
}
