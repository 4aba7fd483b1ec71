// The Cognito account helpers as runs against the sandbox pool: sign-up confirmed in the same run
// with the code from the outbox, a resent code, a password reset (then an SRP sign-in with the
// new password through the Cognito sign-in run), a password change with the access token of a
// sign-in; Cognito's refusals in words; and no password, code, SECRET_HASH, client secret or
// access token in clear in any run record, event or export.
import { describe, expect, it } from 'vitest'
import { exportRun } from '../../electron/core/export/export-run'
import type { CognitoAccountInput } from '../../shared/cognito-account-input'
import type { InputField, InputValues, Run } from '../../shared/run-model'
import { CONFIDENTIAL, PUBLIC_ALL, useCognitoSandboxCore } from '../helpers/cognito-sandbox'
import { waitForRun } from '../helpers/run-events'
import { revealToken } from '../helpers/sign-in-run'

const cognito = useCognitoSandboxCore()
const { core, events, clientSecret, lastCode, where: pool } = cognito

type AccountOptions = Omit<
  CognitoAccountInput,
  'flow' | 'region' | 'userPoolId' | 'mode' | 'confirm'
> &
  Partial<Pick<CognitoAccountInput, 'confirm'>>

const account = (options: AccountOptions) =>
  core.runs.start({ flow: 'cognito-account', ...pool(), mode: 'auto', confirm: true, ...options })

const signIn = (username: string, password: string) =>
  core.runs.start({
    flow: 'cognito',
    ...pool(),
    clientId: PUBLIC_ALL,
    username,
    password,
    authFlow: 'USER_SRP_AUTH',
    mode: 'auto',
  }).done

const steps = (run: Run) => run.steps.map((step) => `${step.kind}: ${step.title}`)

/** Waits for the run to ask, checks the labels it asks with, and answers (read once asked). */
async function answer(runId: string, labels: RegExp[], values: () => InputValues): Promise<void> {
  const run = await waitForRun(core, runId, (candidate) => candidate.status === 'waiting')
  const step = run.steps.at(-1)!
  expect(step.kind).toBe('input')
  const fields = step.inputs.fields as InputField[]
  expect(fields.map((field) => field.label)).toEqual(
    labels.map((label) => expect.stringMatching(label)),
  )
  expect(fields.every((field) => field.secret)).toBe(true)
  core.runs.provideInput(runId, values())
}

/** No trace of the values in the finished run, in any event sent while it ran, nor in its exports. */
function expectNowhere(run: Run, values: string[]): void {
  const { input } = core.runs.record(run.id)
  const creator = { name: 'afx-test', version: '0' }
  const places = {
    run: JSON.stringify(run),
    input: JSON.stringify(input),
    events: events.join('\n'),
    curl: exportRun(run, input, 'curl', creator).content,
    har: exportRun(run, input, 'har', creator).content,
    scenario: exportRun(run, input, 'json', creator).content,
  }
  for (const value of values) {
    for (const [where, text] of Object.entries(places)) {
      expect(holds(text, value), `${where} holds a secret in clear`).toBe(false)
    }
  }
}

/**
 * Whether `text` holds `value`; a code of digits counts only where no digit touches it (the
 * decimals of a duration may hold any six digits).
 */
const holds = (text: string, value: string) =>
  /^\d+$/.test(value) ? new RegExp(`(?<!\\d)${value}(?!\\d)`).test(text) : text.includes(value)

const requestBody = (run: Run, title: RegExp) =>
  JSON.parse(run.steps.find((step) => title.test(step.title))?.exchange?.request.body ?? '{}')

