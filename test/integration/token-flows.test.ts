// The flows that use a token the user already has: refresh (and whether it rotated), UserInfo,
// introspection and revocation, through the engine and the CLI, against the sandbox provider.
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { OidcSandbox } from '../../electron/core/sandbox/oidc/oidc-sandbox'
import type { StartRunInput } from '../../shared/flow-input'
import type { Run } from '../../shared/run-model'
import { runCliInProcess } from '../helpers/run-cli-in-process'
import {
  freePort,
  hasNoJwtInClear,
  revealToken,
  runWithSignIn,
  sandboxCodeFlow,
} from '../helpers/sign-in-run'
import { testCore } from '../helpers/test-impl'
import { startSandboxAndBrowser, stopSandboxAndBrowser } from '../helpers/sandbox-and-browser'

let sandbox: OidcSandbox
let browser: Browser
let webPort: number
const core = testCore()

beforeAll(async () => {
  webPort = await freePort()
  ;({ sandbox, browser } = await startSandboxAndBrowser({ webCallbackPort: webPort }))
})
afterAll(() => stopSandboxAndBrowser({ sandbox, browser }))

const secretOf = (clientId: string) =>
  sandbox.description.clients.find((client) => client.client_id === clientId)?.client_secret

/** A client as the sandbox registers it: public afx-native, or a web client with its secret. */
const client = (clientId: string, scope?: string) => ({
  clientId,
  ...(secretOf(clientId) ? { clientSecret: secretOf(clientId) } : {}),
  ...(scope ? { scope } : {}),
})

/** Signs alice in with offline_access (and prompt=consent, without which no refresh token). */
function signInWithRefresh(clientId: string): Promise<Run> {
  const input = sandboxCodeFlow(sandbox.issuer, {
    client: {
      ...client(clientId, 'openid profile email offline_access'),
      extraParams: { prompt: 'consent' },
    },
    redirect: {
      host: '127.0.0.1',
      port: clientId === 'afx-native' ? 0 : webPort,
      path: '/callback',
    },
  })
  return runWithSignIn(core, browser, input)
}

const run = (input: StartRunInput) => core.runs.start(input).done
const provider = () => ({ issuer: sandbox.issuer })
const checkStep = (finished: Run) => finished.steps.find((step) => step.kind === 'check')

describe('refresh', () => {
  it('says the refresh token rotated for afx-native, without showing either value', async () => {
    const signedIn = await signInWithRefresh('afx-native')
    const refreshToken = revealToken(core, signedIn, 'refresh_token')

    const refreshed = await run({
      flow: 'refresh',
      provider: provider(),
      client: client('afx-native'),
      mode: 'auto',
      refreshToken,
    })

    expect(refreshed.status).toBe('succeeded')
    expect(checkStep(refreshed)?.outputs).toEqual({ rotated: true })
    expect(checkStep(refreshed)?.diagnostics[0]?.code).toBe('OAUTH_REFRESH_TOKEN_ROTATED')
    expect(refreshed.tokens.map((token) => token.name).sort()).toEqual([
      'access_token',
      'id_token',
      'refresh_token',
    ])
    expect(revealToken(core, refreshed, 'refresh_token')).not.toBe(refreshToken)
    expect(JSON.stringify(refreshed)).not.toContain(refreshToken)
    expect(hasNoJwtInClear(refreshed)).toBe(true)

    // The rotated-out token is now refused, with what that means.
    const replayed = await run({
      flow: 'refresh',
      provider: provider(),
      client: client('afx-native'),
      mode: 'auto',
      refreshToken,
    })
    expect(replayed.status).toBe('failed')
    expect(replayed.diagnostics[0]).toMatchObject({ code: 'OAUTH_INVALID_GRANT' })
  })

  it("checks the refreshed ID token against the sign-in's (OIDC Core §12.2)", async () => {
    const signedIn = await signInWithRefresh('afx-native')
    const refreshed = await run({
      flow: 'refresh',
      provider: provider(),
      client: client('afx-native'),
      mode: 'auto',
      refreshToken: revealToken(core, signedIn, 'refresh_token'),
      originalIdToken: revealToken(core, signedIn, 'id_token'),
    })

    expect(refreshed.status).toBe('succeeded')
    const compared = refreshed.steps.find((step) => step.explain === 'oauth.refreshed-id-token')
    expect(compared?.diagnostics).toEqual([
      expect.objectContaining({ code: 'OAUTH_REFRESHED_ID_TOKEN_OK', severity: 'info' }),
    ])
    expect(hasNoJwtInClear(refreshed)).toBe(true)
  })

  it('says the refresh token did not rotate for afx-web-basic', async () => {
    const signedIn = await signInWithRefresh('afx-web-basic')
    const refreshed = await run({
      flow: 'refresh',
      provider: provider(),
      client: client('afx-web-basic'),
      mode: 'auto',
      refreshToken: revealToken(core, signedIn, 'refresh_token'),
    })
    expect(refreshed.status).toBe('succeeded')
    expect(checkStep(refreshed)?.outputs).toEqual({ rotated: false })
    expect(refreshed.steps.at(-2)?.exchange?.request.headers.authorization).toMatch(
      /^Basic «secret:s\d+:authorization»$/,
    )
  })

  it('names a scope beyond the grant as invalid_scope, with what to check', async () => {
    const signedIn = await signInWithRefresh('afx-web-basic')
    const refreshed = await run({
      flow: 'refresh',
      provider: provider(),
      client: client('afx-web-basic', 'openid api:write'),
      mode: 'auto',
      refreshToken: revealToken(core, signedIn, 'refresh_token'),
    })
    expect(refreshed.status).toBe('failed')
    expect(refreshed.diagnostics[0]).toMatchObject({
      code: 'OAUTH_INVALID_SCOPE',
      ref: 'RFC 6749 §5.2',
    })
    expect(refreshed.diagnostics[0]?.hint).toMatch(/scopes_supported/)
  })
})

