// RP-initiated logout against the sandbox provider: the session Chromium signed in with ends, and
// the browser comes back to the loopback listener with the state sent.
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { OidcSandbox } from '../../electron/core/sandbox/oidc/oidc-sandbox'
import type { LogoutInput } from '../../shared/flow-input'
import type { Run } from '../../shared/run-model'
import { runCliInProcess } from '../helpers/run-cli-in-process'
import { authorizationUrlOf, revealedUrlOf } from '../helpers/run-events'
import { ALICE, hasNoJwtInClear, revealToken, sandboxCodeFlow } from '../helpers/sign-in-run'
import { testCore } from '../helpers/test-impl'
import { startSandboxAndBrowser, stopSandboxAndBrowser } from '../helpers/sandbox-and-browser'

let sandbox: OidcSandbox
let browser: Browser
const core = testCore()

beforeAll(async () => {
  ;({ sandbox, browser } = await startSandboxAndBrowser())
})
afterAll(() => stopSandboxAndBrowser({ sandbox, browser }))

const logout = (overrides: Partial<LogoutInput> = {}): LogoutInput => ({
  flow: 'logout',
  provider: { issuer: sandbox.issuer },
  client: { clientId: 'afx-native' },
  mode: 'auto',
  variant: 'oidc',
  redirect: { host: '127.0.0.1', port: 0, path: '/logged-out' },
  browser: 'none',
  callbackTimeoutMs: 20_000,
  ...overrides,
})

/** Signs alice in with a code flow in `page`, keeping the provider's session in its context. */
async function signIn(page: Page): Promise<Run> {
  const { run, done } = core.runs.start(sandboxCodeFlow(sandbox.issuer))
  await page.goto(await authorizationUrlOf(core, run.id))
  const askedForPassword = await page.getByLabel('Username').isVisible()
  if (askedForPassword) {
    await page.getByLabel('Username').fill(ALICE.username)
    await page.getByLabel('Password').fill(ALICE.password)
    await page.getByRole('button', { name: 'Sign in' }).click()
    await page.getByRole('button', { name: 'Allow' }).click()
  }
  return Object.assign(await done, { askedForPassword })
}

describe('RP-initiated logout', () => {
  it('ends the session and comes back to post_logout_redirect_uri with the state sent', async () => {
    const page = await (await browser.newContext()).newPage()
    const signedIn = await signIn(page)

    const { run, done } = core.runs.start(
      logout({ idTokenHint: revealToken(core, signedIn, 'id_token') }),
    )
    await page.goto(await revealedUrlOf(core, run.id))
    await page.getByRole('button', { name: 'Sign out' }).click()
    const finished = await done

    expect(finished.status).toBe('succeeded')
    const sent = new URL(String(finished.steps.find((s) => s.kind === 'browser')?.outputs.url))
    expect(sent.searchParams.get('id_token_hint')).toMatch(/^«secret:s\d+:id_token_hint»$/)
    expect(sent.searchParams.get('post_logout_redirect_uri')).toMatch(
      /^http:\/\/127\.0\.0\.1:\d+\/logged-out$/,
    )
    const state = finished.steps.find((s) => s.title === 'Make state')?.outputs.state
    expect(finished.steps.at(-1)?.outputs.parameters).toMatchObject({ state })
    expect(hasNoJwtInClear(finished)).toBe(true)

    // Signed out: the next sign-in in this browser asks for the password again.
    expect(await signIn(page)).toMatchObject({ askedForPassword: true, status: 'succeeded' })
    await page.context().close()
  })

  it('says at once when the provider refuses the post_logout_redirect_uri', async () => {
    const finished = await core.runs.start(
      logout({ redirect: { host: '127.0.0.1', port: 0, path: '/not-registered' } }),
    ).done
    expect(finished.status).toBe('failed')
    expect(finished.steps.at(-1)).toMatchObject({ kind: 'callback', status: 'failed' })
    expect(finished.diagnostics[0]).toMatchObject({ code: 'OAUTH_REDIRECT_URI_REFUSED' })
    expect(finished.diagnostics[0]?.message).toMatch(/\/not-registered.*HTTP 400/)
  })

  it('afx flow logout prints the URL to open with --browser none, and exits 0 once back', async () => {
    const cli = runCliInProcess([
      'flow',
      'logout',
      '--issuer',
      sandbox.issuer,
      '--client-id',
      'afx-native',
      '--browser',
      'none',
    ])
    const deadline = Date.now() + 10_000
    while (!cli.stderr.some((line) => line.startsWith('Open this URL to sign out: '))) {
      if (Date.now() > deadline) throw new Error(`no URL on stderr: ${cli.stderr.join('\n')}`)
      await new Promise((resolve) => setTimeout(resolve, 20))
    }
    const url = cli.stderr.find((line) => line.startsWith('Open this URL'))!.split(': ')[1]!
    const page = await (await browser.newContext()).newPage()
    await page.goto(url)
    // No session in this browser: the provider may still ask before returning.
    const ask = page.getByRole('button', { name: /Sign out|Continue/ })
    if (await ask.isVisible()) await ask.click()
    expect(await cli.exitCode).toBe(0)
    await page.context().close()
    expect(cli.stdout[0]).toBe('RP-initiated logout (afx-native): succeeded')
  })
})
