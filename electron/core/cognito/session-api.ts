// The operations on a signed-in user that a sign-in and the account helpers share: enrolling an
// authenticator (with the sign-in's session, or a signed-in user's access token), reading the
// user, and ending sessions (GlobalSignOut for every sign-in, RevokeToken for one refresh token).
// @see https://docs.aws.amazon.com/cognito/latest/developerguide/user-pools-API-operations.html
import {
  AssociateSoftwareTokenCommand,
  GetUserCommand,
  GlobalSignOutCommand,
  RevokeTokenCommand,
  SetUserMFAPreferenceCommand,
  VerifySoftwareTokenCommand,
  type AssociateSoftwareTokenCommandInput,
  type GetUserCommandInput,
  type GlobalSignOutCommandInput,
  type RevokeTokenCommandInput,
  type SetUserMFAPreferenceCommandInput,
  type VerifySoftwareTokenCommandInput,
} from '@aws-sdk/client-cognito-identity-provider'
import type { FetchStepOptions } from '../runs/run-context'
import type { CallMeta, RecordedCall } from './recorded-cognito-client'

/** Each call names the step it becomes; `expected` marks a refusal the run sets out to show. */
export function createSessionApi(call: RecordedCall) {
  return {
    /** @see https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_AssociateSoftwareToken.html */
    associateSoftwareToken: (meta: CallMeta, input: AssociateSoftwareTokenCommandInput) =>
      call(meta, (client, options) =>
        client.send(new AssociateSoftwareTokenCommand(input), options),
      ),
    /** @see https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_VerifySoftwareToken.html */
    verifySoftwareToken: (meta: CallMeta, input: VerifySoftwareTokenCommandInput) =>
      call(meta, (client, options) => client.send(new VerifySoftwareTokenCommand(input), options)),
    /** @see https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_SetUserMFAPreference.html */
    setUserMfaPreference: (meta: CallMeta, input: SetUserMFAPreferenceCommandInput) =>
      call(meta, (client, options) => client.send(new SetUserMFAPreferenceCommand(input), options)),
    /** @see https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_GetUser.html */
    getUser: (meta: CallMeta, input: GetUserCommandInput, expected?: FetchStepOptions) =>
      call(meta, (client, options) => client.send(new GetUserCommand(input), options), expected),
    /** @see https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_GlobalSignOut.html */
    globalSignOut: (meta: CallMeta, input: GlobalSignOutCommandInput) =>
      call(meta, (client, options) => client.send(new GlobalSignOutCommand(input), options)),
    /** @see https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_RevokeToken.html */
    revokeToken: (meta: CallMeta, input: RevokeTokenCommandInput) =>
      call(meta, (client, options) => client.send(new RevokeTokenCommand(input), options)),
  }
}
