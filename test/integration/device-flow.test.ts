// The device authorization grant (RFC 8628) through the engine and the CLI, against the sandbox
// provider: the code shown, the person entering it in Chromium, the polls until tokens.
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createCore } from '../../electron/core/create-core'
import type { OidcSandbox } from '../../electron/core/sandbox/oidc/oidc-sandbox'
import type { DeviceFlowInput } from '../../shared/flow-input'
import type { Run, Step } from '../../shared/run-model'
import { runCliInProcess } from '../helpers/run-cli-in-process'
import { waitForRun } from '../helpers/run-events'
import { ALICE, hasNoJwtInClear } from '../helpers/sign-in-run'
import { testCore } from '../helpers/test-impl'
import { startSandboxAndBrowser, stopSandboxAndBrowser } from '../helpers/sandbox-and-browser'

let sandbox: OidcSandbox
let browser: Browser
const core = testCore()

beforeAll(async () => {
  ;({ sandbox, browser } = await startSandboxAndBrowser())
})
afterAll(() => stopSandboxAndBrowser({ sandbox, browser }))

// The sandbox names no interval, so RFC 8628's 5 s would apply; 1 s keeps the tests short.
const deviceFlow = (overrides: Partial<DeviceFlowInput> = {}): DeviceFlowInput => ({
  flow: 'device',
  provider: { issuer: sandbox.issuer },
  client: { clientId: 'afx-device', scope: 'openid profile offline_access' },
  mode: 'auto',
  browser: 'none',
  fallbackIntervalSeconds: 1,
  ...overrides,
})

const polls = (run: Run) => run.steps.filter((step) => step.title.startsWith('Poll'))
const codeStep = (run: Run) => run.steps.find((step) => step.kind === 'browser') as Step

/** Waits until the device has polled at least once, so the person is seen to be awaited. */
const afterFirstPoll = (runId: string) =>
  waitForRun(core, runId, (run) => polls(run).some((step) => step.status === 'done'))

/** The person at the verification page: types the code, signs in, allows. */
async function enterCode(page: Page, verificationUri: string, userCode: string) {
  await page.goto(verificationUri)
  await page.getByLabel('Code').fill(userCode)
  await page.getByRole('button', { name: 'Continue' }).click()
  await signInAndAllow(page)
}

async function signInAndAllow(page: Page) {
  await page.getByLabel('Username').fill(ALICE.username)
  await page.getByLabel('Password').fill(ALICE.password)
  await page.getByRole('button', { name: 'Sign in' }).click()
  await page.getByRole('button', { name: 'Allow' }).click()
  await page.getByRole('heading', { name: 'Device connected' }).waitFor()
}

describe('device authorization grant', () => {
  it('completes after the user enters the code; pending polls are done steps with a note', async () => {
    const { run, done } = core.runs.start(deviceFlow())
    const polling = await afterFirstPoll(run.id)
    const { user_code: userCode, verification_uri: page } = codeStep(polling).outputs
    expect(userCode).toMatch(/^[A-Z]{4}-?[A-Z]{4}$/)
    const context = await browser.newContext()
    await enterCode(await context.newPage(), String(page), String(userCode))
    const finished = await done
    await context.close()

    expect(finished.status).toBe('succeeded')
    const pending = polls(finished).slice(0, -1)
    expect(pending.length).toBeGreaterThan(0)
    for (const step of pending) {
      expect(step.status).toBe('done')
      expect(step.exchange?.response?.status).toBe(400)
      expect(step.diagnostics.map((d) => d.code)).toEqual(['OAUTH_AUTHORIZATION_PENDING'])
      expect(step.exchange?.request.body).toMatch(/device_code=«secret:s\d+:device_code»/)
    }
    expect(polls(finished).at(-1)?.exchange?.response?.status).toBe(200)
    expect(polls(finished)[1]?.title).toMatch(/^Poll the token endpoint \(2, after 1(\.\d)? s\)$/)
    expect(finished.tokens.map((token) => token.name).sort()).toEqual([
      'access_token',
      'id_token',
      'refresh_token',
    ])
    expect(hasNoJwtInClear(finished)).toBe(true)
  })

  it('opens verification_uri_complete in the "system" browser, where the code is only confirmed', async () => {
    const context = await browser.newContext()
    const page = await context.newPage()
    const withBrowser = createCore({
      face: 'web',
      dataDir: mkdtempSync(join(tmpdir(), 'afx-test-data-')),
      canEncryptSecrets: () => false,
      openBrowser: (url) => void page.goto(url.href),
      sandboxPorts: { oidcPort: 0, cognitoPort: 0 },
    })
    const { done } = withBrowser.runs.start(deviceFlow({ browser: 'system' }))
    await page.getByRole('heading', { name: 'Confirm the device' }).waitFor()
    await page.getByRole('button', { name: 'Continue' }).click()
    await signInAndAllow(page)
    const finished = await done
    await context.close()
    expect(finished.status).toBe('succeeded')
    expect(codeStep(finished).outputs).toMatchObject({
      opened: 'system browser',
      verification_uri_complete: expect.stringContaining('user_code='),
    })
  })

  it('ends in access_denied, with what it means, when the user cancels at the provider', async () => {
    const { run, done } = core.runs.start(deviceFlow())
    const polling = await afterFirstPoll(run.id)
    const context = await browser.newContext()
    const page = await context.newPage()
    await page.goto(String(codeStep(polling).outputs.verification_uri_complete))
    await page.getByRole('button', { name: 'Cancel' }).click()
    const finished = await done
    await context.close()
    expect(finished.status).toBe('failed')
    expect(finished.diagnostics[0]).toMatchObject({ code: 'OAUTH_ACCESS_DENIED' })
    expect(finished.diagnostics[0]?.hint).toMatch(/Deny|cancelled/)
  })

  it('stops polling when cancelled', async () => {
    const { run } = core.runs.start(deviceFlow())
    await afterFirstPoll(run.id)
    const cancelled = await core.runs.cancel(run.id)
    expect(cancelled.status).toBe('cancelled')
    const count = polls(cancelled).length
    await new Promise((resolve) => setTimeout(resolve, 1_500))
    expect(polls(core.runs.get(run.id))).toHaveLength(count)
  })

  it('afx flow device prints where to enter the code on stderr and exits 0 once signed in', async () => {
    const cli = runCliInProcess([
      'flow',
      'device',
      '--issuer',
      sandbox.issuer,
      '--client-id',
      'afx-device',
      '--scope',
      'openid profile',
      '--interval',
      '1',
    ])
    const line = await waitFor(() => cli.stderr.find((text) => text.includes('enter the code')))
    const [, page, userCode] = /open (\S+) and enter the code (\S+)/.exec(line) ?? []
    const context = await browser.newContext()
    await enterCode(await context.newPage(), page!, userCode!)
    expect(await cli.exitCode).toBe(0)
    await context.close()
    expect(cli.stdout.join('\n')).toMatch(/^Device authorization \(afx-device\): succeeded/)
  })
})

async function waitFor(find: () => string | undefined, timeoutMs = 10_000): Promise<string> {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    const found = find()
    if (found !== undefined) return found
    if (Date.now() > deadline) throw new Error('nothing matched in time')
    await new Promise((resolve) => setTimeout(resolve, 20))
  }
}
