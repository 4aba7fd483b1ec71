// The Cognito engine against a second, independent oracle: cognito-local, started for this file
// on loopback. The same runs as against our sandbox pool where cognito-local has the feature
// (USER_PASSWORD_AUTH, REFRESH_TOKEN_AUTH, NEW_PASSWORD_REQUIRED, TOTP and SMS MFA, sign-up,
// password reset and change, a refusal), and its tokens pass the same checks as AWS's: its
// keys, its issuer below the endpoint. It has no SRP, USER_AUTH or CUSTOM_AUTH (it answers 500),
// and never checks SECRET_HASH, so those stay with the sandbox's tests.
// @see https://github.com/jagregory/cognito-local#supported-features
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { CognitoAccountInput } from '../../shared/cognito-account-input'
import type { CognitoFlowInput } from '../../shared/cognito-flow-input'
import type { Run } from '../../shared/run-model'
import {
  createLocalPool,
  startCognitoLocal,
  type CognitoLocal,
  type LocalPool,
} from '../helpers/cognito-local'
import { answerQuestion } from '../helpers/cognito-sandbox'
import { revealToken } from '../helpers/sign-in-run'
import { testCore } from '../helpers/test-impl'

const PASSWORD = {
  alice: 'Local-alice-1',
  nina: 'Local-nina-temp-1',
  tom: 'Local-tom-1',
  sam: 'Local-sam-1',
  carol: 'Local-carol-1',
  rita: 'Local-rita-1',
}
type User = keyof typeof PASSWORD

let local: CognitoLocal
let pool: LocalPool
const core = testCore()

beforeAll(async () => {
  local = await startCognitoLocal()
  pool = await createLocalPool(local, {
    users: [
      { username: 'alice', password: PASSWORD.alice },
      { username: 'nina', password: PASSWORD.nina, temporary: true },
      { username: 'tom', password: PASSWORD.tom, mfa: 'totp' },
      {
        username: 'sam',
        password: PASSWORD.sam,
        attributes: { phone_number: '+15550100', phone_number_verified: 'true' },
        mfa: 'sms',
      },
      { username: 'carol', password: PASSWORD.carol },
      {
        username: 'rita',
        password: PASSWORD.rita,
        attributes: { email: 'rita@example.com', email_verified: 'true' },
      },
    ],
  })
})

afterAll(async () => {
  if (local === undefined) return
  await local.close()
  await expect(fetch(`${local.endpoint}/health`), 'cognito-local still listens').rejects.toThrow()
})

const where = () => ({
  region: 'us-east-1',
  userPoolId: pool.userPoolId,
  clientId: pool.clientId,
  endpoint: local.endpoint,
  mode: 'auto' as const,
})

const signIn = (username: string, overrides: Partial<CognitoFlowInput> = {}) =>
  core.runs.start({
    flow: 'cognito',
    ...where(),
    username,
    password: PASSWORD[username as User],
    authFlow: 'USER_PASSWORD_AUTH',
    ...overrides,
  })

type AccountOptions = Omit<
  CognitoAccountInput,
  'flow' | 'region' | 'userPoolId' | 'clientId' | 'mode' | 'confirm'
>

const account = (options: AccountOptions) =>
  core.runs.start({ flow: 'cognito-account', ...where(), confirm: true, ...options })

const steps = (run: Run) => run.steps.map((step) => `${step.kind}: ${step.title}`)

const INITIATE = 'http: InitiateAuth (USER_PASSWORD_AUTH): the password itself goes to Cognito'
const TOKEN_CHECKS = [
  "http: Fetch the pool's keys to verify the ID token",
  'check: Verify the ID token: signature and every claim',
  "http: Fetch the pool's keys to verify the access token",
  'check: Verify the access token: signature and every claim',
]

/** Succeeded, and both JWTs passed every check, with cognito-local's issuer as the expected one. */
function expectTokensVerified(run: Run, names = ['id_token', 'access_token', 'refresh_token']) {
  expect(run.status).toBe('succeeded')
  expect(run.tokens.map((token) => token.name)).toEqual(names)
  const checks = run.steps.filter((step) => step.title.startsWith('Verify the'))
  expect(checks).toHaveLength(2)
  for (const check of checks) {
    expect(check.status).toBe('done')
    expect(check.outputs).toMatchObject({ signature: 'valid', failed: 0 })
    expect(check.diagnostics).toContainEqual(
      expect.objectContaining({
        code: 'TOKEN_ISS_OK',
        expected: `${local.endpoint}/${pool.userPoolId}`,
        actual: `${local.endpoint}/${pool.userPoolId}`,
      }),
    )
  }
}

