// Sign-up and its confirmation: SignUp (then, in the same run, the code it sent asked for and
// ConfirmSignUp), ConfirmSignUp alone, and ResendConfirmationCode for a code that expired or
// never arrived.
// @see https://docs.aws.amazon.com/cognito/latest/developerguide/signing-up-users-in-your-app.html
import { noteOutcome, secretHashMember, showCodeDelivery, type AccountRun } from './account-run'

const REF_CONFIRM = 'AWS Cognito API Reference, ConfirmSignUp'

/**
 * SignUp with the password and attributes; then, unless told not to or the pool confirmed the
 * user itself (a pre sign-up trigger), asks for the code and confirms.
 * @see https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_SignUp.html
 */
export async function signUp(run: AccountRun): Promise<void> {
  const { input } = run
  const hash = await secretHashMember(run)
  const answer = await run.api.signUp(
    { title: 'SignUp: the new user, its password and attributes', explain: 'cognito.sign-up' },
    {
      ClientId: input.clientId,
      Username: run.username,
      Password: input.password,
      UserAttributes: Object.entries(input.attributes ?? {}).map(([Name, Value]) => ({
        Name,
        Value,
      })),
      ...hash,
    },
  )
  const facts = { UserConfirmed: answer.UserConfirmed, UserSub: answer.UserSub }
  if (answer.UserConfirmed) {
    noteOutcome(
      run,
      'COGNITO_USER_CONFIRMED',
      'The pool confirmed the user at sign-up (a pre sign-up trigger): no code to enter, the user can sign in now.',
      'AWS Cognito API Reference, SignUp (UserConfirmed)',
    )
    return
  }
  const where = showCodeDelivery(run, answer.CodeDeliveryDetails, facts)
  if (input.confirm) await confirmWithCode(run, where)
}

/**
 * ConfirmSignUp alone: with the code given, or asked for.
 * @see https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_ConfirmSignUp.html
 */
export async function confirmSignUp(run: AccountRun): Promise<void> {
  await confirmWithCode(run, 'The code Cognito sent at sign-up', run.input.code)
}

/**
 * ResendConfirmationCode: a new code (the earlier one stops working), then, in the same run, that
 * code asked for and ConfirmSignUp.
 * @see https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_ResendConfirmationCode.html
 */
export async function resendCode(run: AccountRun): Promise<void> {
  const hash = await secretHashMember(run)
  const answer = await run.api.resendConfirmationCode(
    {
      title: 'ResendConfirmationCode: a new code, the earlier one void',
      explain: 'cognito.resend-code',
    },
    { ClientId: run.input.clientId, Username: run.username, ...hash },
  )
  const where = showCodeDelivery(run, answer.CodeDeliveryDetails)
  if (run.input.confirm) await confirmWithCode(run, where)
}

/** Asks for the code (unless given), sends ConfirmSignUp and says what it means. */
async function confirmWithCode(run: AccountRun, where: string, given?: string): Promise<void> {
  const code = given ?? (await askCode(run, where))
  const hash = await secretHashMember(run)
  await run.api.confirmSignUp(
    { title: 'ConfirmSignUp: the code confirms the user', explain: 'cognito.confirm-sign-up' },
    {
      ClientId: run.input.clientId,
      Username: run.username,
      ConfirmationCode: code.trim(),
      ...hash,
    },
  )
  noteOutcome(
    run,
    'COGNITO_USER_CONFIRMED',
    `${run.username} is confirmed: the user can sign in now, and the address the code went to counts as verified.`,
    REF_CONFIRM,
  )
}

async function askCode(run: AccountRun, where: string): Promise<string> {
  const values = await run.ctx.input(
    { title: 'Enter the confirmation code', explain: 'cognito.confirmation-code' },
    [{ name: 'code', label: where, secret: true }],
  )
  return values.code ?? ''
}
