// The engine's Cognito sign-in against a pool that refuses or misbehaves (reference/security.md
// §7.8 and §7.13 #161, #169, #170): the real sandbox pool, with its clock moved where time matters, and
// a hostile front before it for answers the real pool never gives. Each case ends the run failed
// in words, before any further call, with no planted secret in the run or its events.
import { performance } from 'node:perf_hooks'
import {
  InitiateAuthCommand,
  RespondToAuthChallengeCommand,
} from '@aws-sdk/client-cognito-identity-provider'
import { Secret, TOTP } from 'otpauth'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { hintForCognitoError } from '../../electron/core/cognito/cognito-error-hints'
import { dispatchCall } from '../../electron/core/dispatch-call'
import {
  startCognitoSandbox,
  type CognitoSandbox,
} from '../../electron/core/sandbox/cognito/cognito-pool-server'
import type { CognitoFlowInput } from '../../shared/cognito-flow-input'
import { isFinishedStatus, type Run } from '../../shared/run-model'
import { tokenSecretId } from '../../shared/run-token-secret'
import {
  operationsOf,
  startCognitoFaultFront,
  type CognitoFaultFront,
} from '../helpers/cognito-fault-front'
import {
  answerQuestion,
  CONFIDENTIAL,
  PUBLIC_ALL,
  PUBLIC_WEB,
  ROTATING,
  sandboxPassword,
  sandboxSdk,
} from '../helpers/cognito-sandbox'
import { expectPlainWords, failureOf } from '../helpers/fault-oracle'
import { isListening } from '../helpers/fault-provider'
import { waitForRun } from '../helpers/run-events'
import { testCore } from '../helpers/test-impl'

/** Added to the pool's clock: a case that moves time puts it back (afterEach). */
let poolClockOffsetMs = 0
let pool: CognitoSandbox
let front: CognitoFaultFront
const core = testCore()
const events: string[] = []

beforeAll(async () => {
  pool = await startCognitoSandbox({ port: 0, now: () => Date.now() + poolClockOffsetMs })
  front = await startCognitoFaultFront(pool.endpoint)
  core.events.subscribe((event, payload) => {
    if (event === 'run.updated') events.push(JSON.stringify(payload))
  })
})
afterEach(() => {
  poolClockOffsetMs = 0
  front.faults.clear()
  front.wire.length = 0
})
afterAll(async () => {
  await front.close()
  await pool.close()
  expect(await isListening(front.port)).toBe(false)
  expect(await isListening(pool.port)).toBe(false)
})

/**
 * A sign-in through the hostile front (which passes everything on unless told otherwise). Runs
 * that must end in tokens go to the pool itself (`endpoint: pool.endpoint`): the tokens name the
 * pool as their issuer, which the front's address is not.
 */
const signIn = (input: Partial<CognitoFlowInput> = {}) =>
  core.runs.start({
    flow: 'cognito',
    region: 'us-east-1',
    userPoolId: pool.description.userPoolId,
    endpoint: front.endpoint,
    clientId: PUBLIC_WEB,
    username: 'alice',
    password: sandboxPassword('alice'),
    authFlow: 'USER_SRP_AUTH',
    mode: 'auto',
    ...input,
  })

const totpSecretOf = (user: string) =>
  pool.description.users.find((candidate) => candidate.username === user)!.totpSecret!
const totpAt = (secret: string, timestamp: number) =>
  new TOTP({ secret: Secret.fromBase32(secret) }).generate({ timestamp })

/** O1 + O3: failed in plain words, and none of `values` in the run nor any event sent for it. */
function expectCleanRefusal(run: Run, values: string[]): void {
  expect(run.status).toBe('failed')
  const failure = failureOf(run)
  expect(failure?.code).toMatch(/^COGNITO_/)
  expect(failure?.code).not.toBe('INTERNAL_ERROR')
  expectPlainWords(`${failure?.message}\n${failure?.hint ?? ''}`)
  const seen = [JSON.stringify(run), ...events.filter((event) => event.includes(run.id))]
  for (const value of values) for (const text of seen) expect(text).not.toContain(value)
}

