// What a failed run tells a developer, for the mistakes met most often: a redirect URI the
// provider does not know, a callback that never comes, the user pressing Deny, a scope or grant
// the client may not use, an authorization response without iss.
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { OidcSandbox } from '../../electron/core/sandbox/oidc/oidc-sandbox'
import type { CodeFlowInput } from '../../shared/flow-input'
import type { Run } from '../../shared/run-model'
import { authorizationUrlOf } from '../helpers/run-events'
import { ALICE, redirectUriOf, sandboxCodeFlow } from '../helpers/sign-in-run'
import { testCore } from '../helpers/test-impl'
import { startSandboxAndBrowser, stopSandboxAndBrowser } from '../helpers/sandbox-and-browser'

let sandbox: OidcSandbox
let browser: Browser
const core = testCore()

beforeAll(async () => {
  ;({ sandbox, browser } = await startSandboxAndBrowser())
})
afterAll(() => stopSandboxAndBrowser({ sandbox, browser }))

const codeFlow = (overrides: Partial<CodeFlowInput> = {}) =>
  sandboxCodeFlow(sandbox.issuer, overrides)

/** Sends a browser to the run's authorization URL and lets `act` drive the provider's pages. */
async function runInBrowser(
  input: CodeFlowInput,
  act: (page: import('playwright-core').Page) => Promise<void> = async () => {},
): Promise<Run> {
  const { run, done } = core.runs.start(input)
  const page = await (await browser.newContext()).newPage()
  await page.goto(await authorizationUrlOf(core, run.id))
  await act(page)
  const finished = await done
  await page.context().close()
  return finished
}

describe('diagnostics of failed runs', () => {
  it('says at once, in the callback step, that the provider refuses an unregistered redirect URI', async () => {
    const started = Date.now()
    const run = await core.runs.start(
      codeFlow({ redirect: { host: '127.0.0.1', port: 0, path: '/not-registered' } }),
    ).done
    expect(Date.now() - started).toBeLessThan(5_000) // not the 20 s callback timeout
    expect(run.status).toBe('failed')
    const callback = run.steps.at(-1)
    expect(callback).toMatchObject({ kind: 'callback', status: 'failed' })
    expect(callback?.diagnostics[0]).toMatchObject({
      code: 'OAUTH_REDIRECT_URI_REFUSED',
      ref: 'RFC 6749 §3.1.2.2',
    })
    expect(callback?.diagnostics[0]?.message).toMatch(
      /redirect URI http:\/\/127\.0\.0\.1:\d+\/not-registered: .* HTTP 400 .*redirect_uri did not match/,
    )
    expect(callback?.diagnostics[0]?.hint).toMatch(/Register this exact URI/)
  })

  it('when no browser ever comes back, the timeout names redirect URI registration', async () => {
    const run = await core.runs.start(codeFlow({ callbackTimeoutMs: 1_000 })).done
    expect(run.status).toBe('failed')
    expect(run.diagnostics[0]).toMatchObject({ code: 'LOOPBACK_TIMEOUT' })
    expect(run.diagnostics[0]?.message).toMatch(/the browser never came back/)
    expect(run.diagnostics[0]?.hint).toMatch(/redirect URI is not registered for the client/)
  })

  it('turns a callback carrying error=access_denied (the user pressed Deny) into a failed run', async () => {
    const run = await runInBrowser(codeFlow(), async (page) => {
      await page.getByLabel('Username').fill(ALICE.username)
      await page.getByLabel('Password').fill(ALICE.password)
      await page.getByRole('button', { name: 'Sign in' }).click()
      await page.getByRole('button', { name: 'Deny' }).click()
    })
    expect(run.status).toBe('failed')
    expect(run.steps.find((step) => step.kind === 'callback')?.outputs.parameters).toMatchObject({
      error: 'access_denied',
    })
    expect(run.diagnostics[0]).toMatchObject({
      code: 'OAUTH_ACCESS_DENIED',
      ref: 'RFC 6749 §4.1.2.1',
    })
    expect(run.diagnostics[0]?.hint).toMatch(/pressed Deny/)
    expect(run.tokens).toEqual([])
  })

  it('names a scope the client may not ask for as invalid_scope', async () => {
    const run = await runInBrowser(
      codeFlow({ client: { clientId: 'afx-native', scope: 'openid api:write' } }),
    )
    expect(run.status).toBe('failed')
    expect(run.diagnostics[0]).toMatchObject({ code: 'OAUTH_INVALID_SCOPE' })
    expect(run.diagnostics[0]?.message).toMatch(/requested scope is not allowed/)
    expect(run.diagnostics[0]?.hint).toMatch(/not allowed for this client/)
  })

  // RFC 6749 names this unauthorized_client; oidc-provider answers invalid_request and says why,
  // so the hint comes from its description.
  it('says which registration to change for a grant the client may not use', async () => {
    const run = await core.runs.start({
      flow: 'client_credentials',
      provider: { issuer: sandbox.issuer },
      client: {
        clientId: 'afx-web-basic',
        clientSecret: sandbox.description.clients.find((c) => c.client_id === 'afx-web-basic')
          ?.client_secret,
      },
      mode: 'auto',
    }).done
    expect(run.status).toBe('failed')
    expect(run.diagnostics[0]).toMatchObject({
      code: 'OAUTH_INVALID_REQUEST',
      message: expect.stringContaining('requested grant type is not allowed for this client'),
    })
    expect(run.diagnostics[0]?.hint).toMatch(/add it to the client's grant_types/)
  })

  it('refuses an authorization response without iss, since the provider promises one', async () => {
    const { run, done } = core.runs.start(codeFlow())
    const redirectUri = await redirectUriOf(core, run.id)
    const state = new URL(await authorizationUrlOf(core, run.id)).searchParams.get('state')
    // What a proxy or a pasted URL would deliver: the code and state, the iss dropped.
    await fetch(`${redirectUri}?code=a-code-from-somewhere&state=${state}`)
    const finished = await done
    expect(finished.status).toBe('failed')
    expect(finished.diagnostics[0]).toMatchObject({
      code: 'OAUTH_ISS_MISSING',
      ref: 'RFC 9207 §2.4',
    })
    expect(finished.diagnostics[0]?.hint).toMatch(/authorization_response_iss_parameter_supported/)
  })
})
