// The password-reset code of ForgotPassword: six digits to the user's verified email (or, with
// none, verified phone) through the outbox, valid an hour, and spent after five wrong tries.
// @see https://docs.aws.amazon.com/cognito/latest/developerguide/managing-users-passwords.html
import type { PoolContext } from './pool-context'
import type { PoolUser } from './pool-state'
import { createOneTimeCode } from './outbox'
import { maskDestination } from './mask-destination'
import { sameText } from './client-auth'
import { CognitoException, cognitoErrors } from './cognito-errors'

export const RESET_CODE_TTL_MS = 3600_000
/** Wrong codes tolerated before the code is spent and Cognito's attempt limit answers. */
export const MAX_WRONG_RESET_CODES = 5

export type ResetCodeDelivery = {
  Destination: string
  DeliveryMedium: 'EMAIL' | 'SMS'
  AttributeName: 'email' | 'phone_number'
}

type PendingReset = { code: string; expiresAt: number; wrongTries: number }

// Beside the users rather than on them: only the reset operations read it, and an entry goes
// with its user (and its pool).
const pendingResets = new WeakMap<PoolUser, PendingReset>()

/** Cognito's words for the refusals only a password reset meets. */
export const resetErrors = {
  noVerifiedContact: () =>
    new CognitoException(
      'InvalidParameterException',
      'Cannot reset password for the user as there is no registered/verified email or phone_number',
    ),
  notResettable: () =>
    new CognitoException(
      'NotAuthorizedException',
      'User password cannot be reset in the current state.',
    ),
  attemptLimit: () =>
    new CognitoException(
      'LimitExceededException',
      'Attempt limit exceeded, please try after some time.',
    ),
}

/**
 * Replaces the user's pending reset code with a new one and delivers it to a verified address.
 * @see https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_ForgotPassword.html
 */
export function sendResetCode(ctx: PoolContext, user: PoolUser): ResetCodeDelivery {
  const email = verified(user, 'email')
  const phone = verified(user, 'phone_number')
  if (email === undefined && phone === undefined) throw resetErrors.noVerifiedContact()
  const code = createOneTimeCode()
  pendingResets.set(user, { code, expiresAt: ctx.now() + RESET_CODE_TTL_MS, wrongTries: 0 })
  const to = email ?? phone ?? ''
  ctx.outbox.deliver({
    channel: email !== undefined ? 'email' : 'sms',
    to,
    username: user.username,
    code,
    purpose: 'FORGOT_PASSWORD',
  })
  return email !== undefined
    ? { Destination: maskDestination(to), DeliveryMedium: 'EMAIL', AttributeName: 'email' }
    : { Destination: maskDestination(to), DeliveryMedium: 'SMS', AttributeName: 'phone_number' }
}

/**
 * Checks a reset code without spending it (a new password the policy refuses may be retried
 * with the same code); a wrong one counts, and the fifth spends the code.
 * @see https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_ConfirmForgotPassword.html
 */
export function checkResetCode(ctx: PoolContext, user: PoolUser, code: string): void {
  const pending = pendingResets.get(user)
  if (pending === undefined) throw cognitoErrors.confirmationCodeMismatch()
  if (!sameText(pending.code, code)) {
    pending.wrongTries += 1
    if (pending.wrongTries < MAX_WRONG_RESET_CODES) throw cognitoErrors.confirmationCodeMismatch()
    pendingResets.delete(user)
    throw resetErrors.attemptLimit()
  }
  if (pending.expiresAt <= ctx.now()) {
    pendingResets.delete(user)
    throw cognitoErrors.expiredCode()
  }
}

/** Spends the user's reset code once the new password is set. */
export function spendResetCode(user: PoolUser): void {
  pendingResets.delete(user)
}

function verified(user: PoolUser, attribute: 'email' | 'phone_number'): string | undefined {
  const value = user.attributes.get(attribute)
  return value && user.attributes.get(`${attribute}_verified`) === 'true' ? value : undefined
}
