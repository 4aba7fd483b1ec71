// Trainer mode's "break it" toggles against the real sandbox provider, Chromium signing alice in:
// each toggle shows what it changed as a step, and the run ends failed on the refusal it provokes,
// told in words on the run and on the step where it happened. Without a toggle the same flow works.
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { OidcSandbox } from '../../electron/core/sandbox/oidc/oidc-sandbox'
import type { BreakIt } from '../../shared/flow-input'
import type { Run, Step } from '../../shared/run-model'
import { startSandboxAndBrowser, stopSandboxAndBrowser } from '../helpers/sandbox-and-browser'
import { runWithSignIn, sandboxCodeFlow } from '../helpers/sign-in-run'
import { testCore } from '../helpers/test-impl'

let sandbox: OidcSandbox
let browser: Browser
const core = testCore()

beforeAll(async () => {
  ;({ sandbox, browser } = await startSandboxAndBrowser())
})
afterAll(() => stopSandboxAndBrowser({ sandbox, browser }))

const codeFlow = (breakIt: BreakIt[]) => sandboxCodeFlow(sandbox.issuer, { breakIt })

const breakStep = (run: Run): Step | undefined =>
  run.steps.find((step) => step.title.startsWith('Break it:'))

/** The step the run failed on: the one carrying the run's first diagnostic. */
const failingStep = (run: Run): Step | undefined =>
  run.steps.find((step) =>
    step.diagnostics.some(
      (diagnostic) =>
        diagnostic.severity === 'error' && diagnostic.code === run.diagnostics[0]?.code,
    ),
  )

