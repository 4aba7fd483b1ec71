// `afx cognito user-auth` against the sandbox pool, as a person at a terminal and as a script:
// the choice asked at the terminal (its answers listed first), or named with --challenge; the
// emailed code given with --code. The pool makes a code known in advance, as a script's test needs.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  startCognitoSandbox,
  type CognitoSandbox,
} from '../../electron/core/sandbox/cognito/cognito-pool-server'
import {
  cognitoCommand,
  type CognitoCommandOptions,
} from '../../electron/hosts/cli/cognito-command'
import type { Run } from '../../shared/run-model'
import { runCliInProcess } from '../helpers/run-cli-in-process'
import { testCore } from '../helpers/test-impl'

const PUBLIC_ALL = 'afxsandboxpublicall0000002' // ALLOW_USER_AUTH
const CODE = '482916'

let pool: CognitoSandbox
beforeAll(async () => {
  pool = await startCognitoSandbox({ port: 0, createSignInCode: () => CODE })
})
afterAll(() => pool?.close())

const stepTitles = (run: Run) => run.steps.map((step) => step.title)
const requestOf = (run: Run, title: string) =>
  JSON.parse(run.steps.find((step) => step.title.startsWith(title))!.exchange!.request.body!)

describe('afx cognito user-auth', () => {
  it('asks at the terminal which way to sign in, listing the choices, and takes the code from --code', async () => {
    const questions: string[] = []
    const cli = runCliInProcess(
      [
        'cognito',
        'user-auth',
        '--user-pool-id',
        pool.description.userPoolId,
        '--client-id',
        PUBLIC_ALL,
        '--endpoint',
        pool.endpoint,
        '--username',
        'olga',
        '--code',
        CODE,
        '--json',
      ],
      {
        answer: async (question) => {
          questions.push(question)
          return 'email_otp'
        },
      },
    )
    const exit = await cli.exitCode
    const run = JSON.parse(cli.stdout.join('\n')) as Run

    expect(exit).toBe(0)
    expect(questions).toEqual(['Sign in with: '])
    expect(cli.stderr).toContain('Sign in with: one of PASSWORD, PASSWORD_SRP, EMAIL_OTP')
    expect(run.status).toBe('succeeded')
    expect(stepTitles(run)).toContain('RespondToAuthChallenge (SELECT_CHALLENGE): EMAIL_OTP')
    expect(stepTitles(run)).not.toContain('Enter the EMAIL_OTP code')
    expect(cli.stdout.join('\n')).not.toContain(CODE)
  })

  it('refuses a verb it does not know, naming user-auth among those it does', async () => {
    const cli = runCliInProcess(['cognito', 'passwordless', '--username', 'olga'])

    expect(await cli.exitCode).toBe(2)
    expect(cli.stderr.join('\n')).toContain(
      'use srp, password, refresh, custom, user-auth, mfa-setup, sign-out or describe',
    )
  })
})

// --challenge reaches cognitoCommand once run-cli.ts parses the flag (the lead's file); until then
// these call the command as run-cli will, with the same context a terminal gives it.
describe('afx cognito user-auth --challenge', () => {
  async function userAuth(extra: Partial<CognitoCommandOptions>) {
    const stdout: string[] = []
    const questions: string[] = []
    const options: CognitoCommandOptions = {
      verb: 'user-auth',
      region: undefined,
      userPoolId: pool.description.userPoolId,
      clientId: PUBLIC_ALL,
      clientSecret: undefined,
      endpoint: pool.endpoint,
      username: 'olga',
      password: undefined,
      passwordStdin: false,
      authFlow: undefined,
      refreshToken: undefined,
      code: undefined,
      totpSecret: undefined,
      profileName: undefined,
      json: true,
      reveal: false,
      ...extra,
    }
    const exit = await cognitoCommand(options, {
      core: testCore('cli'),
      stdout: (text) => stdout.push(text),
      stderr: () => {},
      readStdin: async () => '',
      ask: async (question) => {
        questions.push(question)
        throw new Error('stdin closed')
      },
      now: Date.now,
    })
    return { exit, questions, stdout: stdout.join('\n') }
  }

  it('--challenge EMAIL_OTP --code C: signs olga in by email code, asking nothing', async () => {
    const { exit, questions, stdout } = await userAuth({ challenge: 'EMAIL_OTP', code: CODE })
    const run = JSON.parse(stdout) as Run

    expect(exit).toBe(0)
    expect(questions).toEqual([])
    expect(requestOf(run, 'InitiateAuth').AuthParameters).toEqual({
      USERNAME: 'olga',
      PREFERRED_CHALLENGE: 'EMAIL_OTP',
    })
    expect(requestOf(run, 'RespondToAuthChallenge (EMAIL_OTP)').ChallengeResponses).toEqual({
      USERNAME: 'olga',
      EMAIL_OTP_CODE: expect.stringMatching(/^«secret:s\d+:code»$/),
    })
    expect(run.tokens.map((token) => token.name)).toContain('access_token')
    expect(stdout).not.toContain(CODE)
  })

  it('--challenge takes a name in lower case, and refuses one that is not a challenge', async () => {
    expect((await userAuth({ challenge: 'email_otp', code: CODE })).exit).toBe(0)
    await expect(userAuth({ challenge: 'passkey' })).rejects.toThrow(
      '--challenge: A challenge is PASSWORD, PASSWORD_SRP, EMAIL_OTP or SMS_OTP.',
    )
    await expect(userAuth({ verb: 'srp', challenge: 'EMAIL_OTP', password: 'x' })).rejects.toThrow(
      '--challenge: A preferred challenge belongs to USER_AUTH',
    )
  })
})