describe('the real pool refuses (§7.8)', () => {
  it('#109 a client with a secret, none given: "add it in the profile", in words', async () => {
    const run = await signIn({ clientId: CONFIDENTIAL }).done

    expectCleanRefusal(run, [sandboxPassword('alice')])
    expect(failureOf(run)).toMatchObject({
      code: 'COGNITO_NOT_AUTHORIZED',
      message: expect.stringContaining('configured for secret but secret was not received'),
      hint: 'This app client has a client secret: add it, so every call carries SECRET_HASH.',
    })
    expect(operationsOf(front)).toEqual(['InitiateAuth']) // nothing after the refusal
  })

  it('#117 USER_PASSWORD_AUTH says the password goes to Cognito; the default stays SRP; the password is nowhere', async () => {
    const chosen = await signIn({
      clientId: PUBLIC_ALL,
      authFlow: 'USER_PASSWORD_AUTH',
      endpoint: pool.endpoint,
    }).done
    // No flow named: the contract's default, as every face reaches the engine.
    const started = await dispatchCall(core.impl, 'runs.start', {
      flow: 'cognito',
      region: 'us-east-1',
      userPoolId: pool.description.userPoolId,
      endpoint: pool.endpoint,
      clientId: PUBLIC_ALL,
      username: 'alice',
      password: sandboxPassword('alice'),
    })
    if (!started.ok) throw new Error(started.error.message)
    const byDefault = await waitForRun(core, (started.value as Run).id, (run) =>
      isFinishedStatus(run.status),
    )

    expect(chosen.status).toBe('succeeded')
    expect(chosen.steps[0]?.title).toBe(
      'InitiateAuth (USER_PASSWORD_AUTH): the password itself goes to Cognito',
    )
    expect(byDefault.steps.find((step) => step.kind === 'http')?.title).toBe(
      'InitiateAuth (USER_SRP_AUTH): the user name and SRP_A, no password',
    )
    // The password did go out, in the chosen flow, as a secret the run can reveal …
    const sent = JSON.parse(chosen.steps[0]!.exchange!.request.body!).AuthParameters.PASSWORD
    expect(core.runs.revealSecret(chosen.id, /«secret:(s\d+):password»/.exec(sent)![1]!)).toBe(
      sandboxPassword('alice'),
    )
    // … and is in neither run in clear, nor in any event.
    for (const run of [chosen, byDefault]) {
      expect(JSON.stringify(run)).not.toContain(sandboxPassword('alice'))
      for (const event of events.filter((e) => e.includes(run.id)))
        expect(event).not.toContain(sandboxPassword('alice'))
    }
  })

  it('#118 a wrong SOFTWARE_TOKEN_MFA code: CodeMismatchException in words; the code and the Session redacted', async () => {
    const wrongCode = '918273'
    const { run, done } = signIn({ username: 'tom', password: sandboxPassword('tom') })
    await answerQuestion(core, run.id, { title: /SOFTWARE_TOKEN_MFA code/ }, () => ({
      code: wrongCode,
    }))
    const finished = await done

    const sessions = front.wire
      .map((exchange) => (JSON.parse(exchange.response) as { Session?: string }).Session)
      .filter((session): session is string => typeof session === 'string')
    expect(sessions.length).toBeGreaterThan(0)
    expectCleanRefusal(finished, [wrongCode, sandboxPassword('tom'), ...sessions])
    expect(failureOf(finished)).toMatchObject({
      code: 'COGNITO_CODE_MISMATCH',
      message: expect.stringContaining('CodeMismatchException'),
      hint: expect.stringMatching(/code is wrong.*sign in again/),
    })
    // One answer, then the run stopped: no retry loop with the spent session.
    expect(operationsOf(front).filter((op) => op === 'RespondToAuthChallenge')).toHaveLength(2)
    expect(operationsOf(front).at(-1)).toBe('RespondToAuthChallenge')
  })

  it('#119 a challenge answered after the 3-minute session: "start the sign-in again", once', async () => {
    const { run, done } = signIn({ username: 'tom', password: sandboxPassword('tom') })
    await answerQuestion(core, run.id, { title: /SOFTWARE_TOKEN_MFA code/ }, () => {
      poolClockOffsetMs = 4 * 60_000 // the person took four minutes to type the code
      return { code: totpAt(totpSecretOf('tom'), Date.now() + poolClockOffsetMs) }
    })
    const finished = await done

    expectCleanRefusal(finished, [sandboxPassword('tom')])
    expect(failureOf(finished)).toMatchObject({
      code: 'COGNITO_NOT_AUTHORIZED',
      message: expect.stringContaining('session is expired'),
      hint: expect.stringMatching(/3 minutes by default\): start the sign-in again\.$/),
    })
    expect(operationsOf(front).filter((op) => op === 'RespondToAuthChallenge')).toHaveLength(2)
  })

  it('#121 NEW_PASSWORD_REQUIRED with a password the policy refuses: the rule in words, the new password nowhere', async () => {
    const weak = `weak-new-password-${Date.now()}`
    const { run, done } = signIn({ username: 'nina', password: 'Sandbox-nina-temp-1' })
    await answerQuestion(core, run.id, { title: /new password/ }, () => ({ newPassword: weak }))
    const finished = await done

    expectCleanRefusal(finished, [weak, 'Sandbox-nina-temp-1'])
    expect(failureOf(finished)).toMatchObject({
      code: 'COGNITO_INVALID_PASSWORD',
      message: expect.stringContaining('InvalidPasswordException'),
      hint: expect.stringMatching(/password policy: Password must have/),
    })
    // It did reach Cognito, so the run refused it for what Cognito said, not by a guess.
    expect(front.wire.some((exchange) => exchange.request.includes(weak))).toBe(true)
  })

  /** Signs in on the rotating client, refreshes once, and tries the first refresh token late. */
  async function refreshAfterGrace(): Promise<{ late: Run; first: string }> {
    const signedIn = await signIn({ clientId: ROTATING, endpoint: pool.endpoint }).done
    expect(signedIn.status).toBe('succeeded')
    const first = core.runs.revealSecret(signedIn.id, tokenSecretId(signedIn, 'refresh_token')!)
    const refresh = () =>
      signIn({
        clientId: ROTATING,
        endpoint: pool.endpoint,
        authFlow: 'REFRESH_TOKEN_AUTH',
        username: undefined,
        password: undefined,
        refreshToken: first,
        refreshWith: 'GetTokensFromRefreshToken',
      }).done
    expect((await refresh()).status).toBe('succeeded') // rotates: `first` is now on its grace
    poolClockOffsetMs = 11_000 // the sandbox client's RetryGracePeriodSeconds is 10
    return { late: await refresh(), first }
  }

  it('#124 a rotated refresh token used after its grace period: refused, explained as rotation', async () => {
    const { late, first } = await refreshAfterGrace()

    expectCleanRefusal(late, [first])
    expect(failureOf(late)).toMatchObject({
      code: 'COGNITO_REFRESH_TOKEN_REUSE',
      message: expect.stringMatching(/replaced by refresh token rotation.*grace period is over/),
    })
    expect(late.steps[0]?.title).toMatch(/^GetTokensFromRefreshToken/)
  })

  it('#124 … and its hint says to use the newest refresh token, not the call already used', async () => {
    const { late } = await refreshAfterGrace()

    expect(failureOf(late)?.hint).toMatch(/Use the one the last refresh returned/)
    expect(failureOf(late)?.hint).not.toMatch(/refresh with GetTokensFromRefreshToken/)
  })
})

