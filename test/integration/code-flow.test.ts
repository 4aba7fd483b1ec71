import { createRemoteJWKSet, jwtVerify } from 'jose'
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { OidcSandbox } from '../../electron/core/sandbox/oidc/oidc-sandbox'
import type { CodeFlowInput } from '../../shared/flow-input'
import type { Run } from '../../shared/run-model'
import { signInAtSandbox } from '../helpers/sandbox-login'
import { authorizationUrlOf, waitForRun } from '../helpers/run-events'
import { sandboxCodeFlow } from '../helpers/sign-in-run'
import { testCore } from '../helpers/test-impl'
import { startSandboxAndBrowser, stopSandboxAndBrowser } from '../helpers/sandbox-and-browser'

let sandbox: OidcSandbox
let browser: Browser
const core = testCore()
const alice = { username: 'alice', password: 'alice-password' }

beforeAll(async () => {
  ;({ sandbox, browser } = await startSandboxAndBrowser())
})
afterAll(() => stopSandboxAndBrowser({ sandbox, browser }))

const codeFlow = (overrides: Partial<CodeFlowInput> = {}) =>
  sandboxCodeFlow(sandbox.issuer, {
    client: { clientId: 'afx-native', scope: 'openid profile email' },
    ...overrides,
  })

/** Starts a code flow, signs alice in through Chromium, and returns the finished run. */
async function runWithLogin(input: CodeFlowInput): Promise<Run> {
  const { run, done } = core.runs.start(input)
  const url = await authorizationUrlOf(core, run.id)
  const redirectPrefix = `http://${input.redirect.host}:`
  const page = await signInAtSandbox(browser, url, alice, redirectPrefix)
  const finished = await done
  await page.context().close()
  return finished
}

/** A port nothing listens on: bound, then released. */
async function closedPort(): Promise<number> {
  const server = createServer()
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  await new Promise((resolve) => server.close(resolve))
  return port
}

const stepTitles = (run: Run) => run.steps.map((step) => `${step.kind}: ${step.status}`)

