// Runs a browser flow on the engine while Chromium signs a demo user in at the sandbox provider,
// and reads back the clear value of a token the run kept (as a person revealing it would).
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import type { Browser } from 'playwright-core'
import type { Core } from '../../electron/core/create-core'
import type { CodeFlowInput, StartRunInput } from '../../shared/flow-input'
import type { Run } from '../../shared/run-model'
import { authorizationUrlOf, waitForRun } from './run-events'
import { signInAtSandbox } from './sandbox-login'

export const ALICE = { username: 'alice', password: 'alice-password' }

/**
 * A code + PKCE flow at the sandbox provider as the integration tests start one: the public
 * native client, a free loopback port, no browser opened (the test signs in), 20 s to do it.
 */
export function sandboxCodeFlow(
  issuer: string,
  overrides: Partial<CodeFlowInput> = {},
): CodeFlowInput {
  return {
    flow: 'code',
    provider: { issuer },
    client: { clientId: 'afx-native', scope: 'openid profile' },
    mode: 'auto',
    pkce: 'S256',
    responseMode: 'query',
    redirect: { host: '127.0.0.1', port: 0, path: '/callback' },
    browser: 'none',
    callbackTimeoutMs: 20_000,
    ...overrides,
  }
}

/** The redirect URI of a run's loopback listener, once it listens. */
export async function redirectUriOf(core: Pick<Core, 'events' | 'runs'>, runId: string) {
  const run = await waitForRun(core, runId, (candidate) =>
    candidate.steps.some((step) => typeof step.outputs.redirect_uri === 'string'),
  )
  return String(run.steps.find((step) => step.outputs.redirect_uri)?.outputs.redirect_uri)
}

/** Starts a browser flow, signs the user in (allowing consent), and returns the finished run. */
export async function runWithSignIn(
  core: Pick<Core, 'events' | 'runs'>,
  browser: Browser,
  input: StartRunInput,
  user = ALICE,
): Promise<Run> {
  const { run, done } = core.runs.start(input)
  const redirectUri = await redirectUriOf(core, run.id)
  const page = await signInAtSandbox(
    browser,
    await authorizationUrlOf(core, run.id),
    user,
    redirectUri,
  )
  const finished = await done
  await page.context().close()
  return finished
}

/** The clear value of the token `name` a run kept. */
export function revealToken(core: Pick<Core, 'runs'>, run: Run, name: string): string {
  const marker = run.tokens.find((token) => token.name === name)?.value ?? ''
  const id = /«secret:(s\d+):/.exec(marker)?.[1]
  if (id === undefined) throw new Error(`run ${run.id} kept no ${name}`)
  return core.runs.revealSecret(run.id, id)
}

/** A port nothing listens on: bound, then released. */
export async function freePort(): Promise<number> {
  const server = createServer()
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  await new Promise((resolve) => server.close(resolve))
  return port
}

/** True when no JWT appears anywhere in the run's record in clear. */
export const hasNoJwtInClear = (run: Run) => !/eyJ[\w-]+\.eyJ[\w-]+/.test(JSON.stringify(run))
