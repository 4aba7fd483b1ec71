// `afx cognito-account <verb>` against the sandbox pool, as a tester at a terminal or a script
// would call it: the code Cognito sent typed when asked (read here from the outbox), secrets on
// stdin, Cognito's refusals in words with exit 1, and mistakes in the call with exit 2.
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import {
  startCognitoSandbox,
  type CognitoSandbox,
} from '../../electron/core/sandbox/cognito/cognito-pool-server'
import type { Run } from '../../shared/run-model'
import { afxAgainstPool, type AfxOptions } from '../helpers/cognito-cli'

const PUBLIC_ALL = 'afxsandboxpublicall0000002'

let pool: CognitoSandbox
beforeEach(async () => {
  pool = await startCognitoSandbox({ port: 0 })
})
afterEach(() => pool?.close())

const lastCode = (username: string, purpose: string) =>
  [...pool.outbox].reverse().find((m) => m.username === username && m.purpose === purpose)?.code ??
  ''

const afx = (command: string, args: string[], options: Omit<AfxOptions, 'clientId'> = {}) =>
  afxAgainstPool(pool, [command, ...args], { clientId: PUBLIC_ALL, ...options })

/** Answers each question from the outbox (codes) or the table (anything else), and records it. */
function answering(username: string, purpose: string, others: Record<string, string> = {}) {
  const asked: string[] = []
  const answer = async (question: string) => {
    asked.push(question)
    const other = Object.entries(others).find(([start]) => question.startsWith(start))
    return other ? other[1] : lastCode(username, purpose)
  }
  return { asked, answer }
}

const signUp = (username: string, extra: string[] = [], answer?: ReturnType<typeof answering>) =>
  afx(
    'cognito-account',
    [
      'sign-up',
      '--username',
      username,
      '--password-stdin',
      '--attribute',
      `email=${username}@example.com`,
      ...extra,
    ],
    { stdin: `Sandbox-${username}-1\n`, ...(answer ? { answer: answer.answer } : {}) },
  )

