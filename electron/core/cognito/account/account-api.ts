// The account operations of Cognito's public user-pool API (SignUp and its confirmation, password
// reset and change) through @aws-sdk/client-cognito-identity-provider, each call one http step
// recorded by the same request handler as the sign-in's calls.
// @see https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_Operations.html
import {
  ChangePasswordCommand,
  ConfirmForgotPasswordCommand,
  ConfirmSignUpCommand,
  ForgotPasswordCommand,
  ResendConfirmationCodeCommand,
  SignUpCommand,
  type ChangePasswordCommandInput,
  type ConfirmForgotPasswordCommandInput,
  type ConfirmSignUpCommandInput,
  type ForgotPasswordCommandInput,
  type ResendConfirmationCodeCommandInput,
  type SignUpCommandInput,
} from '@aws-sdk/client-cognito-identity-provider'
import type { RunContext } from '../../runs/run-context'
import { createRecordedCognitoClient, type CallMeta } from '../recorded-cognito-client'
import { createSessionApi } from '../session-api'

export type AccountApi = ReturnType<typeof createAccountApi>

/**
 * Each call names the step it becomes. These operations need no AWS
 * credentials: the app client id (and SecretHash) is all the caller shows.
 * @see https://docs.aws.amazon.com/cognito/latest/developerguide/user-pools-API-operations.html
 */
export function createAccountApi(ctx: RunContext, target: { endpoint: string; region: string }) {
  const call = createRecordedCognitoClient(ctx, target)
  return {
    /** @see https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_SignUp.html */
    signUp: (meta: CallMeta, input: SignUpCommandInput) =>
      call(meta, (client, options) => client.send(new SignUpCommand(input), options)),
    /** @see https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_ConfirmSignUp.html */
    confirmSignUp: (meta: CallMeta, input: ConfirmSignUpCommandInput) =>
      call(meta, (client, options) => client.send(new ConfirmSignUpCommand(input), options)),
    /** @see https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_ResendConfirmationCode.html */
    resendConfirmationCode: (meta: CallMeta, input: ResendConfirmationCodeCommandInput) =>
      call(meta, (client, options) =>
        client.send(new ResendConfirmationCodeCommand(input), options),
      ),
    /** @see https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_ForgotPassword.html */
    forgotPassword: (meta: CallMeta, input: ForgotPasswordCommandInput) =>
      call(meta, (client, options) => client.send(new ForgotPasswordCommand(input), options)),
    /** @see https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_ConfirmForgotPassword.html */
    confirmForgotPassword: (meta: CallMeta, input: ConfirmForgotPasswordCommandInput) =>
      call(meta, (client, options) =>
        client.send(new ConfirmForgotPasswordCommand(input), options),
      ),
    /** @see https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_ChangePassword.html */
    changePassword: (meta: CallMeta, input: ChangePasswordCommandInput) =>
      call(meta, (client, options) => client.send(new ChangePasswordCommand(input), options)),
    ...createSessionApi(call),
  }
}
