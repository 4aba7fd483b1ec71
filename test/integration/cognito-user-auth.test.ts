// Choice-based sign-in (USER_AUTH) through the engine's real AWS SDK path against the sandbox pool:
// each first factor to verified tokens (codes read from the outbox), SELECT_CHALLENGE asked when
// no preference is given or the preference cannot be used, MFA after a password but not after a
// code, SECRET_HASH over the name Cognito returns, and a client without ALLOW_USER_AUTH refused.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  startCognitoSandbox,
  type CognitoSandbox,
} from '../../electron/core/sandbox/cognito/cognito-pool-server'
import type { CognitoFlowInput } from '../../shared/cognito-flow-input'
import type { InputField, Run, Step } from '../../shared/run-model'
import {
  CONFIDENTIAL,
  PUBLIC_ALL,
  PUBLIC_WEB,
  sandboxPassword,
  useCognitoSandboxCore,
} from '../helpers/cognito-sandbox'

const cognito = useCognitoSandboxCore()
const { core, events, answer, clientSecret, lastCode: codeSent } = cognito
const password = sandboxPassword

const signIn = (overrides: Partial<CognitoFlowInput>) =>
  core.runs.start({
    flow: 'cognito',
    ...cognito.where(),
    clientId: PUBLIC_ALL,
    username: 'olga',
    authFlow: 'USER_AUTH',
    mode: 'auto',
    ...overrides,
  })

const steps = (run: Run) => run.steps.map((step) => `${step.kind}: ${step.title}`)

/** Answers SELECT_CHALLENGE with `choice`, and returns the choices it offered. */
async function choose(runId: string, choice: string): Promise<string[] | undefined> {
  const step = await answer(
    runId,
    { title: /Choose how to sign in/, label: /^Sign in with$/ },
    () => ({
      challenge: choice,
    }),
  )
  return (step.inputs.fields as InputField[])[0]!.choices
}

function expectTokensVerified(run: Run): void {
  expect(run.status).toBe('succeeded')
  expect(run.tokens.map((token) => token.name)).toEqual([
    'id_token',
    'access_token',
    'refresh_token',
  ])
  const checks = run.steps.filter((step) => step.kind === 'check')
  expect(checks.map((step) => step.outputs)).toEqual([
    expect.objectContaining({ signature: 'valid', failed: 0 }),
    expect.objectContaining({ signature: 'valid', failed: 0 }),
  ])
}

const requestOf = (step: Step | undefined) => JSON.parse(step!.exchange!.request.body!)
const responseOf = (step: Step | undefined) => JSON.parse(step!.exchange!.response!.body!)

/** No trace of a secret value in the finished run nor in any event sent while it ran. */
function expectNowhere(run: Run, value: string): void {
  expect(JSON.stringify(run)).not.toContain(value)
  for (const event of events) expect(event).not.toContain(value)
}