describe('afx cognito-account', () => {
  it('sign-up asks for the emailed code and confirms; the password never shows', async () => {
    const questions = answering('clinewbie', 'SIGN_UP')

    const { code, stdout } = await signUp('clinewbie', [], questions)

    expect(code).toBe(0)
    expect(questions.asked).toEqual(['The code sent by EMAIL to c***@e***: '])
    expect(stdout).toMatch(/^Cognito account: sign-up \(clinewbie\): succeeded/)
    expect(stdout).toContain('✓ SignUp: the new user, its password and attributes  HTTP 200')
    expect(stdout).toContain('    Destination: c***@e***')
    expect(stdout).toContain('    DeliveryMedium: EMAIL')
    expect(stdout).toContain('✓ ConfirmSignUp: the code confirms the user  HTTP 200')
    expect(stdout).toContain('COGNITO_USER_CONFIRMED: clinewbie is confirmed')
    expect(stdout).not.toContain('Sandbox-clinewbie-1')
    const signedIn = await afx('cognito', [
      'password',
      '--username',
      'clinewbie',
      '--password',
      'Sandbox-clinewbie-1',
    ])
    expect(signedIn.code).toBe(0)
  })

  it('--no-confirm stops once the code is sent; confirm --code finishes it (JSON)', async () => {
    const sent = await signUp('clilater', ['--no-confirm'])
    expect(sent.code).toBe(0)
    expect(sent.stdout).not.toContain('ConfirmSignUp')

    const { code, stdout } = await afx('cognito-account', [
      'confirm',
      '--username',
      'clilater',
      '--code',
      lastCode('clilater', 'SIGN_UP'),
      '--json',
    ])

    expect(code).toBe(0)
    const run = JSON.parse(stdout) as Run
    expect(run.flow).toBe('cognito-account')
    expect(run.steps.map((step) => step.title)).toEqual([
      'ConfirmSignUp: the code confirms the user',
      'Read what the answer means for the account',
    ])
    expect(stdout).not.toContain(`"${lastCode('clilater', 'SIGN_UP')}"`)
  })

  it('forgot-password with the new password on stdin asks only the code; SRP then signs in with it', async () => {
    await signUp('cliforgot', [], answering('cliforgot', 'SIGN_UP'))
    const questions = answering('cliforgot', 'FORGOT_PASSWORD')

    const { code, stdout } = await afx(
      'cognito-account',
      ['forgot-password', '--username', 'cliforgot', '--new-password', '-'],
      { stdin: 'Sandbox-cliforgot-2\n', answer: questions.answer },
    )

    expect(code).toBe(0)
    expect(questions.asked).toEqual(['The code sent by EMAIL to c***@e***: '])
    expect(stdout).toContain('✓ ConfirmForgotPassword: the code and the new password  HTTP 200')
    expect(stdout).not.toContain('Sandbox-cliforgot-2')
    const signedIn = await afx('cognito', [
      'srp',
      '--username',
      'cliforgot',
      '--password',
      'Sandbox-cliforgot-2',
    ])
    expect(signedIn.code).toBe(0)
  })

  it('change-password takes the password, the new one and the access token from stdin', async () => {
    const signedIn = await afx('cognito', [
      'password',
      '--username',
      'alice',
      '--password',
      'Sandbox-alice-1',
      '--json',
      '--reveal',
    ])
    const accessToken = (JSON.parse(signedIn.stdout) as Run).tokens.find(
      (token) => token.name === 'access_token',
    )!.value

    const { code, stdout } = await afx(
      'cognito-account',
      ['change-password', '--password', '-', '--new-password', '-', '--access-token', '-'],
      { stdin: `Sandbox-alice-1\nSandbox-alice-2\n${accessToken}\n` },
    )

    expect(code).toBe(0)
    expect(stdout).toMatch(/^Cognito account: change password \(the token's user\): succeeded/)
    expect(stdout).not.toContain(accessToken)
    expect(
      (await afx('cognito', ['password', '--username', 'alice', '--password', 'Sandbox-alice-2']))
        .code,
    ).toBe(0)
  })

  it('cognito mfa-setup enrols an authenticator and cognito sign-out ends the sign-in', async () => {
    const signIn = () =>
      afx('cognito', [
        'password',
        '--username',
        'alice',
        '--password',
        'Sandbox-alice-1',
        '--json',
        '--reveal',
      ])
    const tokensOf = (stdout: string) => (JSON.parse(stdout) as Run).tokens
    const first = await signIn()
    const accessToken = tokensOf(first.stdout).find((token) => token.name === 'access_token')!.value

    const asked: string[] = []
    const enrolled = await afx('cognito', ['mfa-setup', '--access-token', '-'], {
      stdin: `${accessToken}\n`,
      answer: async (question) => {
        asked.push(question)
        return '000000'
      },
    })
    // A person at the terminal is told the enrolment, then asked for the app's first code.
    expect(enrolled.stderr).toMatch(/Add this entry to your authenticator app: otpauth:\/\/totp\//)
    expect(asked).toEqual([expect.stringMatching(/The code the app shows for the new entry/)])
    expect(enrolled.code).toBe(1)
    expect(enrolled.stdout).toMatch(
      /Cognito refused with (CodeMismatchException|EnableSoftwareTokenMFAException)/,
    )

    const selfEnrolled = await afx('cognito', [
      'mfa-setup',
      '--access-token',
      accessToken,
      '--as-authenticator',
    ])
    expect(selfEnrolled.code).toBe(0)
    expect(selfEnrolled.stdout).toContain('The authenticator is enrolled and preferred')

    const signedOut = await afx('cognito', ['sign-out', '--access-token', '-'], {
      stdin: `${accessToken}\n`,
    })
    expect(signedOut.code).toBe(0)
    expect(signedOut.stdout).toMatch(
      /^Cognito account: sign out everywhere \(the token's user\): succeeded/,
    )
    expect(signedOut.stdout).toContain('Signed out everywhere: the access token is refused')
    expect(signedOut.stdout).not.toContain(accessToken)
  })

  it('exits 1 with Cognito’s words when the user name is taken', async () => {
    const { code, stdout } = await afx('cognito-account', [
      'sign-up',
      '--username',
      'tom',
      '--password',
      'Sandbox-tom-9',
      '--attribute',
      'email=t@example.com',
    ])

    expect(code).toBe(1)
    expect(stdout).toContain(
      'COGNITO_USERNAME_EXISTS: Cognito refused with UsernameExistsException: "User already exists"',
    )
    expect(stdout).toContain('already exists in the pool: choose another name')
  })

  it.each([
    [[], /^afx: cognito-account needs a verb: use sign-up, confirm, resend, /],
    [['delete'], /^afx: "delete" is not one: use sign-up, /],
    [
      ['sign-up', '--username', 'u'],
      /^afx: --password: Sign-up needs the password the new user will have\./,
    ],
    [
      ['sign-up', '--username', 'u', '--password', 'Sandbox-u-1', '--attribute', 'email'],
      /^afx: --attribute takes name=value, not "email"\./,
    ],
    [
      ['confirm', '--username', 'u', '--no-confirm'],
      /^afx: --no-confirm: Confirming in the same run is not used by confirm-sign-up/,
    ],
    [
      ['change-password', '--password', '-', '--new-password', '-', '--access-token', 't'],
      /^afx: stdin must hold one line for each value given as "-" \(2\)\./,
    ],
  ])('exits 2 for %j, saying what is wrong', async (args, message) => {
    const { code, stderr } = await afx('cognito-account', args, { stdin: 'only-one-line\n' })

    expect(code).toBe(2)
    expect(stderr).toMatch(message)
  })
})