const claimsOf = (jwt: string) =>
  JSON.parse(Buffer.from(jwt.split('.')[1]!, 'base64url').toString()) as Record<string, unknown>

describe('Cognito sign-in against cognito-local', () => {
  it('signs alice in with USER_PASSWORD_AUTH; both tokens verify against its keys', async () => {
    const run = await signIn('alice').done

    expect(steps(run)).toEqual([INITIATE, ...TOKEN_CHECKS])
    expectTokensVerified(run)
    expect(run.steps[0]!.exchange?.request.body).toMatch(/"PASSWORD":"«secret:s\d+:password»"/)
    expect(JSON.stringify(run)).not.toContain(PASSWORD.alice)
  })

  it("trades alice's refresh token for new verified tokens (REFRESH_TOKEN_AUTH)", async () => {
    const signedIn = await signIn('alice').done
    const run = await core.runs.start({
      flow: 'cognito',
      ...where(),
      authFlow: 'REFRESH_TOKEN_AUTH',
      refreshToken: revealToken(core, signedIn, 'refresh_token'),
    }).done

    expect(steps(run)).toEqual([
      'http: InitiateAuth (REFRESH_TOKEN_AUTH): the refresh token, for new tokens',
      ...TOKEN_CHECKS,
      'check: Compare the refresh token returned with the one sent',
    ])
    expectTokensVerified(run, ['id_token', 'access_token'])
    expect(claimsOf(revealToken(core, run, 'id_token')).sub).toBe(
      claimsOf(revealToken(core, signedIn, 'id_token')).sub,
    )
    expect(run.steps.at(-1)!.diagnostics[0]).toMatchObject({
      code: 'OAUTH_REFRESH_TOKEN_KEPT',
      message: 'No refresh token came back: keep using the one you sent.',
    })
  })

  it('asks nina for a new password (NEW_PASSWORD_REQUIRED); she then signs in with it', async () => {
    const newPassword = 'Local-nina-new-2!'
    const { run, done } = signIn('nina')
    await answerQuestion(core, run.id, { title: /new password/ }, () => ({ newPassword }))
    const finished = await done

    expect(steps(finished)).toEqual([
      INITIATE,
      'input: Choose a new password',
      'http: RespondToAuthChallenge (NEW_PASSWORD_REQUIRED): the new password',
      ...TOKEN_CHECKS,
    ])
    expectTokensVerified(finished)
    expect(JSON.stringify(finished)).not.toContain(newPassword)
    expect((await signIn('nina', { password: newPassword }).done).status).toBe('succeeded')
  })

  it("computes tom's SOFTWARE_TOKEN_MFA code from his TOTP secret, asking nobody", async () => {
    const run = await signIn('tom', { totpSecret: pool.totpSecrets.tom }).done

    expect(steps(run)).toEqual([
      INITIATE,
      'compute: Compute the TOTP code from the secret',
      'http: RespondToAuthChallenge (SOFTWARE_TOKEN_MFA): the code',
      ...TOKEN_CHECKS,
    ])
    expectTokensVerified(run)
  })

  it('asks sam for the SMS_MFA code, saying where it was sent, and signs him in with it', async () => {
    const { run, done } = signIn('sam')
    await answerQuestion(
      core,
      run.id,
      { title: /SMS_MFA code/, label: /^The code sent by SMS to \+15550100$/ },
      () => ({ code: local.code }),
    )
    const finished = await done

    expect(steps(finished)).toEqual([
      INITIATE,
      'input: Enter the SMS_MFA code',
      'http: RespondToAuthChallenge (SMS_MFA): the code',
      ...TOKEN_CHECKS,
    ])
    expectTokensVerified(finished)
  })

  it('a wrong password: the run stops at InitiateAuth with the refusal in words', async () => {
    const run = await signIn('alice', { password: 'Not-alices-password-9' }).done

    expect(run.status).toBe('failed')
    expect(steps(run)).toEqual([INITIATE])
    expect(run.steps[0]!.status).toBe('failed')
    // cognito-local refuses a wrong password with InvalidPasswordException "Invalid password", not
    // Cognito's NotAuthorizedException "Incorrect username or password.", so our words for that
    // (and their PreventUserExistenceErrors hint) cannot be reached here: the sandbox tests them.
    expect(run.diagnostics[0]).toMatchObject({
      code: 'COGNITO_INVALID_PASSWORD',
      severity: 'error',
      message: 'Cognito refused with InvalidPasswordException: "Invalid password" (HTTP 400).',
    })
    expect(JSON.stringify(run)).not.toContain('Not-alices-password-9')
  })
})