describe('a computer clock ten minutes fast (§7.13 #161)', () => {
  /** The pool's clock ten minutes behind this computer's: the claim's TIMESTAMP is off by that. */
  const signInWithFastClock = () => {
    poolClockOffsetMs = -10 * 60_000
    return signIn().done
  }

  it('#161 the SRP claim is refused in words, and the step shows the TIMESTAMP this computer signed', async () => {
    const run = await signInWithFastClock()

    expectCleanRefusal(run, [sandboxPassword('alice')])
    expect(failureOf(run)?.message).toContain('NotAuthorizedException')
    const claim = run.steps.find((step) => step.title === 'Compute the password claim')
    expect(claim?.outputs.TIMESTAMP).toMatch(/^\w{3} \w{3} \d{1,2} \d\d:\d\d:\d\d UTC \d{4}$/)
    expect(operationsOf(front)).toEqual(['InitiateAuth', 'RespondToAuthChallenge'])
  })

  it('#161 … and its hint names the computer clock as a cause', async () => {
    const run = await signInWithFastClock()

    expect(failureOf(run)?.hint).toMatch(/clock|TIMESTAMP/i)
  })
})

describe('a hostile pool (the front changes one answer)', () => {
  const srpChallenge = (changes: Record<string, string>) => ({
    rewrite: (answer: Record<string, unknown>) => ({
      ...answer,
      ChallengeParameters: {
        ...(answer.ChallengeParameters as Record<string, string>),
        ...changes,
      },
    }),
  })

  it('#113 SRP_B ≡ 0 (mod N): aborted before any signature is computed or sent', async () => {
    front.faults.set('InitiateAuth', srpChallenge({ SRP_B: '0' }))
    const run = await signIn().done

    expectCleanRefusal(run, [sandboxPassword('alice')])
    expect(failureOf(run)).toMatchObject({
      code: 'COGNITO_SRP_INVALID_B',
      message: expect.stringContaining('server sent an invalid SRP value B'),
      ref: 'RFC 5054 §2.5.4',
    })
    expect(operationsOf(front)).toEqual(['InitiateAuth'])
    expect(JSON.stringify(run)).not.toContain('PASSWORD_CLAIM_SIGNATURE')
  })

  it.each([
    ['SALT', { SALT: 'not-hex' }],
    ['SECRET_BLOCK', { SECRET_BLOCK: 'not base64!' }],
    ['SRP_B', { SRP_B: 'xyz' }],
  ])('#115 %s malformed: a parse error naming it, nothing sent after', async (name, changes) => {
    front.faults.set('InitiateAuth', srpChallenge(changes))
    const run = await signIn().done

    expectCleanRefusal(run, [sandboxPassword('alice')])
    expect(failureOf(run)?.code).toBe('COGNITO_SRP_BAD_PARAMETER')
    expect(failureOf(run)?.message).toContain(name)
    expect(operationsOf(front)).toEqual(['InitiateAuth'])
  })

  it('#169 an SRP_B of 100 KB of hex: refused as longer than the group, in bounded time', async () => {
    front.faults.set('InitiateAuth', srpChallenge({ SRP_B: 'f'.repeat(100_000) }))
    const begun = performance.now()
    const run = await signIn().done

    expect(performance.now() - begun).toBeLessThan(1_500)
    expectCleanRefusal(run, [sandboxPassword('alice')])
    expect(failureOf(run)).toMatchObject({ code: 'COGNITO_SRP_BAD_PARAMETER' })
    expect(failureOf(run)?.message).toContain('longer than the SRP group')
    expect(operationsOf(front)).toEqual(['InitiateAuth'])
  })

  it.each([
    ['TooManyRequestsException', 'Rate exceeded', /wait a little.*do not retry in a loop/],
    ['LimitExceededException', 'Attempt limit exceeded, please try after some time.', /wait/i],
  ])(
    '#126 %s: a backoff message, and the call made once (no hot loop)',
    async (type, message, hint) => {
      front.faults.set('InitiateAuth', { error: { type, message } })
      const begun = performance.now()
      const run = await signIn().done

      expect(performance.now() - begun).toBeLessThan(1_500)
      expectCleanRefusal(run, [sandboxPassword('alice')])
      expect(failureOf(run)?.message).toContain(type)
      expect(failureOf(run)?.hint).toMatch(hint)
      expect(operationsOf(front)).toEqual(['InitiateAuth'])
    },
  )
})