describe('UserInfo, introspection and revocation', () => {
  let accessToken: string

  beforeAll(async () => {
    accessToken = revealToken(core, await signInWithRefresh('afx-web-basic'), 'access_token')
  })

  it('returns the claims of the user as the step outputs', async () => {
    const finished = await run({
      flow: 'userinfo',
      provider: provider(),
      client: client('afx-web-basic'),
      mode: 'auto',
      accessToken,
    })
    expect(finished.status).toBe('succeeded')
    expect(finished.steps.at(-1)?.outputs).toMatchObject({
      sub: 'alice',
      email: 'alice@example.test',
      email_verified: true,
    })
    expect(finished.steps.at(-2)?.exchange?.request.headers.authorization).toMatch(
      /^Bearer «secret:s\d+:access_token»$/,
    )
    expect(JSON.stringify(finished)).not.toContain(accessToken)
  })

  it('introspects the token as active, revokes it, then introspects it as inactive', async () => {
    const introspect = () =>
      run({
        flow: 'introspection',
        provider: provider(),
        client: client('afx-web-basic'),
        mode: 'auto',
        token: accessToken,
        tokenTypeHint: 'access_token',
      })
    const active = await introspect()
    expect(active.status).toBe('succeeded')
    expect(checkStep(active)?.outputs).toMatchObject({
      active: true,
      sub: 'alice',
      client_id: 'afx-web-basic',
    })

    const revoked = await run({
      flow: 'revocation',
      provider: provider(),
      client: client('afx-web-basic'),
      mode: 'auto',
      token: accessToken,
    })
    expect(revoked.status).toBe('succeeded')
    expect(revoked.steps.at(-2)?.exchange?.request.body).toMatch(/^token=«secret:s\d+:token»$/)

    const inactive = await introspect()
    expect(checkStep(inactive)?.outputs).toEqual({ active: false })
    expect(checkStep(inactive)?.diagnostics[0]?.code).toBe('OAUTH_TOKEN_INACTIVE')
    expect(JSON.stringify([active, revoked, inactive])).not.toContain(accessToken)
  })

  it('names a revoked token at UserInfo as invalid_token', async () => {
    const finished = await run({
      flow: 'userinfo',
      provider: provider(),
      client: client('afx-web-basic'),
      mode: 'auto',
      accessToken,
    })
    expect(finished.status).toBe('failed')
    expect(finished.diagnostics[0]).toMatchObject({
      code: 'OAUTH_INVALID_TOKEN',
      ref: 'RFC 6750 §3.1',
    })
  })
})

describe('afx flow', () => {
  const web = () => ['--issuer', sandbox.issuer, '--client-id', 'afx-web-basic']

  it('exits 0 and prints the verdict when introspection answers, even "not active"', async () => {
    const cli = runCliInProcess(
      [
        'flow',
        'introspect',
        ...web(),
        '--client-secret',
        secretOf('afx-web-basic') ?? '',
        '--token',
        '-',
      ],
      { stdin: 'a-token-this-provider-never-issued\n' },
    )
    expect(await cli.exitCode).toBe(0)
    expect(cli.stdout.join('\n')).toMatch(/active: false/)
    expect(cli.stdout.join('\n')).not.toContain('a-token-this-provider-never-issued')
  })

  it('exits 1 with the provider’s refusal when UserInfo rejects the token', async () => {
    const cli = runCliInProcess(['flow', 'userinfo', ...web(), '--token', 'not-a-real-token'])
    expect(await cli.exitCode).toBe(1)
    expect(cli.stdout.join('\n')).toMatch(/OAUTH_INVALID_TOKEN/)
  })
})
