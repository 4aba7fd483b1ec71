// The flows whose answer comes back in the URL fragment (implicit: id_token, id_token token,
// token; hybrid: code id_token), relayed to the loopback listener by its callback page, against
// the sandbox provider with Chromium signing the user in.
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { OidcSandbox } from '../../electron/core/sandbox/oidc/oidc-sandbox'
import type { HybridFlowInput, ImplicitFlowInput } from '../../shared/flow-input'
import type { Run } from '../../shared/run-model'
import { authorizationUrlOf } from '../helpers/run-events'
import {
  ALICE,
  hasNoJwtInClear,
  redirectUriOf,
  revealToken,
  runWithSignIn,
} from '../helpers/sign-in-run'
import { testCore } from '../helpers/test-impl'
import { startSandboxAndBrowser, stopSandboxAndBrowser } from '../helpers/sandbox-and-browser'

let sandbox: OidcSandbox
let browser: Browser
const core = testCore()

beforeAll(async () => {
  ;({ sandbox, browser } = await startSandboxAndBrowser())
})
afterAll(() => stopSandboxAndBrowser({ sandbox, browser }))

const browserFields = {
  mode: 'auto',
  redirect: { host: '127.0.0.1', port: 0, path: '/callback' },
  browser: 'none',
  callbackTimeoutMs: 20_000,
} as const

const implicit = (
  responseType: ImplicitFlowInput['responseType'],
  clientId = 'afx-implicit',
): ImplicitFlowInput => ({
  flow: 'implicit',
  provider: { issuer: sandbox.issuer },
  client: { clientId, scope: 'openid profile' },
  responseType,
  ...browserFields,
})

const hybrid: () => HybridFlowInput = () => ({
  flow: 'hybrid',
  provider: { issuer: sandbox.issuer },
  client: { clientId: 'afx-hybrid', scope: 'openid email' },
  pkce: 'S256',
  ...browserFields,
})

const codesOf = (run: Run) => run.steps.flatMap((step) => step.diagnostics.map((d) => d.code))
const tokenNames = (run: Run) => run.tokens.map((token) => token.name).sort()

/** Sends the browser to the run's URL (no sign-in: the provider answers at once). */
async function visitAuthorizationUrl(runId: string, done: Promise<Run>): Promise<Run> {
  const page = await (await browser.newContext()).newPage()
  await page.goto(await authorizationUrlOf(core, runId))
  const finished = await done
  await page.context().close()
  return finished
}

describe('implicit flow', () => {
  it('id_token: openid-client checks the ID token from the fragment, then every claim is checked', async () => {
    const run = await runWithSignIn(core, browser, implicit('id_token'))
    expect(run.status).toBe('succeeded')
    const callback = run.steps.find((step) => step.kind === 'callback')
    expect(callback?.outputs.response_mode).toBe('fragment')
    expect((callback?.outputs.parameters as Record<string, string>).id_token).toMatch(
      /^«secret:s\d+:id_token»$/,
    )
    expect(tokenNames(run)).toEqual(['id_token'])
    expect(run.steps.at(-1)).toMatchObject({ kind: 'check', status: 'done' })
    expect(hasNoJwtInClear(run)).toBe(true)
  })

  it('id_token token: at_hash binds the access token, which is kept as a secret', async () => {
    const run = await runWithSignIn(core, browser, implicit('id_token token'))
    expect(run.status).toBe('succeeded')
    expect(tokenNames(run)).toEqual(['access_token', 'id_token'])
    expect(codesOf(run)).toContain('TOKEN_AT_HASH_OK')
    expect(JSON.stringify(run)).not.toContain(revealToken(core, run, 'access_token'))
    expect(hasNoJwtInClear(run)).toBe(true)
  })

  it('id_token token: an access token swapped in the fragment fails at_hash', async () => {
    const { run, done } = core.runs.start(implicit('id_token token'))
    const redirectUri = await redirectUriOf(core, run.id)
    // The relay page posts the fragment to the listener: change the access token on the way.
    const context = await browser.newContext()
    await context.route(`${redirectUri}/relay`, (route) => {
      const fragment = new URLSearchParams(route.request().postDataJSON().fragment)
      fragment.set('access_token', 'an-access-token-from-somewhere-else-entirely')
      return route.continue({ postData: JSON.stringify({ fragment: fragment.toString() }) })
    })
    const page = await context.newPage()
    await page.goto(await authorizationUrlOf(core, run.id))
    await page.getByLabel('Username').fill(ALICE.username)
    await page.getByLabel('Password').fill(ALICE.password)
    await page.getByRole('button', { name: 'Sign in' }).click()
    await page.getByRole('button', { name: 'Allow' }).click()
    const finished = await done
    await context.close()

    expect(finished.status).toBe('failed')
    const check = finished.steps.at(-1)
    expect(check).toMatchObject({ kind: 'check', status: 'failed' })
    expect(check?.diagnostics.find((d) => d.code === 'TOKEN_AT_HASH_MISMATCH')).toMatchObject({
      severity: 'error',
      ref: 'OIDC Core §3.2.2.9',
    })
  })

  it('token alone: the diagnostic says the provider refuses response_type=token, and why', async () => {
    const { run, done } = core.runs.start(implicit('token'))
    const finished = await visitAuthorizationUrl(run.id, done)
    expect(finished.status).toBe('failed')
    expect(finished.diagnostics[0]).toMatchObject({
      code: 'OAUTH_UNSUPPORTED_RESPONSE_TYPE',
      message: expect.stringContaining('unsupported_response_type'),
    })
    expect(finished.diagnostics[0]?.hint).toMatch(/response_type=token alone .* deprecated/)
  })

  it('tells to register the response type when the client may not use it', async () => {
    const { run, done } = core.runs.start(implicit('id_token', 'afx-native'))
    const finished = await visitAuthorizationUrl(run.id, done)
    expect(finished.status).toBe('failed')
    expect(finished.diagnostics[0]).toMatchObject({ code: 'OAUTH_INVALID_REQUEST' })
    expect(finished.diagnostics[0]?.hint).toMatch(/not registered for the response_type/)
  })
})

describe('hybrid flow', () => {
  it('code id_token: c_hash binds the code, which is then redeemed with PKCE', async () => {
    const run = await runWithSignIn(core, browser, hybrid(), {
      username: 'carol',
      password: 'carol-password',
    })
    expect(run.status).toBe('succeeded')
    const titles = run.steps.map((step) => step.title)
    expect(titles).toContain(
      "Fetch the provider's keys for openid-client's check of the fragment's ID token",
    )
    expect(titles).toContain('Exchange the code for tokens')
    const exchange = run.steps.find((step) => step.title === 'Exchange the code for tokens')
    expect(exchange?.exchange?.request.body).toMatch(/code_verifier=«secret:s\d+:code_verifier»/)
    expect(codesOf(run)).toContain('TOKEN_C_HASH_OK')
    expect(tokenNames(run)).toEqual(['access_token', 'id_token'])
    expect(hasNoJwtInClear(run)).toBe(true)
  })
})
