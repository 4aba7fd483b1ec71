// Runs the engine's code flow against the hostile provider, playing its auto-approving browser,
// and reveals what the run kept: for tests of what comes after the token response.
import type { Core } from '../../electron/core/create-core'
import type { CodeFlowInput } from '../../shared/flow-input'
import { SECRET_MARKER, type Run } from '../../shared/run-model'
import type { HostileProvider } from '../fixtures/hostile-provider/hostile-provider'
import { followAutoApproval } from './follow-auto-approval'
import { authorizationUrlOf } from './run-events'

export const HOSTILE_CLIENT_ID = 'hostile-rp'

export const hostileCodeFlow = (
  provider: HostileProvider,
  options: Partial<CodeFlowInput> = {},
): CodeFlowInput => ({
  flow: 'code',
  provider: { issuer: provider.issuer },
  client: { clientId: HOSTILE_CLIENT_ID, scope: 'openid' },
  mode: 'auto',
  pkce: 'S256',
  responseMode: 'query',
  redirect: { host: '127.0.0.1', port: 0, path: '/callback' },
  browser: 'none',
  callbackTimeoutMs: 10_000,
  ...options,
})

/** Starts the flow, follows the provider's instant approval, and returns the finished run. */
export async function runHostileCodeFlow(core: Core, input: CodeFlowInput): Promise<Run> {
  const { run, done } = core.runs.start(input)
  await followAutoApproval(await authorizationUrlOf(core, run.id))
  return done
}

/** The text with each «secret:…» marker replaced by the value the live run holds for it. */
export function revealIn(core: Core, run: Run, text: string): string {
  return text.replace(SECRET_MARKER, (_marker, secretId: string) =>
    core.runs.revealSecret(run.id, secretId),
  )
}
