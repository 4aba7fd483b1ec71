// A forgotten password (ForgotPassword sends a code; ConfirmForgotPassword sets the new password
// with it, in the same run or later) and a known one changed (ChangePassword, with the access
// token of a sign-in).
// @see https://docs.aws.amazon.com/cognito/latest/developerguide/managing-users-passwords.html
import type { InputField } from '../../../../shared/run-model'
import { noteOutcome, secretHashMember, showCodeDelivery, type AccountRun } from './account-run'

const NEW_PASSWORD_LABEL = "New password (the pool's password policy applies)"
/** What a reset asks a person for, when the input did not give it. */
const ASKED = { code: 'the reset code', newPassword: 'the new password' } as const

/**
 * ForgotPassword; then, unless told not to, asks for the code (and the new password, unless
 * given) and sends ConfirmForgotPassword.
 * @see https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_ForgotPassword.html
 */
export async function forgotPassword(run: AccountRun): Promise<void> {
  const hash = await secretHashMember(run)
  const answer = await run.api.forgotPassword(
    { title: 'ForgotPassword: a code to reset the password', explain: 'cognito.forgot-password' },
    { ClientId: run.input.clientId, Username: run.username, ...hash },
  )
  const where = showCodeDelivery(run, answer.CodeDeliveryDetails)
  if (run.input.confirm) await confirmForgotPassword(run, where)
}

/**
 * ConfirmForgotPassword: the code and the new password, each given or asked for.
 * @see https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_ConfirmForgotPassword.html
 */
export async function confirmForgotPassword(
  run: AccountRun,
  where = 'The code Cognito sent for the password reset',
): Promise<void> {
  const { input } = run
  const missing: (InputField & { name: keyof typeof ASKED })[] = [
    ...(input.code === undefined ? [{ name: 'code', label: where, secret: true } as const] : []),
    ...(input.newPassword === undefined
      ? [{ name: 'newPassword', label: NEW_PASSWORD_LABEL, secret: true } as const]
      : []),
  ]
  const asked =
    missing.length === 0
      ? {}
      : await run.ctx.input(
          {
            title: `Enter ${missing.map((field) => ASKED[field.name]).join(' and ')}`,
            explain: 'cognito.reset-code',
          },
          missing,
        )
  const hash = await secretHashMember(run)
  await run.api.confirmForgotPassword(
    {
      title: 'ConfirmForgotPassword: the code and the new password',
      explain: 'cognito.confirm-forgot-password',
    },
    {
      ClientId: input.clientId,
      Username: run.username,
      ConfirmationCode: (input.code ?? asked.code ?? '').trim(),
      Password: input.newPassword ?? asked.newPassword ?? '',
      ...hash,
    },
  )
  noteOutcome(
    run,
    'COGNITO_PASSWORD_RESET',
    `The password of ${run.username} is reset: sign in with the new one.`,
    'AWS Cognito API Reference, ConfirmForgotPassword',
  )
}

/**
 * ChangePassword: the access token says who; the current password proves it is still them. No
 * SecretHash: the token already came from this client.
 * @see https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_ChangePassword.html
 */
export async function changePassword(run: AccountRun): Promise<void> {
  const { input } = run
  await run.api.changePassword(
    {
      title: 'ChangePassword: the current and the new password, with the access token',
      explain: 'cognito.change-password',
    },
    {
      AccessToken: input.accessToken,
      PreviousPassword: input.password,
      ProposedPassword: input.newPassword,
    },
  )
  noteOutcome(
    run,
    'COGNITO_PASSWORD_CHANGED',
    'The password is changed: the next sign-in takes the new one.',
    'AWS Cognito API Reference, ChangePassword',
  )
}