describe('sign-up', () => {
  it('signs up and confirms in one run with the emailed code; the new user then signs in by SRP', async () => {
    const password = 'Sandbox-newbie-1'
    const { run, done } = account({
      action: 'sign-up',
      clientId: PUBLIC_ALL,
      username: 'newbie',
      password,
      attributes: { email: 'newbie@example.com', name: 'New Bie' },
    })

    await answer(run.id, [/^The code sent by EMAIL to n\*\*\*@e\*\*\*$/], () => ({
      code: lastCode('newbie', 'SIGN_UP'),
    }))
    const finished = await done

    expect(finished.title).toBe('Cognito account: sign-up (newbie)')
    expect(finished.status).toBe('succeeded')
    expect(steps(finished)).toEqual([
      'http: SignUp: the new user, its password and attributes',
      'check: Read where Cognito sent the code (CodeDeliveryDetails)',
      'input: Enter the confirmation code',
      'http: ConfirmSignUp: the code confirms the user',
      'check: Read what the answer means for the account',
    ])
    const [signUp, delivery, , confirm, outcome] = finished.steps
    expect(signUp!.exchange?.request.headers['x-amz-target']).toBe(
      'AWSCognitoIdentityProviderService.SignUp',
    )
    expect(requestBody(finished, /^SignUp/)).toEqual({
      ClientId: PUBLIC_ALL,
      Username: 'newbie',
      Password: expect.stringMatching(/^«secret:s\d+:password»$/),
      UserAttributes: [
        { Name: 'email', Value: 'newbie@example.com' },
        { Name: 'name', Value: 'New Bie' },
      ],
    })
    expect(delivery!.outputs).toEqual({
      Destination: 'n***@e***',
      DeliveryMedium: 'EMAIL',
      AttributeName: 'email',
      UserConfirmed: false,
      UserSub: expect.stringMatching(/^[0-9a-f-]{36}$/),
    })
    expect(requestBody(finished, /^ConfirmSignUp/).ConfirmationCode).toMatch(/^«secret:s\d+:code»$/)
    expect(confirm!.exchange?.response?.status).toBe(200)
    expect(outcome!.diagnostics[0]).toMatchObject({
      code: 'COGNITO_USER_CONFIRMED',
      severity: 'info',
    })
    expectNowhere(finished, [password, lastCode('newbie', 'SIGN_UP')])

    const signedIn = await signIn('newbie', password)
    expect(signedIn.status).toBe('succeeded')
  })

  it('with a client secret: SECRET_HASH made once, as its own step, and sent as SecretHash on both calls', async () => {
    const password = 'Sandbox-secretive-1'
    const { run, done } = account({
      action: 'sign-up',
      clientId: CONFIDENTIAL,
      clientSecret: clientSecret(),
      username: 'secretive',
      password,
      attributes: { email: 'secretive@example.com' },
    })
    await answer(run.id, [/^The code sent by EMAIL/], () => ({
      code: lastCode('secretive', 'SIGN_UP'),
    }))
    const finished = await done

    expect(finished.status).toBe('succeeded')
    expect(steps(finished).slice(0, 2)).toEqual([
      'compute: Compute SECRET_HASH for secretive',
      'http: SignUp: the new user, its password and attributes',
    ])
    expect(steps(finished).filter((step) => step.includes('SECRET_HASH'))).toHaveLength(1)
    const hashStep = finished.steps[0]!
    expect(hashStep.inputs).toMatchObject({
      formula: 'Base64(HMAC-SHA256(key = client secret, message = user name + client id))',
      key: expect.stringMatching(/^«secret:s\d+:client_secret»$/),
      message: `secretive${CONFIDENTIAL}`,
      why: expect.stringContaining('SecretHash'),
    })
    const marker = hashStep.outputs.SECRET_HASH as string
    expect(marker).toMatch(/^«secret:s\d+:SECRET_HASH»$/)
    expect(requestBody(finished, /^SignUp/).SecretHash).toBe(marker)
    expect(requestBody(finished, /^ConfirmSignUp/).SecretHash).toBe(marker)
    const hash = core.runs.revealSecret(finished.id, /«secret:(s\d+):/.exec(marker)![1]!)
    expectNowhere(finished, [password, clientSecret(), hash, lastCode('secretive', 'SIGN_UP')])
  })

  it('stops after the code is sent when told not to confirm; resend-code then confirms with the newest code, once', async () => {
    const first = await account({
      action: 'sign-up',
      clientId: PUBLIC_ALL,
      username: 'later',
      password: 'Sandbox-later-1',
      attributes: { email: 'later@example.com' },
      confirm: false,
    }).done
    expect(first.status).toBe('succeeded')
    expect(steps(first).at(-1)).toBe(
      'check: Read where Cognito sent the code (CodeDeliveryDetails)',
    )
    const oldCode = lastCode('later', 'SIGN_UP')

    const { run, done } = account({
      action: 'resend-code',
      clientId: PUBLIC_ALL,
      username: 'later',
    })
    await answer(run.id, [/^The code sent by EMAIL to l\*\*\*@e\*\*\*$/], () => ({
      code: lastCode('later', 'SIGN_UP'),
    }))
    const resent = await done

    expect(resent.status).toBe('succeeded')
    expect(steps(resent)[0]).toBe('http: ResendConfirmationCode: a new code, the earlier one void')
    expect(resent.steps[1]!.outputs).toEqual({
      Destination: 'l***@e***',
      DeliveryMedium: 'EMAIL',
      AttributeName: 'email',
    })
    expectNowhere(resent, [lastCode('later', 'SIGN_UP')])
    // Confirmed now: confirming again is refused, in words.
    const again = await account({
      action: 'confirm-sign-up',
      clientId: PUBLIC_ALL,
      username: 'later',
      code: oldCode,
    }).done
    expect(again.diagnostics[0]).toMatchObject({
      code: 'COGNITO_NOT_AUTHORIZED',
      message: expect.stringContaining('Current status is CONFIRMED'),
      hint: expect.stringMatching(/CONFIRMED already, so there is nothing to confirm/),
    })
  })
})