describe('break it on purpose: the code flow against the sandbox provider', () => {
  it("succeeds with no toggle, so each refusal below is the toggle's doing", async () => {
    const run = await runWithSignIn(core, browser, codeFlow([]))
    expect(run.status).toBe('succeeded')
    expect(breakStep(run)).toBeUndefined()
    expect(run.title).not.toMatch(/broken on purpose/)
  })

  it('state-changed: openid-client refuses the callback before any token request', async () => {
    const run = await runWithSignIn(core, browser, codeFlow(['state-changed']))

    expect(run.status).toBe('failed')
    expect(run.title).toMatch(/broken on purpose$/)
    const changed = breakStep(run)
    expect(changed?.title).toBe('Break it: change the state that comes back')
    expect(String(changed?.outputs.state)).toMatch(/^[\w-]{43} → [\w-]{43}$/)
    expect(run.diagnostics[0]).toMatchObject({
      code: 'OAUTH_STATE_MISMATCH',
      message: expect.stringMatching(/^The state that came back is not the one sent/),
      hint: expect.stringMatching(/compares it with the state it sent/),
      ref: 'RFC 6749 §10.12',
    })
    expect(failingStep(run)).toMatchObject({
      kind: 'check',
      title: 'Check the state that came back',
      status: 'failed',
    })
    expect(run.steps.some((step) => step.title === 'Exchange the code for tokens')).toBe(false)
  })

  it('verifier-dropped: the provider answers invalid_grant to a token request without code_verifier', async () => {
    const run = await runWithSignIn(core, browser, codeFlow(['verifier-dropped']))

    expect(run.status).toBe('failed')
    expect(String(breakStep(run)?.outputs.code_verifier)).toMatch(
      /^«secret:s\d+:code_verifier» → not sent$/,
    )
    const tokenStep = failingStep(run)
    expect(tokenStep).toMatchObject({ kind: 'http', title: 'Exchange the code for tokens' })
    expect(tokenStep?.status).toBe('failed')
    expect(tokenStep?.exchange?.request.body).not.toContain('code_verifier')
    expect(tokenStep?.exchange?.response?.status).toBe(400)
    expect(run.diagnostics[0]).toMatchObject({
      code: 'OAUTH_INVALID_GRANT',
      message: 'The provider refused with invalid_grant: "grant request is invalid" (HTTP 400).',
      hint: expect.stringMatching(/wants the code_verifier behind it/),
      ref: 'RFC 7636 §4.6',
    })
  })

  it('code-replayed: the second exchange of the same code is refused, the tokens said to be revoked', async () => {
    const run = await runWithSignIn(core, browser, codeFlow(['code-replayed']))

    expect(run.status).toBe('failed')
    const exchanges = run.steps.filter((step) => step.title.startsWith('Exchange the'))
    expect(exchanges.map((step) => `${step.title}: ${step.status}`)).toEqual([
      'Exchange the code for tokens: done',
      'Exchange the same code a second time: failed',
    ])
    const sentCode = (step: Step | undefined) =>
      /code=([^&]+)/.exec(step?.exchange?.request.body ?? '')?.[1]
    expect(sentCode(exchanges[1])).toBe(sentCode(exchanges[0]))
    expect(String(breakStep(run)?.outputs.code)).toMatch(
      /^«secret:s\d+:code» \(already exchanged\)/,
    )
    expect(failingStep(run)?.title).toBe('Exchange the same code a second time')
    expect(run.diagnostics[0]).toMatchObject({
      code: 'OAUTH_INVALID_GRANT',
      message: expect.stringContaining('invalid_grant'),
      hint: expect.stringMatching(/used once.*revoke the tokens already issued/),
      ref: 'RFC 6749 §4.1.2',
    })
    expect(run.tokens.map((token) => token.name)).toContain('access_token')
  })

  it('redirect-uri-altered: the token request names another redirect_uri and gets invalid_grant', async () => {
    const run = await runWithSignIn(core, browser, codeFlow(['redirect-uri-altered']))

    expect(run.status).toBe('failed')
    expect(String(breakStep(run)?.outputs.redirect_uri)).toMatch(
      /^http:\/\/127\.0\.0\.1:\d+\/callback → http:\/\/127\.0\.0\.1:\d+\/callback\/$/,
    )
    const tokenStep = failingStep(run)
    expect(tokenStep).toMatchObject({ title: 'Exchange the code for tokens', status: 'failed' })
    expect(decodeURIComponent(tokenStep?.exchange?.request.body ?? '')).toMatch(
      /redirect_uri=http:\/\/127\.0\.0\.1:\d+\/callback\/(&|$)/,
    )
    expect(run.diagnostics[0]).toMatchObject({
      code: 'OAUTH_INVALID_GRANT',
      hint: expect.stringMatching(/bound to the redirect_uri of the authorization request/),
      ref: 'RFC 6749 §4.1.3',
    })
  })

  it('nonce-changed: the ID token carries the nonce sent, not the one expected, and is refused', async () => {
    const run = await runWithSignIn(core, browser, codeFlow(['nonce-changed']))

    expect(run.status).toBe('failed')
    expect(breakStep(run)?.outputs['nonce expected']).toMatch(/^[\w-]{43} → [\w-]{43}$/)
    expect(run.steps.find((step) => step.title === 'Exchange the code for tokens')?.status).toBe(
      'done',
    )
    expect(failingStep(run)).toMatchObject({
      kind: 'check',
      title: 'Check the nonce in the ID token',
      status: 'failed',
    })
    expect(run.diagnostics[0]).toMatchObject({
      code: 'OAUTH_NONCE_MISMATCH',
      message: expect.stringMatching(/^The ID token's nonce is not the one sent/),
      ref: 'OIDC Core §3.1.3.7 step 11',
    })
  })

  it('expired-token-reused: the ID token checked two minutes after its exp fails the exp check', async () => {
    const run = await runWithSignIn(core, browser, codeFlow(['expired-token-reused']))

    expect(run.status).toBe('failed')
    const clock = breakStep(run)?.outputs
    expect(clock?.exp).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC$/)
    expect(clock?.['checked at']).toMatch(/^now → \d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC$/)
    const check = failingStep(run)
    expect(check).toMatchObject({
      title: 'Verify the ID token: signature and every claim',
      status: 'failed',
    })
    expect(check?.outputs).toMatchObject({ signature: 'valid', failed: 1 })
    expect(run.diagnostics).toHaveLength(1)
    expect(run.diagnostics[0]).toMatchObject({
      code: 'TOKEN_EXPIRED',
      message: 'Expired 2 minutes ago; the clock skew allowed is 60 s.',
      hint: expect.stringMatching(/two minutes after its exp/),
      ref: 'RFC 7519 §4.1.4',
    })
  })
})