describe('a challenge session answered twice (§7.13 #170)', () => {
  it('#170 the pool refuses the reused Session, and the engine reads its words as "start again"', async () => {
    const sdk = sandboxSdk(pool)
    try {
      const started = await sdk.send(
        new InitiateAuthCommand({
          ClientId: PUBLIC_ALL,
          AuthFlow: 'USER_PASSWORD_AUTH',
          AuthParameters: { USERNAME: 'tom', PASSWORD: sandboxPassword('tom') },
        }),
      )
      expect(started.ChallengeName).toBe('SOFTWARE_TOKEN_MFA')
      const answer = () =>
        sdk.send(
          new RespondToAuthChallengeCommand({
            ClientId: PUBLIC_ALL,
            ChallengeName: 'SOFTWARE_TOKEN_MFA',
            Session: started.Session,
            ChallengeResponses: {
              USERNAME: 'tom',
              SOFTWARE_TOKEN_MFA_CODE: totpAt(totpSecretOf('tom'), Date.now()),
            },
          }),
        )
      expect((await answer()).AuthenticationResult?.AccessToken).toBeDefined()

      const refusal = await answer().then(
        () => undefined,
        (error: Error) => error,
      )
      expect(refusal?.name).toBe('NotAuthorizedException')
      expect(hintForCognitoError(refusal!.name, refusal!.message)?.hint).toMatch(
        /answers one challenge, once.*start the sign-in again/,
      )
    } finally {
      sdk.destroy()
    }
  })
})