describe('password reset', () => {
  it('forgot-password asks for the code and the new password in one run; SRP then signs in with it', async () => {
    await account({
      action: 'sign-up',
      clientId: PUBLIC_ALL,
      username: 'resetter',
      password: 'Sandbox-resetter-1',
      attributes: { email: 'resetter@example.com' },
      confirm: false,
    }).done
    await account({
      action: 'confirm-sign-up',
      clientId: PUBLIC_ALL,
      username: 'resetter',
      code: lastCode('resetter', 'SIGN_UP'),
    }).done
    const newPassword = 'Sandbox-resetter-2'

    const { run, done } = account({
      action: 'forgot-password',
      clientId: PUBLIC_ALL,
      username: 'resetter',
    })
    await answer(run.id, [/^The code sent by EMAIL to r\*\*\*@e\*\*\*$/, /^New password/], () => ({
      code: lastCode('resetter', 'FORGOT_PASSWORD'),
      newPassword,
    }))
    const finished = await done

    expect(finished.status).toBe('succeeded')
    expect(steps(finished)).toEqual([
      'http: ForgotPassword: a code to reset the password',
      'check: Read where Cognito sent the code (CodeDeliveryDetails)',
      'input: Enter the reset code and the new password',
      'http: ConfirmForgotPassword: the code and the new password',
      'check: Read what the answer means for the account',
    ])
    expect(requestBody(finished, /^ConfirmForgotPassword/)).toMatchObject({
      ConfirmationCode: expect.stringMatching(/^«secret:s\d+:code»$/),
      Password: expect.stringMatching(/^«secret:s\d+:newPassword»$/),
    })
    expectNowhere(finished, [newPassword, lastCode('resetter', 'FORGOT_PASSWORD')])

    expect((await signIn('resetter', newPassword)).status).toBe('succeeded')
    const old = await signIn('resetter', 'Sandbox-resetter-1')
    expect(old.status).toBe('failed')
  })

  it('confirm-forgot-password later, with a client secret: the code given, only the new password asked', async () => {
    await account({
      action: 'sign-up',
      clientId: CONFIDENTIAL,
      clientSecret: clientSecret(),
      username: 'twostep',
      password: 'Sandbox-twostep-1',
      attributes: { email: 'twostep@example.com' },
      confirm: false,
    }).done
    await account({
      action: 'confirm-sign-up',
      clientId: CONFIDENTIAL,
      clientSecret: clientSecret(),
      username: 'twostep',
      code: lastCode('twostep', 'SIGN_UP'),
    }).done
    const asked = await account({
      action: 'forgot-password',
      clientId: CONFIDENTIAL,
      clientSecret: clientSecret(),
      username: 'twostep',
      confirm: false,
    }).done
    expect(asked.status).toBe('succeeded')

    const { run, done } = account({
      action: 'confirm-forgot-password',
      clientId: CONFIDENTIAL,
      clientSecret: clientSecret(),
      username: 'twostep',
      code: lastCode('twostep', 'FORGOT_PASSWORD'),
    })
    await answer(run.id, [/^New password/], () => ({ newPassword: 'Sandbox-twostep-2' }))
    const finished = await done

    expect(finished.status).toBe('succeeded')
    expect(steps(finished)).toEqual([
      'input: Enter the new password',
      'compute: Compute SECRET_HASH for twostep',
      'http: ConfirmForgotPassword: the code and the new password',
      'check: Read what the answer means for the account',
    ])
    expectNowhere(finished, ['Sandbox-twostep-2', clientSecret()])
    expect((await signIn('twostep', 'Sandbox-twostep-2')).status).toBe('succeeded')
  })
})