describe('the account helpers against cognito-local', () => {
  it('signs up and confirms with the code emailed; the new user then signs in', async () => {
    const password = 'Local-newbie-1'
    const { run, done } = account({
      action: 'sign-up',
      username: 'newbie',
      password,
      attributes: { email: 'newbie@example.com' },
    })
    await answerQuestion(
      core,
      run.id,
      { title: /confirmation code/, label: /^The code sent by EMAIL to newbie@example\.com$/ },
      () => ({ code: local.code }),
    )
    const finished = await done

    expect(finished.status).toBe('succeeded')
    expect(steps(finished)).toEqual([
      'http: SignUp: the new user, its password and attributes',
      'check: Read where Cognito sent the code (CodeDeliveryDetails)',
      'input: Enter the confirmation code',
      'http: ConfirmSignUp: the code confirms the user',
      'check: Read what the answer means for the account',
    ])
    expect(finished.steps.at(-1)!.diagnostics[0]).toMatchObject({
      code: 'COGNITO_USER_CONFIRMED',
      severity: 'info',
    })
    expect(JSON.stringify(finished)).not.toContain(password)
    expectTokensVerified(await signIn('newbie', { password }).done)
  })

  it('resets rita’s password with the code emailed; the old password then fails', async () => {
    const newPassword = 'Local-rita-2'
    const { run, done } = account({ action: 'forgot-password', username: 'rita' })
    await answerQuestion(
      core,
      run.id,
      { title: /reset code and the new password/, label: /^The code sent by EMAIL to rita@/ },
      () => ({ code: local.code, newPassword }),
    )
    const finished = await done

    expect(finished.status).toBe('succeeded')
    expect(steps(finished)).toEqual([
      'http: ForgotPassword: a code to reset the password',
      'check: Read where Cognito sent the code (CodeDeliveryDetails)',
      'input: Enter the reset code and the new password',
      'http: ConfirmForgotPassword: the code and the new password',
      'check: Read what the answer means for the account',
    ])
    expect(finished.steps[1]!.diagnostics[0]).toMatchObject({
      code: 'COGNITO_CODE_SENT',
      message: "Cognito sent a code by EMAIL to rita@example.com (the user's email).",
    })
    expect(finished.steps.at(-1)!.diagnostics[0]).toMatchObject({
      code: 'COGNITO_PASSWORD_RESET',
      message: 'The password of rita is reset: sign in with the new one.',
    })
    expect((await signIn('rita', { password: newPassword }).done).status).toBe('succeeded')
    expect((await signIn('rita').done).status).toBe('failed')
  })

  it("changes carol's password with the access token of a sign-in; the old one then fails", async () => {
    const newPassword = 'Local-carol-2'
    const signedIn = await signIn('carol').done
    const accessToken = revealToken(core, signedIn, 'access_token')
    const run = await account({
      action: 'change-password',
      accessToken,
      password: PASSWORD.carol,
      newPassword,
    }).done

    expect(run.status).toBe('succeeded')
    expect(steps(run)).toEqual([
      'http: ChangePassword: the current and the new password, with the access token',
      'check: Read what the answer means for the account',
    ])
    expect(run.steps.at(-1)!.diagnostics[0]).toMatchObject({
      code: 'COGNITO_PASSWORD_CHANGED',
      message: 'The password is changed: the next sign-in takes the new one.',
    })
    expect(JSON.stringify(run)).not.toContain(accessToken)
    expect((await signIn('carol', { password: newPassword }).done).status).toBe('succeeded')
    expect((await signIn('carol').done).status).toBe('failed')
  })
})
