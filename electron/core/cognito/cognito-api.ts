// Cognito's public user-pool operations (no AWS credentials: the client proves itself with its id
// and SECRET_HASH) through @aws-sdk/client-cognito-identity-provider, each call one http step.
// @see https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_Operations.html
import {
  AssociateSoftwareTokenCommand,
  CognitoIdentityProviderClient,
  InitiateAuthCommand,
  RespondToAuthChallengeCommand,
  VerifySoftwareTokenCommand,
  type AssociateSoftwareTokenCommandInput,
  type InitiateAuthCommandInput,
  type RespondToAuthChallengeCommandInput,
  type VerifySoftwareTokenCommandInput,
} from '@aws-sdk/client-cognito-identity-provider'
import type { RunContext } from '../runs/run-context'
import type { StepMeta } from '../runs/run-recorder'
import { createRecordingRequestHandler } from './recording-request-handler'

type Meta = Omit<StepMeta, 'kind'>

export type CognitoApi = ReturnType<typeof createCognitoApi>

/**
 * One SDK client for the run; each call names the step it becomes.
 * @see https://docs.aws.amazon.com/cognito/latest/developerguide/amazon-cognito-user-pools-authentication-flow.html
 */
export function createCognitoApi(ctx: RunContext, target: { endpoint: string; region: string }) {
  let stepFetch: typeof fetch | undefined
  const client = new CognitoIdentityProviderClient({
    endpoint: target.endpoint,
    region: target.region,
    // A retry would send the same request again, unasked and recorded twice: a person decides.
    maxAttempts: 1,
    requestHandler: createRecordingRequestHandler(() => {
      if (stepFetch === undefined) throw new Error('A Cognito request was sent outside a call.')
      return stepFetch
    }),
  })
  async function call<T>(meta: Meta, send: () => Promise<T>): Promise<T> {
    stepFetch = ctx.fetchFor(meta)
    try {
      return await send()
    } finally {
      stepFetch = undefined
    }
  }
  const options = { abortSignal: ctx.signal }
  return {
    /** @see https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_InitiateAuth.html */
    initiateAuth: (meta: Meta, input: InitiateAuthCommandInput) =>
      call(meta, () => client.send(new InitiateAuthCommand(input), options)),
    /** @see https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_RespondToAuthChallenge.html */
    respondToAuthChallenge: (meta: Meta, input: RespondToAuthChallengeCommandInput) =>
      call(meta, () => client.send(new RespondToAuthChallengeCommand(input), options)),
    /** @see https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_AssociateSoftwareToken.html */
    associateSoftwareToken: (meta: Meta, input: AssociateSoftwareTokenCommandInput) =>
      call(meta, () => client.send(new AssociateSoftwareTokenCommand(input), options)),
    /** @see https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_VerifySoftwareToken.html */
    verifySoftwareToken: (meta: Meta, input: VerifySoftwareTokenCommandInput) =>
      call(meta, () => client.send(new VerifySoftwareTokenCommand(input), options)),
  }
}
