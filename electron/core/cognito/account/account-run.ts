// What one account run carries from step to step, and the steps every action shares: SecretHash
// for a client with a secret, where Cognito sent a code, and what the last answer means for the
// account.
// @see https://docs.aws.amazon.com/cognito/latest/developerguide/signing-up-users-in-your-app.html
import type { CodeDeliveryDetailsType } from '@aws-sdk/client-cognito-identity-provider'
import type { CognitoAccountInput } from '../../../../shared/cognito-account-input'
import type { RunContext } from '../../runs/run-context'
import type { SecretHasher } from '../secret-hash-step'
import type { AccountApi } from './account-api'

export type AccountRun = {
  ctx: RunContext
  input: CognitoAccountInput
  api: AccountApi
  secretHash: SecretHasher
  /** The user name every call names (and SecretHash hashes). */
  username: string
}

const SECRET_HASH_WHY =
  'SignUp, ConfirmSignUp, ResendConfirmationCode, ForgotPassword and ConfirmForgotPassword carry it as SecretHash, a member of the request, over the user name as sent.'

/**
 * `{ SecretHash }` for a client with a secret (a compute step shows it being made), else `{}`.
 * @see https://docs.aws.amazon.com/cognito/latest/developerguide/signing-up-users-in-your-app.html#cognito-user-pools-computing-secret-hash
 */
export async function secretHashMember(run: AccountRun): Promise<{ SecretHash?: string }> {
  const { SECRET_HASH } = await run.secretHash.paramsFor(run.username, SECRET_HASH_WHY)
  return SECRET_HASH === undefined ? {} : { SecretHash: SECRET_HASH }
}

/**
 * Shows where Cognito sent a code (the destination masked, as Cognito masks it) as a step's
 * outputs, with `extra` facts of the same answer; returns the words to ask for that code with.
 * @see https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_CodeDeliveryDetailsType.html
 */
export function showCodeDelivery(
  run: AccountRun,
  delivery: CodeDeliveryDetailsType | undefined,
  extra: Record<string, unknown> = {},
): string {
  const medium = delivery?.DeliveryMedium ?? 'an unnamed medium'
  const destination = delivery?.Destination ?? 'an address Cognito did not name'
  const attribute = delivery?.AttributeName ? ` (the user's ${delivery.AttributeName})` : ''
  run.ctx.check(
    {
      title: 'Read where Cognito sent the code (CodeDeliveryDetails)',
      explain: 'cognito.code-delivery',
    },
    [
      {
        code: 'COGNITO_CODE_SENT',
        severity: 'info',
        message: `Cognito sent a code by ${medium} to ${destination}${attribute}.`,
        hint: 'An unknown user name gets the same answer when the pool prevents user-existence errors: no code is on its way then.',
        ref: 'AWS Cognito API Reference, CodeDeliveryDetailsType',
      },
    ],
    {
      Destination: delivery?.Destination,
      DeliveryMedium: delivery?.DeliveryMedium,
      AttributeName: delivery?.AttributeName,
      ...extra,
    },
  )
  return `The code sent by ${medium} to ${destination}`
}

/** Records what the last answer means for the account, as an info check at the end of the run. */
export function noteOutcome(run: AccountRun, code: string, message: string, ref: string): void {
  run.ctx.check(
    { title: 'Read what the answer means for the account', explain: 'cognito.account-outcome' },
    [{ code, severity: 'info', message, ref }],
  )
}
