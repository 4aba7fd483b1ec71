// `afx cognito <srp|password|refresh|custom>` against the sandbox pool, as a script would call it:
// the password on stdin, the first code given with --code, authenticator codes computed with
// --totp-secret (for tom's SOFTWARE_TOKEN_MFA and for mia's MFA_SETUP), a refresh token traded.
import { Secret, TOTP, URI } from 'otpauth'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import {
  startCognitoSandbox,
  type CognitoSandbox,
} from '../../electron/core/sandbox/cognito/cognito-pool-server'
import type { Run } from '../../shared/run-model'
import { afxAgainstPool, type AfxOptions } from '../helpers/cognito-cli'
import { runCliInProcess } from '../helpers/run-cli-in-process'

const PUBLIC_WEB = 'afxsandboxpublicweb0000001'
const PUBLIC_ALL = 'afxsandboxpublicall0000002'

// A fresh pool per test: MFA setup changes mia for good.
let pool: CognitoSandbox
beforeEach(async () => {
  pool = await startCognitoSandbox({ port: 0 })
})
afterEach(() => pool?.close())

const tomSecret = () => pool.description.users.find((u) => u.username === 'tom')!.totpSecret!
const totpNow = (secret: string) => new TOTP({ secret: Secret.fromBase32(secret) }).generate()

const afx = (args: string[], options: Omit<AfxOptions, 'clientId'> = {}) =>
  afxAgainstPool(pool, ['cognito', ...args], { clientId: PUBLIC_WEB, ...options })

const stepTitles = (run: Run) => run.steps.map((step) => step.title)

