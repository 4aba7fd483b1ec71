// Answers given at the start of a Cognito run, for scripts: a TOTP secret the run computes codes
// from (shown as a step, kept as a secret even in the run's saved input, replayable), and a code
// that answers the first code challenge so nobody is asked.
import { Secret, TOTP } from 'otpauth'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  startCognitoSandbox,
  type CognitoSandbox,
} from '../../electron/core/sandbox/cognito/cognito-pool-server'
import type { CognitoFlowInput } from '../../shared/cognito-flow-input'
import type { Run } from '../../shared/run-model'
import { testCore } from '../helpers/test-impl'

let sandbox: CognitoSandbox
const core = testCore()

beforeAll(async () => {
  sandbox = await startCognitoSandbox({ port: 0 })
})
afterAll(() => sandbox?.close())

const tomSecret = () => sandbox.description.users.find((u) => u.username === 'tom')!.totpSecret!

const signInTom = (answers: Partial<CognitoFlowInput>) =>
  core.runs.start({
    flow: 'cognito',
    region: sandbox.description.region,
    userPoolId: sandbox.description.userPoolId,
    clientId: 'afxsandboxpublicweb0000001',
    endpoint: sandbox.endpoint,
    username: 'tom',
    password: 'Sandbox-tom-1',
    authFlow: 'USER_SRP_AUTH',
    mode: 'auto',
    ...answers,
  })

const kinds = (run: Run) => run.steps.map((step) => `${step.kind}: ${step.title}`)

describe('answers given at the start of a Cognito sign-in', () => {
  it('computes tom’s TOTP code from the secret given, as a step, and keeps the secret secret', async () => {
    const run = await signInTom({ totpSecret: tomSecret() }).done

    expect(run.status).toBe('succeeded')
    expect(kinds(run).slice(4, 6)).toEqual([
      'compute: Compute the TOTP code from the secret',
      'http: RespondToAuthChallenge (SOFTWARE_TOKEN_MFA): the code',
    ])
    expect(run.steps.some((step) => step.kind === 'input')).toBe(false)
    const computed = run.steps[4]!
    expect(computed.inputs).toMatchObject({
      secret: expect.stringMatching(/^«secret:s\d+:totp_secret»$/),
      algorithm: 'SHA1',
      digits: 6,
      period: 30,
    })
    expect(computed.outputs).toEqual({
      timeStep: expect.any(Number),
      code: expect.stringMatching(/^«secret:s\d+:code»$/),
    })
    const record = core.runs.record(run.id)
    expect(record.input?.totpSecret).toMatch(/^«secret:s\d+:totp_secret»$/)
    expect(JSON.stringify(record)).not.toContain(tomSecret())
  })

  it('replays a TOTP sign-in: the secret comes back and computes a fresh code', async () => {
    const first = await signInTom({ totpSecret: tomSecret() }).done
    const replayed = await core.runs.start(core.runs.replayInput(first.id)).done

    expect(replayed.status).toBe('succeeded')
    expect(kinds(replayed)).toContain('compute: Compute the TOTP code from the secret')
  })

  it('answers the first code challenge with the code given, asking nobody', async () => {
    const code = new TOTP({ secret: Secret.fromBase32(tomSecret()) }).generate()
    const run = await signInTom({ code }).done

    expect(run.status).toBe('succeeded')
    expect(
      run.steps.some(
        (step) => step.kind === 'input' || (step.kind === 'compute' && step.title.includes('TOTP')),
      ),
    ).toBe(false)
    const respond = run.steps.find((step) => step.title.includes('(SOFTWARE_TOKEN_MFA)'))!
    expect(JSON.parse(respond.exchange!.request.body!).ChallengeResponses).toMatchObject({
      SOFTWARE_TOKEN_MFA_CODE: expect.stringMatching(/^«secret:s\d+:code»$/),
    })
    expect(JSON.stringify(core.runs.record(run.id))).not.toContain(`"${code}"`)
  })
})
