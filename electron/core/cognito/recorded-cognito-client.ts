// One AWS SDK client per run for Cognito's public user-pool API, whose every call becomes one
// http step of the run: the request handler records through the step's own fetch.
// @see https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_Operations.html
import { CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider'
import type { FetchStepOptions, RunContext } from '../runs/run-context'
import type { StepMeta } from '../runs/run-recorder'
import { createRecordingRequestHandler } from './recording-request-handler'

export type CallMeta = Omit<StepMeta, 'kind'>

type SendOptions = { abortSignal: AbortSignal }

/**
 * Runs `send` as the step `meta` names (`expected` recognising a refusal the run means to show);
 * a request made outside a call is a bug, and says so.
 */
export type RecordedCall = <T>(
  meta: CallMeta,
  send: (client: CognitoIdentityProviderClient, options: SendOptions) => Promise<T>,
  expected?: FetchStepOptions,
) => Promise<T>

export function createRecordedCognitoClient(
  ctx: RunContext,
  target: { endpoint: string; region: string },
): RecordedCall {
  let stepFetch: typeof fetch | undefined
  const client = new CognitoIdentityProviderClient({
    endpoint: target.endpoint,
    region: target.region,
    // A retry would send the same request again, unasked and recorded twice (a second code sent,
    // a code spent): a person decides.
    maxAttempts: 1,
    requestHandler: createRecordingRequestHandler(() => {
      if (stepFetch === undefined) throw new Error('A Cognito request was sent outside a call.')
      return stepFetch
    }),
  })
  const options = { abortSignal: ctx.signal }
  return async (meta, send, expected) => {
    stepFetch = ctx.fetchFor(meta, expected)
    try {
      return await send(client, options)
    } finally {
      stepFetch = undefined
    }
  }
}
