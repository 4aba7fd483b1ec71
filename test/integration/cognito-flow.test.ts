import { Secret, TOTP } from 'otpauth'
import { describe, expect, it } from 'vitest'
import type { CognitoFlowInput } from '../../shared/cognito-flow-input'
import type { Run } from '../../shared/run-model'
import {
  CONFIDENTIAL,
  PUBLIC_ALL,
  PUBLIC_WEB,
  sandboxPassword,
  useCognitoSandboxCore,
} from '../helpers/cognito-sandbox'
import { waitForRun } from '../helpers/run-events'

const cognito = useCognitoSandboxCore()
const { core, events, answer, clientSecret } = cognito
const password = sandboxPassword
const user = (name: string) => cognito.sandbox.description.users.find((u) => u.username === name)!

const signIn = (overrides: Partial<CognitoFlowInput> = {}) =>
  core.runs.start({
    flow: 'cognito',
    ...cognito.where(),
    clientId: PUBLIC_WEB,
    username: 'alice',
    password: password('alice'),
    authFlow: 'USER_SRP_AUTH',
    mode: 'auto',
    ...overrides,
  })

const steps = (run: Run) => run.steps.map((step) => `${step.kind}: ${step.title}`)

const totpNow = (secret: string) => new TOTP({ secret: Secret.fromBase32(secret) }).generate()

/** The clear value behind a «secret:<id>:<label>» marker. */
function reveal(runId: string, marker: unknown): string {
  const id = /«secret:(s\d+):/.exec(String(marker))?.[1]
  if (id === undefined) throw new Error(`not a secret marker: ${String(marker)}`)
  return core.runs.revealSecret(runId, id)
}

/** No trace of a secret value in the finished run nor in any event sent while it ran. */
function expectNowhere(run: Run, value: string): void {
  expect(JSON.stringify(run)).not.toContain(value)
  for (const event of events) expect(event).not.toContain(value)
}

function expectTokensVerified(run: Run): void {
  expect(run.status).toBe('succeeded')
  expect(run.tokens.map((token) => token.name)).toEqual([
    'id_token',
    'access_token',
    'refresh_token',
  ])
  const checks = run.steps.filter((step) => step.kind === 'check')
  expect(checks.map((step) => step.title)).toEqual([
    'Verify the ID token: signature and every claim',
    'Verify the access token: signature and every claim',
  ])
  for (const check of checks) {
    expect(check.status).toBe('done')
    expect(check.outputs).toMatchObject({ signature: 'valid', failed: 0 })
  }
}

