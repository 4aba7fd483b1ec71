// Cognito's public user-pool operations (no AWS credentials: the client proves itself with its id
// and SECRET_HASH) through @aws-sdk/client-cognito-identity-provider, each call one http step.
// @see https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_Operations.html
import {
  GetTokensFromRefreshTokenCommand,
  InitiateAuthCommand,
  RespondToAuthChallengeCommand,
  type GetTokensFromRefreshTokenCommandInput,
  type InitiateAuthCommandInput,
  type RespondToAuthChallengeCommandInput,
} from '@aws-sdk/client-cognito-identity-provider'
import type { RunContext } from '../runs/run-context'
import { createRecordedCognitoClient, type CallMeta } from './recorded-cognito-client'
import { createSessionApi } from './session-api'
import { createDeviceApi } from './device-api'

export type CognitoApi = ReturnType<typeof createCognitoApi>

/**
 * The sign-in operations (and those on the signed-in user, for MFA setup inside a sign-in); each
 * call names the step it becomes.
 * @see https://docs.aws.amazon.com/cognito/latest/developerguide/amazon-cognito-user-pools-authentication-flow.html
 */
export function createCognitoApi(ctx: RunContext, target: { endpoint: string; region: string }) {
  const call = createRecordedCognitoClient(ctx, target)
  return {
    /** @see https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_InitiateAuth.html */
    initiateAuth: (meta: CallMeta, input: InitiateAuthCommandInput) =>
      call(meta, (client, options) => client.send(new InitiateAuthCommand(input), options)),
    /** @see https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_RespondToAuthChallenge.html */
    respondToAuthChallenge: (meta: CallMeta, input: RespondToAuthChallengeCommandInput) =>
      call(meta, (client, options) =>
        client.send(new RespondToAuthChallengeCommand(input), options),
      ),
    /** @see https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_GetTokensFromRefreshToken.html */
    getTokensFromRefreshToken: (meta: CallMeta, input: GetTokensFromRefreshTokenCommandInput) =>
      call(meta, (client, options) =>
        client.send(new GetTokensFromRefreshTokenCommand(input), options),
      ),
    ...createSessionApi(call),
    ...createDeviceApi(call),
  }
}