describe('USER_AUTH: each first factor to tokens', () => {
  it('olga without a preference: SELECT_CHALLENGE offers what she can use, EMAIL_OTP signs her in with no password', async () => {
    const { run, done } = signIn({})
    const offered = await choose(run.id, 'EMAIL_OTP')
    await answer(
      run.id,
      { title: /Enter the EMAIL_OTP code/, label: /sent by email to o\*\*\*@e\*\*\*/ },
      () => ({ code: codeSent('olga', 'EMAIL_OTP') }),
    )
    const finished = await done

    expect(offered).toEqual(['PASSWORD', 'PASSWORD_SRP', 'EMAIL_OTP'])
    expectTokensVerified(finished)
    expect(steps(finished).slice(0, 5)).toEqual([
      'http: InitiateAuth (USER_AUTH): the user name alone, so Cognito offers the choices',
      'input: Choose how to sign in',
      'http: RespondToAuthChallenge (SELECT_CHALLENGE): EMAIL_OTP',
      'input: Enter the EMAIL_OTP code',
      'http: RespondToAuthChallenge (EMAIL_OTP): the code',
    ])
    const [initiate, , select, code] = finished.steps
    expect(requestOf(initiate)).toMatchObject({
      AuthFlow: 'USER_AUTH',
      AuthParameters: { USERNAME: 'olga' },
    })
    expect(requestOf(initiate).AuthParameters).not.toHaveProperty('PREFERRED_CHALLENGE')
    expect(responseOf(initiate)).toMatchObject({
      ChallengeName: 'SELECT_CHALLENGE',
      AvailableChallenges: ['PASSWORD', 'PASSWORD_SRP', 'EMAIL_OTP'],
    })
    expect(requestOf(select).ChallengeResponses).toEqual({ USERNAME: 'olga', ANSWER: 'EMAIL_OTP' })
    // Taught as the whole sign-in, not as a second factor.
    expect(code!.explain).toBe('cognito.otp-sign-in')
    expect(finished.steps.some((step) => /password/i.test(step.title))).toBe(false)
  })

  it('olga chooses PASSWORD with no password given: it is asked, sent with the choice, and kept secret', async () => {
    const { run, done } = signIn({})
    await choose(run.id, 'password') // as typed at a terminal
    await answer(run.id, { title: /Enter the password/, label: /Password of olga/ }, () => ({
      password: password('olga'),
    }))
    const finished = await done

    expectTokensVerified(finished)
    const select = finished.steps.find((s) => s.title.includes('(SELECT_CHALLENGE)'))!
    expect(select.title).toBe('RespondToAuthChallenge (SELECT_CHALLENGE): PASSWORD')
    expect(requestOf(select).ChallengeResponses).toEqual({
      USERNAME: 'olga',
      ANSWER: 'PASSWORD',
      PASSWORD: expect.stringMatching(/^«secret:s\d+:\w+»$/),
    })
    expectNowhere(finished, password('olga'))
  })

  it('olga chooses PASSWORD_SRP: SRP_A goes with the choice, then PASSWORD_VERIFIER as in SRP sign-in', async () => {
    const { run, done } = signIn({ password: password('olga') })
    await choose(run.id, 'PASSWORD_SRP')
    const finished = await done

    expectTokensVerified(finished)
    expect(steps(finished).slice(0, 6)).toEqual([
      'http: InitiateAuth (USER_AUTH): the user name alone, so Cognito offers the choices',
      'input: Choose how to sign in',
      'compute: Make SRP a and A',
      'http: RespondToAuthChallenge (SELECT_CHALLENGE): PASSWORD_SRP',
      'compute: Compute the password claim',
      'http: RespondToAuthChallenge (PASSWORD_VERIFIER): the signed claim, not the password',
    ])
    const [, , srpA, select] = finished.steps
    expect(requestOf(select).ChallengeResponses).toEqual({
      USERNAME: 'olga',
      ANSWER: 'PASSWORD_SRP',
      SRP_A: srpA!.outputs.A,
    })
    expect(responseOf(select).ChallengeName).toBe('PASSWORD_VERIFIER')
    expectNowhere(finished, password('olga'))
  })

  it('sam prefers SMS_OTP: the code goes to his phone at once, and no SMS MFA follows it', async () => {
    const { run, done } = signIn({ username: 'sam', preferredChallenge: 'SMS_OTP' })
    await answer(
      run.id,
      { title: /Enter the SMS_OTP code/, label: /sent by SMS to \+\*+0100/ },
      () => ({ code: codeSent('sam', 'SMS_OTP') }),
    )
    const finished = await done

    expectTokensVerified(finished)
    expect(steps(finished).slice(0, 3)).toEqual([
      'http: InitiateAuth (USER_AUTH): the user name, preferring SMS_OTP',
      'input: Enter the SMS_OTP code',
      'http: RespondToAuthChallenge (SMS_OTP): the code',
    ])
    expect(requestOf(finished.steps[0]).AuthParameters).toEqual({
      USERNAME: 'sam',
      PREFERRED_CHALLENGE: 'SMS_OTP',
    })
    expect(requestOf(finished.steps[2]).ChallengeResponses).toEqual({
      USERNAME: 'sam',
      SMS_OTP_CODE: expect.stringMatching(/^«secret:s\d+:code»$/),
    })
    expect(steps(finished).some((step) => step.includes('SMS_MFA'))).toBe(false)
  })

  it('sam prefers PASSWORD: the password goes in InitiateAuth, and his SMS MFA still follows', async () => {
    const { run, done } = signIn({
      username: 'sam',
      password: password('sam'),
      preferredChallenge: 'PASSWORD',
    })
    const mfa = await answer(run.id, { title: /Enter the SMS_MFA code/ }, () => ({
      code: codeSent('sam', 'SMS_MFA'),
    }))
    const finished = await done

    expectTokensVerified(finished)
    expect(requestOf(finished.steps[0]).AuthParameters).toEqual({
      USERNAME: 'sam',
      PREFERRED_CHALLENGE: 'PASSWORD',
      PASSWORD: expect.stringMatching(/^«secret:s\d+:password»$/),
    })
    expect(mfa.explain).toBe('cognito.sms_mfa') // taught as the second factor it is
    expectNowhere(finished, password('sam'))
  })
})