describe('authorization code flow against the sandbox provider', () => {
  it('completes code + PKCE S256: every step recorded, secrets redacted, the ID token verifies', async () => {
    const run = await runWithLogin(codeFlow())

    expect(run.status).toBe('succeeded')
    expect(stepTitles(run)).toEqual([
      'http: done', // discovery
      'compute: done', // loopback listener
      'compute: done', // state, nonce, PKCE
      'browser: done',
      'callback: done',
      'http: done', // token exchange
      'http: done', // JWKS
      'check: done', // the ID token: signature and every claim
    ])
    const check = run.steps[7]!
    expect(check.outputs).toMatchObject({ signature: 'valid', failed: 0 })
    expect(check.diagnostics.map((diagnostic) => diagnostic.severity)).not.toContain('error')
    expect(check.diagnostics.map((diagnostic) => diagnostic.ref)).toContain(
      'OIDC Core §3.1.3.7 step 11',
    )
    const callback = run.steps[4]!.outputs.parameters as Record<string, string>
    expect(callback.code).toMatch(/^«secret:s\d+:code»$/)
    expect(callback.state).toMatch(/^[\w-]{43}$/) // state is not a secret: it is shown
    const exchange = run.steps[5]!.exchange!
    expect(exchange.request.body).toMatch(
      /code_verifier=%C2%ABsecret%3As\d+%3A|code_verifier=«secret:/,
    )
    expect(exchange.request.body).not.toMatch(/code_verifier=[\w-]{43}/)
    expect(exchange.response?.body).toMatch(/"id_token":"«secret:s\d+:id_token»"/)
    expect(JSON.stringify(run)).not.toMatch(/eyJ[\w-]+\.eyJ/) // no JWT anywhere in clear

    const idToken = run.tokens.find((token) => token.name === 'id_token')!
    const secretId = /«secret:(s\d+):/.exec(idToken.value)![1]!
    const value = core.runs.revealSecret(run.id, secretId)
    const jwks = createRemoteJWKSet(new URL(`${sandbox.issuer}/jwks`))
    const { payload } = await jwtVerify(value, jwks, {
      issuer: sandbox.issuer,
      audience: 'afx-native',
    })
    expect(payload.sub).toBe('alice')
  })

  it('uses a code_verifier the user gives (RFC 7636 Appendix B), its S256 challenge shown', async () => {
    const verifier = 'dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk'
    const run = await runWithLogin(codeFlow({ codeVerifier: verifier }))
    expect(run.status).toBe('succeeded')
    expect(run.steps[2]!.outputs.code_challenge).toBe('E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM')
    const marker = String(run.steps[2]!.outputs.code_verifier)
    const secretId = /«secret:(s\d+):/.exec(marker)![1]!
    expect(core.runs.revealSecret(run.id, secretId)).toBe(verifier)
  })

  it.each(['form_post', 'fragment'] as const)('accepts the callback as %s', async (mode) => {
    const run = await runWithLogin(codeFlow({ responseMode: mode }))
    expect(run.status).toBe('succeeded')
    expect(run.steps.find((step) => step.kind === 'callback')?.outputs.response_mode).toBe(mode)
  })

  it('redirects to localhost when the profile says so, the redirect URI matching character for character', async () => {
    const run = await runWithLogin(
      codeFlow({ redirect: { host: 'localhost', port: 0, path: '/callback' } }),
    )
    expect(run.status).toBe('succeeded')
    expect(String(run.steps[1]!.outputs.redirect_uri)).toMatch(/^http:\/\/localhost:\d+\/callback$/)
  })

  it('shows the provider refusing PKCE plain, in words', async () => {
    const { run, done } = core.runs.start(codeFlow({ pkce: 'plain' }))
    const url = await authorizationUrlOf(core, run.id)
    const page = await (await browser.newContext()).newPage()
    await page.goto(url) // oidc-provider refuses plain before any login
    const finished = await done
    await page.context().close()
    expect(finished.status).toBe('failed')
    expect(finished.diagnostics[0]).toMatchObject({ code: 'OAUTH_INVALID_REQUEST' })
    expect(finished.diagnostics[0]?.message).toBe(
      'The provider refused with invalid_request: "not supported value of code_challenge_method".',
    )
  })

  it('runs client credentials with a resource and keeps the JWT access token as a secret', async () => {
    const { done } = core.runs.start({
      flow: 'client_credentials',
      provider: { issuer: sandbox.issuer },
      client: {
        clientId: 'afx-service',
        clientSecret: sandbox.description.clients.find((c) => c.client_id === 'afx-service')!
          .client_secret,
        scope: 'api:read',
        extraParams: { resource: 'urn:afx:sandbox-api' },
      },
      mode: 'auto',
    })
    const run = await done
    expect(run.status).toBe('succeeded')
    const tokenStep = run.steps.at(-1)!
    expect(tokenStep.exchange?.request.headers.authorization).toMatch(
      /^Basic «secret:s\d+:authorization»$/,
    )
    expect(run.tokens.map((token) => token.name)).toEqual(['access_token'])
  })

  it('names a wrong client secret as invalid_client, with what to check', async () => {
    const { done } = core.runs.start({
      flow: 'client_credentials',
      provider: { issuer: sandbox.issuer },
      client: { clientId: 'afx-service', clientSecret: 'not-the-secret-at-all' },
      mode: 'auto',
    })
    const run = await done
    expect(run.status).toBe('failed')
    expect(run.diagnostics[0]).toMatchObject({ code: 'OAUTH_INVALID_CLIENT', ref: 'RFC 6749 §5.2' })
    expect(JSON.stringify(run)).not.toContain('not-the-secret-at-all')
  })

  it('says when the provider cannot be reached', async () => {
    const { done } = core.runs.start({
      flow: 'client_credentials',
      provider: { issuer: `http://127.0.0.1:${await closedPort()}/` },
      client: { clientId: 'x' },
      mode: 'auto',
    })
    const run = await done
    expect(run.status).toBe('failed')
    expect(run.steps[0]?.diagnostics[0]).toMatchObject({ code: 'HTTP_CONNECTION_REFUSED' })
  })

  it('cancels a run waiting for the callback and frees its listener', async () => {
    const { run } = core.runs.start(codeFlow())
    const waiting = await waitForRun(core, run.id, (candidate) => candidate.status === 'waiting')
    const redirectUri = String(waiting.steps[1]?.outputs.redirect_uri)
    const cancelled = await core.runs.cancel(run.id)
    expect(cancelled.status).toBe('cancelled')
    expect(cancelled.steps.at(-1)?.status).toBe('cancelled')
    await expect(fetch(redirectUri)).rejects.toThrow()
  })
})

describe('step-by-step runs', () => {
  it('waits before each step and applies edits: a dropped code_verifier is refused as invalid_grant', async () => {
    const { run } = core.runs.start(codeFlow({ mode: 'step' }))
    const advanceWhenReady = async (edits?: { remove?: string[] }) => {
      const paused = await waitForRun(core, run.id, (candidate) => candidate.status === 'paused')
      core.runs.advance(run.id, edits)
      return paused.steps.at(-1)!
    }
    expect((await advanceWhenReady()).title).toMatch(/Discover the provider/)
    expect((await advanceWhenReady()).title).toMatch(/Listen for the redirect/)
    expect((await advanceWhenReady()).title).toMatch(/state, nonce and the PKCE pair/)
    const browserStep = await advanceWhenReady()
    expect(browserStep.kind).toBe('browser')
    const url = await authorizationUrlOf(core, run.id)
    const page = await signInAtSandbox(browser, url, alice, 'http://127.0.0.1:')
    const tokenStep = await advanceWhenReady({ remove: ['code_verifier'] })
    expect(tokenStep.exchange?.request.body).toContain('code_verifier')
    const finished = await waitForRun(core, run.id, (candidate) => candidate.status === 'failed')
    await page.context().close()
    expect(finished.steps.at(-1)?.exchange?.request.body).not.toContain('code_verifier')
    expect(finished.diagnostics[0]).toMatchObject({ code: 'OAUTH_INVALID_GRANT' })
  })
})