describe('change-password', () => {
  it('changes the password with the access token of an SRP sign-in; the old password then fails', async () => {
    const signedIn = await signIn('alice', 'Sandbox-alice-1')
    const accessToken = revealToken(core, signedIn, 'access_token')
    const newPassword = 'Sandbox-alice-2'

    const changed = await account({
      action: 'change-password',
      clientId: PUBLIC_ALL,
      accessToken,
      password: 'Sandbox-alice-1',
      newPassword,
    }).done

    expect(changed.title).toBe("Cognito account: change password (the token's user)")
    expect(changed.status).toBe('succeeded')
    expect(steps(changed)).toEqual([
      'http: ChangePassword: the current and the new password, with the access token',
      'check: Read what the answer means for the account',
    ])
    expect(requestBody(changed, /^ChangePassword/)).toEqual({
      AccessToken: expect.stringMatching(/^«secret:s\d+:access_token»$/),
      PreviousPassword: expect.stringMatching(/^«secret:s\d+:password»$/),
      ProposedPassword: expect.stringMatching(/^«secret:s\d+:new_password»$/),
    })
    expectNowhere(changed, [accessToken, 'Sandbox-alice-1', newPassword])
    expect((await signIn('alice', 'Sandbox-alice-1')).status).toBe('failed')
    expect((await signIn('alice', newPassword)).status).toBe('succeeded')
  })
})

describe("Cognito's refusals, in words", () => {
  it.each([
    {
      label: 'an existing user name',
      input: {
        action: 'sign-up',
        username: 'tom',
        password: 'Sandbox-tom-9',
        attributes: { email: 'tom2@example.com' },
      },
      expected: {
        code: 'COGNITO_USERNAME_EXISTS',
        message: 'Cognito refused with UsernameExistsException: "User already exists" (HTTP 400).',
        hint: expect.stringContaining('already exists in the pool: choose another name'),
      },
    },
    {
      label: 'a weak password',
      input: {
        action: 'sign-up',
        username: 'weakling',
        password: 'sandbox-weak-1',
        attributes: { email: 'weakling@example.com' },
      },
      expected: {
        code: 'COGNITO_INVALID_PASSWORD',
        message: expect.stringContaining(
          'Password did not conform with policy: Password must have uppercase characters',
        ),
        hint: expect.stringMatching(
          /^The password breaks the pool's password policy: Password must have uppercase characters\. Cognito's default policy/,
        ),
      },
    },
    {
      label: 'a wrong confirmation code',
      input: { action: 'confirm-sign-up', username: 'uma', code: '000000' },
      expected: {
        code: 'COGNITO_CODE_MISMATCH',
        message: expect.stringContaining('Invalid verification code provided'),
        hint: expect.stringContaining('use the newest code sent'),
      },
    },
    {
      label: 'a reset for a user with no verified address',
      input: { action: 'forgot-password', username: 'uma' },
      expected: {
        code: 'COGNITO_INVALID_PARAMETER',
        hint: expect.stringContaining('only to a verified email or phone number'),
      },
    },
  ] as const)('$label', async ({ input, expected }) => {
    const run = await account({ clientId: PUBLIC_ALL, ...input } as AccountOptions).done

    expect(run.status).toBe('failed')
    expect(run.diagnostics).toEqual([expect.objectContaining({ severity: 'error', ...expected })])
    const failed = run.steps.find((step) => step.status === 'failed')
    expect(failed?.kind).toBe('http')
    expect(failed?.diagnostics[0]).toMatchObject({ code: expected.code })
    if ('password' in input && input.password) expectNowhere(run, [input.password])
  })

  it('a wrong reset code, five times: the attempt limit, explained', async () => {
    const runs: Run[] = []
    await account({
      action: 'forgot-password',
      clientId: PUBLIC_ALL,
      username: 'erin',
      confirm: false,
    }).done
    const code = lastCode('erin', 'FORGOT_PASSWORD')
    for (let attempt = 0; attempt < 5; attempt++) {
      runs.push(
        await account({
          action: 'confirm-forgot-password',
          clientId: PUBLIC_ALL,
          username: 'erin',
          code: code === '000000' ? '111111' : '000000',
          newPassword: 'Sandbox-erin-2',
        }).done,
      )
    }

    expect(runs.map((run) => run.diagnostics[0]?.code)).toEqual([
      ...Array(4).fill('COGNITO_CODE_MISMATCH'),
      'COGNITO_LIMIT_EXCEEDED',
    ])
    expect(runs.at(-1)!.diagnostics[0]!.hint).toMatch(/^Too many attempts for this user/)
  })
})