describe('USER_AUTH: what Cognito decides', () => {
  it('a preference olga cannot use (SMS_OTP, no phone) is answered with SELECT_CHALLENGE without it', async () => {
    const { run, done } = signIn({ preferredChallenge: 'SMS_OTP' })
    const offered = await choose(run.id, 'EMAIL_OTP')
    await answer(run.id, { title: /Enter the EMAIL_OTP code/ }, () => ({
      code: codeSent('olga', 'EMAIL_OTP'),
    }))
    const finished = await done

    expect(offered).toEqual(['PASSWORD', 'PASSWORD_SRP', 'EMAIL_OTP'])
    expect(requestOf(finished.steps[0]).AuthParameters).toEqual({
      USERNAME: 'olga',
      PREFERRED_CHALLENGE: 'SMS_OTP',
    })
    expect(responseOf(finished.steps[0]).ChallengeName).toBe('SELECT_CHALLENGE')
    expectTokensVerified(finished)
  })

  it('a client without ALLOW_USER_AUTH: refused in Cognito’s words, the hint naming the setting', async () => {
    const run = await signIn({ clientId: PUBLIC_WEB }).done

    expect(run.status).toBe('failed')
    expect(run.diagnostics[0]).toMatchObject({
      code: 'COGNITO_INVALID_PARAMETER',
      message: expect.stringContaining('USER_AUTH flow not enabled for this client'),
      hint: expect.stringContaining('add ALLOW_USER_AUTH'),
    })
  })

  it('a wrong email code: CodeMismatchException, in words', async () => {
    const { run, done } = signIn({ preferredChallenge: 'EMAIL_OTP' })
    const sent = await answer(run.id, { title: /Enter the EMAIL_OTP code/ }, () => ({
      code: codeSent('olga', 'EMAIL_OTP') === '000000' ? '111111' : '000000',
    }))
    const finished = await done

    expect(sent.explain).toBe('cognito.otp-sign-in')
    expect(finished.status).toBe('failed')
    expect(finished.diagnostics[0]).toMatchObject({
      code: 'COGNITO_CODE_MISMATCH',
      message: expect.stringContaining('CodeMismatchException'),
    })
  })

  it('pat by alias on a client with a secret: every SECRET_HASH after InitiateAuth is over USER_ID_FOR_SRP', async () => {
    const patId = cognito.sandbox.description.users.find((u) =>
      u.signInAliases?.includes('pat'),
    )!.username
    const { run, done } = signIn({
      clientId: CONFIDENTIAL,
      clientSecret: clientSecret(),
      username: 'pat',
    })
    await choose(run.id, 'EMAIL_OTP')
    await answer(run.id, { title: /Enter the EMAIL_OTP code/ }, () => ({
      code: codeSent(patId, 'EMAIL_OTP'),
    }))
    const finished = await done

    expectTokensVerified(finished)
    expect(
      finished.steps
        .filter((step) => step.title.startsWith('Compute SECRET_HASH'))
        .map((s) => s.title),
    ).toEqual(['Compute SECRET_HASH for pat', `Compute SECRET_HASH for ${patId}`])
    const select = finished.steps.find((s) => s.title.includes('(SELECT_CHALLENGE)'))!
    expect(requestOf(select).ChallengeResponses).toMatchObject({
      USERNAME: patId,
      SECRET_HASH: expect.stringMatching(/^«secret:s\d+:SECRET_HASH»$/),
    })
    expectNowhere(finished, clientSecret())
  })
})

describe('USER_AUTH with a code known in advance (a script’s --code)', () => {
  let scripted: CognitoSandbox
  beforeAll(async () => {
    scripted = await startCognitoSandbox({ port: 0, createSignInCode: () => '482916' })
  })
  afterAll(() => scripted?.close())

  it('answers the EMAIL_OTP sign-in with the code given, asking nobody', async () => {
    const run = await core.runs.start({
      flow: 'cognito',
      region: scripted.description.region,
      userPoolId: scripted.description.userPoolId,
      clientId: PUBLIC_ALL,
      endpoint: scripted.endpoint,
      username: 'olga',
      authFlow: 'USER_AUTH',
      preferredChallenge: 'EMAIL_OTP',
      code: '482916',
      mode: 'auto',
    }).done

    expectTokensVerified(run)
    expect(run.steps.some((step) => step.kind === 'input')).toBe(false)
    expect(scripted.outbox.at(-1)).toMatchObject({ username: 'olga', purpose: 'EMAIL_OTP' })
  })
})