describe('Cognito sign-in against the sandbox pool', () => {
  it('signs alice in by SRP: every step shown, tokens verified, the password and SRP secrets never in clear', async () => {
    const run = await signIn().done

    expect(steps(run)).toEqual([
      'compute: Make SRP a and A',
      'http: InitiateAuth (USER_SRP_AUTH): the user name and SRP_A, no password',
      'compute: Compute the password claim',
      'http: RespondToAuthChallenge (PASSWORD_VERIFIER): the signed claim, not the password',
      "http: Fetch the pool's keys to verify the ID token",
      'check: Verify the ID token: signature and every claim',
      "http: Fetch the pool's keys to verify the access token",
      'check: Verify the access token: signature and every claim',
    ])
    expectTokensVerified(run)
    const [srpA, initiate, claim, respond] = run.steps
    expect(initiate!.exchange?.request.headers['x-amz-target']).toBe(
      'AWSCognitoIdentityProviderService.InitiateAuth',
    )
    expect(JSON.parse(initiate!.exchange!.request.body!)).toMatchObject({
      AuthFlow: 'USER_SRP_AUTH',
      AuthParameters: { USERNAME: 'alice', SRP_A: srpA!.outputs.A },
    })
    expect(initiate!.exchange?.response?.body).toMatch(/"Session":"«secret:s\d+:Session»"/)
    expect(claim!.inputs.USER_ID_FOR_SRP).toBe('alice')
    expect(claim!.outputs).toMatchObject({
      k: expect.stringMatching(/^[0-9a-f]+$/),
      u: expect.stringMatching(/^[0-9a-f]+$/),
      x: expect.stringMatching(/^«secret:s\d+:srp_x»$/),
      S: expect.stringMatching(/^«secret:s\d+:srp_S»$/),
      hkdfKey: expect.stringMatching(/^«secret:s\d+:hkdf_key»$/),
      TIMESTAMP: expect.stringMatching(/^\w{3} \w{3} \d{1,2} \d\d:\d\d:\d\d UTC \d{4}$/),
      PASSWORD_CLAIM_SIGNATURE: expect.stringMatching(/^«secret:s\d+:PASSWORD_CLAIM_SIGNATURE»$/),
    })
    expect(respond!.exchange?.response?.body).toMatch(/"IdToken":"«secret:s\d+:id_token»"/)

    expectNowhere(run, password('alice'))
    for (const marker of [
      srpA!.outputs.a,
      claim!.outputs.x,
      claim!.outputs.S,
      claim!.outputs.hkdfKey,
      claim!.outputs.PASSWORD_CLAIM_SIGNATURE,
    ]) {
      expectNowhere(run, reveal(run.id, marker))
    }
    expect(JSON.stringify(run)).not.toMatch(/eyJ[\w-]+\.eyJ/) // no JWT anywhere in clear
  })

  it('adds SECRET_HASH for a client with a secret, shown as a formula and a redacted value', async () => {
    const run = await signIn({ clientId: CONFIDENTIAL, clientSecret: clientSecret() }).done

    expectTokensVerified(run)
    const hashSteps = run.steps.filter((step) => step.title.startsWith('Compute SECRET_HASH'))
    expect(hashSteps.map((step) => step.title)).toEqual(['Compute SECRET_HASH for alice'])
    expect(hashSteps[0]!.inputs).toMatchObject({
      formula: 'Base64(HMAC-SHA256(key = client secret, message = user name + client id))',
      key: expect.stringMatching(/^«secret:s\d+:client_secret»$/),
      message: `alice${CONFIDENTIAL}`,
    })
    for (const step of run.steps.filter((s) => s.exchange?.request.body?.includes('Auth'))) {
      expect(step.exchange!.request.body).toMatch(/"SECRET_HASH":"«secret:s\d+:SECRET_HASH»"/)
    }
    expectNowhere(run, clientSecret())
    expectNowhere(run, reveal(run.id, hashSteps[0]!.outputs.SECRET_HASH))
  })

  it('signs pat in by an alias: the claim and every later SECRET_HASH use USER_ID_FOR_SRP', async () => {
    const patId = cognito.sandbox.description.users.find((u) =>
      u.signInAliases?.includes('pat'),
    )!.username
    const run = await signIn({
      clientId: CONFIDENTIAL,
      clientSecret: clientSecret(),
      username: 'pat',
      password: password('pat'),
    }).done

    expectTokensVerified(run)
    const claim = run.steps.find((step) => step.title === 'Compute the password claim')!
    expect(claim.inputs).toMatchObject({ USER_ID_FOR_SRP: patId, typed: 'pat' })
    expect(
      run.steps.filter((step) => step.title.startsWith('Compute SECRET_HASH')).map((s) => s.title),
    ).toEqual(['Compute SECRET_HASH for pat', `Compute SECRET_HASH for ${patId}`])
    const respond = run.steps.find((step) => step.title.includes('PASSWORD_VERIFIER'))!
    expect(JSON.parse(respond.exchange!.request.body!).ChallengeResponses.USERNAME).toBe(patId)
  })

  it('asks tom for his TOTP code and signs him in with it', async () => {
    const { run, done } = signIn({ username: 'tom', password: password('tom') })
    await answer(run.id, { title: /SOFTWARE_TOKEN_MFA code/, label: /authenticator app/ }, () => ({
      code: totpNow(user('tom').totpSecret!),
    }))
    const finished = await done

    expectTokensVerified(finished)
    expect(steps(finished).slice(4, 6)).toEqual([
      'input: Enter the SOFTWARE_TOKEN_MFA code',
      'http: RespondToAuthChallenge (SOFTWARE_TOKEN_MFA): the code',
    ])
    expect(finished.steps[4]!.outputs.code).toMatch(/^«secret:s\d+:code»$/)
  })

  it('asks sam for the SMS code, saying where it was sent, and takes it from the outbox', async () => {
    const { run, done } = signIn({ username: 'sam', password: password('sam') })
    await answer(run.id, { title: /SMS_MFA code/, label: /sent by SMS to \+\*+0100/ }, () => ({
      code: cognito.sandbox.outbox.filter((m) => m.username === 'sam').at(-1)!.code,
    }))
    const finished = await done

    expectTokensVerified(finished)
    const respond = finished.steps.find((step) => step.title.includes('(SMS_MFA)'))!
    expect(respond.exchange?.request.body).toMatch(/"SMS_MFA_CODE":"«secret:s\d+:code»"/)
  })

  it('lets max choose SOFTWARE_TOKEN_MFA, then asks for that code', async () => {
    const { run, done } = signIn({ username: 'max', password: password('max') })
    await answer(
      run.id,
      { title: /Choose the second factor/, label: /SMS_MFA or SOFTWARE_TOKEN_MFA/ },
      () => ({
        mfaType: 'SOFTWARE_TOKEN_MFA',
      }),
    )
    await answer(run.id, { title: /SOFTWARE_TOKEN_MFA code/ }, () => ({
      code: totpNow(user('max').totpSecret!),
    }))
    const finished = await done

    expectTokensVerified(finished)
    expect(steps(finished).slice(4, 8)).toEqual([
      'input: Choose the second factor',
      'http: RespondToAuthChallenge (SELECT_MFA_TYPE): SOFTWARE_TOKEN_MFA',
      'input: Enter the SOFTWARE_TOKEN_MFA code',
      'http: RespondToAuthChallenge (SOFTWARE_TOKEN_MFA): the code',
    ])
  })

  it("sets up mia's authenticator inside the sign-in (MFA_SETUP), the secret kept secret", async () => {
    const { run, done } = signIn({ username: 'mia', password: password('mia') })
    await answer(run.id, { title: /first code of the authenticator/ }, (step) => {
      const current = core.runs.get(run.id)
      const enrolment = current.steps.find((s) => s.title.includes('otpauth://'))!
      expect(step.title).toBe('Enter the first code of the authenticator app')
      expect(reveal(run.id, enrolment.outputs.otpauthUri)).toMatch(/^otpauth:\/\/totp\//)
      return { code: totpNow(reveal(run.id, enrolment.outputs.SecretCode)) }
    })
    const finished = await done

    expectTokensVerified(finished)
    expect(steps(finished).slice(4, 9)).toEqual([
      'http: AssociateSoftwareToken: ask for a new TOTP secret',
      'compute: Make the authenticator enrolment (otpauth:// URI)',
      'input: Enter the first code of the authenticator app',
      'http: VerifySoftwareToken: the first code turns TOTP on',
      'http: RespondToAuthChallenge (MFA_SETUP): set up',
    ])
    const enrolment = finished.steps[5]!
    expectNowhere(finished, reveal(finished.id, enrolment.outputs.SecretCode))
  })

  it('asks nina for a new password (NEW_PASSWORD_REQUIRED) and never records it', async () => {
    const newPassword = 'Sandbox-nina-new-2!'
    const { run, done } = signIn({ username: 'nina', password: 'Sandbox-nina-temp-1' })
    await answer(run.id, { title: /new password/ }, () => ({ newPassword }))
    const finished = await done

    expectTokensVerified(finished)
    expect(steps(finished).slice(4, 6)).toEqual([
      'input: Choose a new password',
      'http: RespondToAuthChallenge (NEW_PASSWORD_REQUIRED): the new password',
    ])
    expectNowhere(finished, newPassword)
  })

  it('answers the custom challenge after an SRP proof (CUSTOM_AUTH)', async () => {
    const { run, done } = signIn({ authFlow: 'CUSTOM_AUTH' })
    await answer(run.id, { title: /custom challenge/, label: /question: What is 6 × 7\?/ }, () => ({
      answer: cognito.sandbox.description.customChallenge.answer,
    }))
    const finished = await done

    expectTokensVerified(finished)
    expect(JSON.parse(finished.steps[1]!.exchange!.request.body!).AuthParameters).toMatchObject({
      CHALLENGE_NAME: 'SRP_A',
    })
  })

  it('signs in with USER_PASSWORD_AUTH where the client allows it, the password redacted', async () => {
    const run = await signIn({ clientId: PUBLIC_ALL, authFlow: 'USER_PASSWORD_AUTH' }).done

    expectTokensVerified(run)
    expect(run.steps[0]!.exchange?.request.body).toMatch(/"PASSWORD":"«secret:s\d+:password»"/)
    expectNowhere(run, password('alice'))
  })
})

describe("Cognito's refusals, in its words with a hint", () => {
  it('a wrong password: NotAuthorizedException "Incorrect username or password."', async () => {
    const run = await signIn({ password: 'Not-alices-password-9' }).done

    expect(run.status).toBe('failed')
    expect(run.diagnostics[0]).toMatchObject({
      code: 'COGNITO_NOT_AUTHORIZED',
      message:
        'Cognito refused with NotAuthorizedException: "Incorrect username or password." (HTTP 400).',
      hint: expect.stringContaining('PreventUserExistenceErrors'),
    })
    expect(run.steps.at(-1)).toMatchObject({ kind: 'http', status: 'failed' })
    expectNowhere(run, 'Not-alices-password-9')
  })

  it('uma, never confirmed: UserNotConfirmedException, with how to confirm', async () => {
    const run = await signIn({ username: 'uma', password: password('uma') }).done

    expect(run.status).toBe('failed')
    expect(run.diagnostics[0]).toMatchObject({
      code: 'COGNITO_USER_NOT_CONFIRMED',
      message:
        'Cognito refused with UserNotConfirmedException: "User is not confirmed." (HTTP 400).',
      hint: expect.stringContaining('ConfirmSignUp'),
    })
  })

  it('USER_PASSWORD_AUTH on a client that does not allow it: the hint names the setting', async () => {
    const run = await signIn({ authFlow: 'USER_PASSWORD_AUTH' }).done

    expect(run.status).toBe('failed')
    expect(run.diagnostics[0]).toMatchObject({
      code: 'COGNITO_INVALID_PARAMETER',
      message: expect.stringContaining('USER_PASSWORD_AUTH flow not enabled for this client'),
      hint: expect.stringContaining('ALLOW_USER_PASSWORD_AUTH'),
    })
    expectNowhere(run, password('alice'))
  })

  it('a wrong client secret: "Unable to verify secret hash", the hint about USER_ID_FOR_SRP', async () => {
    const run = await signIn({ clientId: CONFIDENTIAL, clientSecret: 'not-the-client-secret' }).done

    expect(run.status).toBe('failed')
    expect(run.diagnostics[0]).toMatchObject({
      code: 'COGNITO_NOT_AUTHORIZED',
      message: expect.stringContaining('Unable to verify secret hash'),
      hint: expect.stringContaining('USER_ID_FOR_SRP'),
    })
    expectNowhere(run, 'not-the-client-secret')
  })
})

describe('step-by-step Cognito sign-in', () => {
  it('holds each SRP step, prepared, until advanced', async () => {
    const { run, done } = signIn({ mode: 'step' })
    const advanced = new Set<string>()
    const held: string[] = []
    for (;;) {
      const current = await waitForRun(
        core,
        run.id,
        (candidate) =>
          candidate.status === 'succeeded' ||
          candidate.status === 'failed' ||
          (candidate.status === 'paused' && !advanced.has(candidate.steps.at(-1)!.id)),
      )
      if (current.status !== 'paused') break
      const step = current.steps.at(-1)!
      expect(step.status).toBe('ready')
      held.push(`${step.kind}: ${step.title}`)
      advanced.add(step.id)
      core.runs.advance(run.id)
    }
    const finished = await done

    expectTokensVerified(finished)
    expect(held).toEqual([
      'compute: Make SRP a and A',
      'http: InitiateAuth (USER_SRP_AUTH): the user name and SRP_A, no password',
      'compute: Compute the password claim',
      'http: RespondToAuthChallenge (PASSWORD_VERIFIER): the signed claim, not the password',
      "http: Fetch the pool's keys to verify the ID token",
      "http: Fetch the pool's keys to verify the access token",
    ])
  })
})