describe('afx cognito srp (and no verb)', () => {
  it('takes the password from stdin and answers tom’s TOTP challenge with --code, asking nothing', async () => {
    const { code, stdout } = await afx(
      ['srp', '--username', 'tom', '--password-stdin', '--code', totpNow(tomSecret()), '--json'],
      { stdin: 'Sandbox-tom-1\n' },
    )

    expect(code).toBe(0)
    const run = JSON.parse(stdout) as Run
    expect(run.status).toBe('succeeded')
    expect(stepTitles(run)).not.toContain('Enter the SOFTWARE_TOKEN_MFA code')
    expect(stepTitles(run)).toContain('RespondToAuthChallenge (SOFTWARE_TOKEN_MFA): the code')
    expect(stdout).not.toContain('Sandbox-tom-1')
  })

  it('computes tom’s code itself with --totp-secret (no verb: SRP)', async () => {
    const { code, stdout } = await afx(
      ['--username', 'tom', '--password', 'Sandbox-tom-1', '--totp-secret', tomSecret()],
      {},
    )

    expect(code).toBe(0)
    expect(stdout).toMatch(/^Cognito sign-in \(USER_SRP_AUTH, tom\): succeeded/)
    expect(stdout).toContain('✓ Compute the TOTP code from the secret')
    expect(stdout).toMatch(/ {4}code: «secret:s\d+:code»/)
    expect(stdout).not.toContain(tomSecret())
  })

  it('exits 1 when the code given is wrong, in Cognito’s words', async () => {
    const wrong = totpNow(tomSecret()) === '000000' ? '111111' : '000000'
    const { code, stdout } = await afx([
      'srp',
      '--username',
      'tom',
      '--password',
      'Sandbox-tom-1',
      '--code',
      wrong,
    ])

    expect(code).toBe(1)
    expect(stdout).toContain('CodeMismatchException')
  })

  it('enrols mia’s authenticator itself with --totp-secret; the new secret, revealed, signs her in again', async () => {
    const setup = await afx(
      [
        'srp',
        '--username',
        'mia',
        '--password-stdin',
        '--totp-secret',
        tomSecret(),
        '--json',
        '--reveal',
      ],
      { stdin: 'Sandbox-mia-1' },
    )

    expect(setup.code).toBe(0)
    const run = JSON.parse(setup.stdout) as Run
    const computed = run.steps.find((s) => s.title === 'Compute the TOTP code from the secret')!
    expect(computed.inputs.why).toMatch(/SecretCode Cognito just issued/)
    const enrolment = run.steps.find((s) => s.explain === 'cognito.totp-uri')!
    const uri = URI.parse(String(enrolment.outputs.otpauthUri))
    expect(uri.secret.base32).toBe(enrolment.outputs.SecretCode)
    expect(uri.secret.base32).not.toBe(tomSecret())

    // The secret in the otpauth:// URI is the one Cognito now expects codes from.
    const again = await afx([
      '--username',
      'mia',
      '--password',
      'Sandbox-mia-1',
      '--totp-secret',
      uri.secret.base32,
    ])
    expect(again.code).toBe(0)
    expect(again.stdout).toContain('✓ RespondToAuthChallenge (SOFTWARE_TOKEN_MFA): the code')
  })

  it('tells mia at the terminal what to add to her authenticator, then asks for its code', async () => {
    const questions: string[] = []
    let announced = ''
    const run = runCliInProcess(
      [
        'cognito',
        '--user-pool-id',
        pool.description.userPoolId,
        '--endpoint',
        pool.endpoint,
        '--client-id',
        PUBLIC_WEB,
        '--username',
        'mia',
        '--password',
        'Sandbox-mia-1',
      ],
      {
        answer: async (question) => {
          questions.push(question)
          announced = run.stderr.join('\n')
          const uri = /otpauth:\/\/\S+/.exec(announced)?.[0] ?? ''
          return new TOTP({ secret: URI.parse(uri).secret }).generate()
        },
      },
    )

    expect(await run.exitCode).toBe(0)
    expect(questions).toEqual(['The code the app shows for the new entry: '])
    expect(announced).toMatch(/^Add this entry to your authenticator app: otpauth:\/\/totp\//)
    expect(announced).toMatch(/or type its secret: [A-Z2-7]{16,}/)
  })
})

describe('afx cognito password | custom', () => {
  it('password: USER_PASSWORD_AUTH where the client allows it', async () => {
    const { code, stdout } = await afx(
      ['password', '--client-id', PUBLIC_ALL, '--username', 'alice', '--password', '-'],
      { stdin: 'Sandbox-alice-1' },
    )

    expect(code).toBe(0)
    expect(stdout).toMatch(/^Cognito sign-in \(USER_PASSWORD_AUTH, alice\): succeeded/)
  })

  it('custom: the custom challenge is asked at the terminal', async () => {
    const questions: string[] = []
    const { code } = await afx(['custom', '--username', 'alice'], {
      answer: async (question) => {
        questions.push(question)
        return pool.description.customChallenge.answer
      },
    })

    expect(code).toBe(0)
    expect(questions[0]).toMatch(/^Answer \(question: /)
  })
})

describe('afx cognito refresh', () => {
  it('trades the refresh token read from stdin for new tokens and says it did not rotate', async () => {
    const signIn = await afx(
      ['srp', '--username', 'alice', '--password', 'Sandbox-alice-1', '--json', '--reveal'],
      {},
    )
    const refreshToken = (JSON.parse(signIn.stdout) as Run).tokens.find(
      (token) => token.name === 'refresh_token',
    )!.value

    const { code, stdout } = await afx(['refresh', '--refresh-token', '-'], {
      stdin: `${refreshToken}\n`,
    })

    expect(code).toBe(0)
    expect(stdout).toMatch(/^Cognito refresh \(REFRESH_TOKEN_AUTH, afxsandboxpublicweb0000001\)/)
    expect(stdout).toContain(
      '✓ InitiateAuth (REFRESH_TOKEN_AUTH): the refresh token, for new tokens',
    )
    expect(stdout).toContain('    rotated: false')
    expect(stdout).toContain('OAUTH_REFRESH_TOKEN_KEPT: No refresh token came back')
    expect(stdout).toMatch(/ {2}id_token: «secret:s\d+:id_token»/)
    expect(stdout).not.toContain(refreshToken)
  })

  it('exits 1 for a refresh token the pool never issued', async () => {
    const { code, stdout } = await afx(['refresh', '--refresh-token', 'not-a-refresh-token'])

    expect(code).toBe(1)
    expect(stdout).toContain('NotAuthorizedException')
  })
})

describe('afx cognito --pool-id', () => {
  it('names the pool as --user-pool-id does', async () => {
    const run = runCliInProcess([
      'cognito',
      'password',
      '--pool-id',
      pool.description.userPoolId,
      '--endpoint',
      pool.endpoint,
      '--client-id',
      PUBLIC_ALL,
      '--username',
      'alice',
      '--password',
      'Sandbox-alice-1',
    ])
    expect(await run.exitCode).toBe(0)
    expect(run.stdout.join('\n')).toMatch(
      /^Cognito sign-in \(USER_PASSWORD_AUTH, alice\): succeeded/,
    )
  })
})

describe('afx cognito usage errors (exit 2)', () => {
  it.each([
    [['sign-out', '--username', 'alice'], /--access-token: Signing out needs the access token/],
    [['sign-off'], /"cognito sign-off" is not a Cognito command/],
    [['refresh'], /--refresh-token: REFRESH_TOKEN_AUTH needs the refresh token/],
    [['refresh', '--refresh-token', 't', '--auth-flow', 'USER_SRP_AUTH'], /contradicts/],
    [['srp', '--username', 'tom', '--password-stdin', '--refresh-token', '-'], /stdin holds one/],
    [
      ['srp', '--username', 'tom', '--password', 'p', '--code', '1', '--totp-secret', 'ABC'],
      /--code: Give a code or a TOTP secret/,
    ],
    [['srp', '--username', 'tom', '--password', 'p', '--totp-secret', 'not base32!'], /base32/],
    [['srp', 'extra', '--username', 'tom'], /one verb/],
  ])('afx cognito %j', async (args, message) => {
    const { code, stderr } = await afx(args)

    expect(code).toBe(2)
    expect(stderr).toMatch(message)
  })
})
