// The redirect-refusal probe (browser-round-trip.ts) asks the provider for the authorization URL
// itself only when the browser has not come back by the time a person could have signed in: a
// quick answer costs the provider no second authorization request, a slow one is still probed
// beside the wait, and a refused redirect URI still fails the run long before the callback timeout.
import { performance } from 'node:perf_hooks'
import { afterEach, describe, expect, it } from 'vitest'
import { PROBE_DELAY_MS } from '../../electron/core/oauth/browser-round-trip'
import type { CodeFlowInput } from '../../shared/flow-input'
import type { Run } from '../../shared/run-model'
import { AUTHORIZE, approveAtOnce } from '../helpers/approve-at-once'
import { createFaultCore } from '../helpers/fault-core'
import {
  DISCOVERY_PATH,
  sendText,
  startFaultProvider,
  type FaultProvider,
  type FaultRoute,
} from '../helpers/fault-provider'
import { followAutoApproval } from '../helpers/follow-auto-approval'
import { authorizationUrlOf } from '../helpers/run-events'

const core = createFaultCore()
const CALLBACK_TIMEOUT_MS = 10_000

let provider: FaultProvider | undefined
afterEach(() => provider?.close())

async function codeFlowAt(authorize: FaultRoute): Promise<CodeFlowInput> {
  provider = await startFaultProvider({ [AUTHORIZE]: authorize })
  return {
    flow: 'code',
    provider: { issuer: provider.issuer },
    client: { clientId: 'afx-native', scope: 'profile' },
    mode: 'auto',
    pkce: 'S256',
    responseMode: 'query',
    redirect: { host: '127.0.0.1', port: 0, path: '/callback' },
    browser: 'none',
    callbackTimeoutMs: CALLBACK_TIMEOUT_MS,
  }
}

/** Resolves once `condition` holds, checking every 20 ms, or fails after `withinMs`. */
async function until(condition: () => boolean, withinMs: number): Promise<void> {
  const deadline = performance.now() + withinMs
  while (!condition()) {
    if (performance.now() > deadline) throw new Error(`not so within ${withinMs} ms`)
    await new Promise((resolve) => setTimeout(resolve, 20))
  }
}

const DISCOVERY = `GET ${DISCOVERY_PATH}`
const TOKEN = 'POST /token'

/** The callback step of a finished run: done means the run took the browser's answer. */
const callbackOf = (run: Run) => run.steps.find((step) => step.kind === 'callback')

// The fault provider's token answer carries no ID token, so these runs fail after the exchange;
// what matters here is what the provider was asked, and that the callback was taken.
describe('the redirect-refusal probe', () => {
  it('sends the provider no second authorization request when the browser comes back at once', async () => {
    const { run, done } = core.runs.start(await codeFlowAt(approveAtOnce))
    await followAutoApproval(await authorizationUrlOf(core, run.id))

    expect(callbackOf(await done)?.status).toBe('done')
    expect(provider?.requests).toEqual([DISCOVERY, AUTHORIZE, TOKEN])
  })

  it('asks beside a long wait, and the run still takes the answer that comes after', async () => {
    const { run, done } = core.runs.start(await codeFlowAt(approveAtOnce))
    const url = await authorizationUrlOf(core, run.id)

    await until(() => provider?.requests.includes(AUTHORIZE) === true, PROBE_DELAY_MS + 2_000)
    expect(core.runs.get(run.id).status).toBe('waiting')
    await followAutoApproval(url)

    expect(callbackOf(await done)?.status).toBe('done')
    expect(provider?.requests).toEqual([DISCOVERY, AUTHORIZE, AUTHORIZE, TOKEN]) // probe, browser
  })

  it('fails the run on the provider’s refusal long before the callback timeout', async () => {
    const refuse: FaultRoute = (_req, res) =>
      sendText(
        res,
        '<p>invalid_request: redirect_uri did not match any registered</p>',
        'text/html',
        400,
      )
    const started = performance.now()

    const finished = await core.runs.start(await codeFlowAt(refuse)).done

    expect(performance.now() - started).toBeLessThan(CALLBACK_TIMEOUT_MS / 2)
    expect(finished.status).toBe('failed')
    expect(finished.steps.at(-1)).toMatchObject({ kind: 'callback', status: 'failed' })
    expect(finished.diagnostics[0]).toMatchObject({ code: 'OAUTH_REDIRECT_URI_REFUSED' })
    expect(finished.diagnostics[0]?.message).toMatch(/HTTP 400 .*redirect_uri did not match/)
  })
})
