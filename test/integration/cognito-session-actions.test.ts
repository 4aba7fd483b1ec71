// What a signed-in user's tokens let a tester do, as account runs against the sandbox pool: read
// the user, enrol an authenticator (after which the next sign-in asks for its code), sign out
// everywhere (the same access token then refused, the refresh token dead) and revoke one refresh
// token. Each proved by what Cognito does next, not by the run's own words alone.
import { describe, expect, it } from 'vitest'
import type { CognitoAccountInput } from '../../shared/cognito-account-input'
import type { Run } from '../../shared/run-model'
import { CONFIDENTIAL, PUBLIC_ALL, useCognitoSandboxCore } from '../helpers/cognito-sandbox'
import { revealToken } from '../helpers/sign-in-run'

const { core, events, clientSecret, where: pool, answer } = useCognitoSandboxCore()

type SessionAction = Pick<CognitoAccountInput, 'action'> &
  Partial<Pick<CognitoAccountInput, 'accessToken' | 'refreshToken' | 'asAuthenticator'>> & {
    clientId?: string
    clientSecret?: string
  }

const account = (options: SessionAction) =>
  core.runs.start({
    flow: 'cognito-account',
    ...pool(),
    clientId: PUBLIC_ALL,
    mode: 'auto',
    confirm: true,
    ...options,
  })

const signIn = (username: string, clientId = PUBLIC_ALL) =>
  core.runs.start({
    flow: 'cognito',
    ...pool(),
    clientId,
    ...(clientId === CONFIDENTIAL ? { clientSecret: clientSecret() } : {}),
    username,
    password: `Sandbox-${username}-1`,
    authFlow: 'USER_SRP_AUTH',
    mode: 'auto',
  })

const refresh = (refreshToken: string, clientId = PUBLIC_ALL, username?: string) =>
  core.runs.start({
    flow: 'cognito',
    ...pool(),
    clientId,
    ...(clientId === CONFIDENTIAL ? { clientSecret: clientSecret(), username } : {}),
    refreshToken,
    authFlow: 'REFRESH_TOKEN_AUTH',
    mode: 'auto',
  }).done

const steps = (run: Run) => run.steps.map((step) => `${step.kind}: ${step.title}`)
const diagnosticsOf = (run: Run) => run.steps.flatMap((step) => step.diagnostics)

describe('get-user', () => {
  it("shows the access token's user, attributes and MFA settings", async () => {
    const alice = await signIn('alice').done
    const run = await account({
      action: 'get-user',
      accessToken: revealToken(core, alice, 'access_token'),
    }).done

    expect(run.status).toBe('succeeded')
    expect(run.title).toBe("Cognito account: read the user (the token's user)")
    const read = run.steps.at(-1)!
    expect(read.outputs).toMatchObject({
      Username: 'alice',
      attributes: { email: 'alice@example.com', email_verified: 'true' },
      UserMFASettingList: [],
      PreferredMfaSetting: 'none',
    })
  })
})

describe('mfa-setup', () => {
  it('enrols an authenticator with the access token; the next sign-in asks for its code', async () => {
    const before = await signIn('olga').done
    expect(before.status).toBe('succeeded')

    const run = await account({
      action: 'mfa-setup',
      accessToken: revealToken(core, before, 'access_token'),
      asAuthenticator: true,
    }).done

    expect(run.status).toBe('succeeded')
    expect(steps(run)).toEqual([
      'http: AssociateSoftwareToken: ask for a new TOTP secret',
      'compute: Make the authenticator enrolment (otpauth:// URI)',
      'compute: Compute the TOTP code from the secret',
      'http: VerifySoftwareToken: the first code proves the app has the secret',
      'http: SetUserMFAPreference: turn TOTP on and prefer it',
      'check: Read what the answer means for the account',
    ])
    const enrolment = run.steps[1]!.outputs.otpauthUri as string
    const uri = core.runs.revealSecret(run.id, /«secret:(s\d+):/.exec(enrolment)![1]!)
    expect(uri).toMatch(/^otpauth:\/\/totp\/.*olga.*secret=[A-Z2-7]+/)
    expect(diagnosticsOf(run).map((d) => d.code)).toContain('COGNITO_TOTP_ENROLLED')

    const after = signIn('olga')
    await answer(after.run.id, { title: /authenticator|TOTP|code/i }, () => ({ code: '000000' }))
    const refused = await after.done
    // The second sign-in was asked for the new authenticator's code: MFA is on.
    expect(
      refused.steps.some((step) => step.title.includes('SOFTWARE_TOKEN_MFA')),
      steps(refused).join('\n'),
    ).toBe(true)
  })

  it('waits for the code a person reads from the app when the run is not the authenticator', async () => {
    const alice = await signIn('alice').done
    const { run, done } = account({
      action: 'mfa-setup',
      accessToken: revealToken(core, alice, 'access_token'),
    })
    await answer(run.id, { title: /first code/, label: /app shows/ }, () => ({ code: '12' }))
    const refused = await done
    expect(refused.status).toBe('failed')
    expect(diagnosticsOf(refused).find((d) => d.severity === 'error')?.message).toMatch(
      /Cognito refused with (CodeMismatchException|EnableSoftwareTokenMFAException)/,
    )
  })
})

describe('sign-out', () => {
  it('signs out everywhere: the access token is refused and the refresh token is dead', async () => {
    const signedIn = await signIn('alice').done
    const accessToken = revealToken(core, signedIn, 'access_token')
    const refreshToken = revealToken(core, signedIn, 'refresh_token')

    const run = await account({ action: 'sign-out', accessToken }).done

    expect(run.status).toBe('succeeded')
    expect(steps(run)).toEqual([
      'http: GlobalSignOut: end every sign-in of the user',
      'http: GetUser with the same access token: it must be refused now',
      'check: Check that the signed-out token no longer works',
    ])
    const proof = run.steps[1]!
    expect(proof.status).toBe('done')
    expect(proof.exchange?.response?.status).toBe(400)
    expect(proof.exchange?.response?.body).toContain('Access Token has been revoked')
    expect(run.steps[2]!.diagnostics[0]).toMatchObject({ code: 'COGNITO_SIGNED_OUT' })
    expect(JSON.stringify(run) + events.join('\n')).not.toContain(accessToken)

    const refreshed = await refresh(refreshToken)
    expect(refreshed.status).toBe('failed')
    expect(JSON.stringify(diagnosticsOf(refreshed))).toContain('Refresh Token has been revoked')
  })

  it('fails with the words of a token Cognito never issued', async () => {
    const run = await account({ action: 'sign-out', accessToken: 'not-a-token' }).done
    expect(run.status).toBe('failed')
    expect(diagnosticsOf(run).find((d) => d.severity === 'error')?.message).toMatch(
      /NotAuthorizedException/,
    )
  })
})

describe('revoke-token', () => {
  it("revokes a confidential client's refresh token with its client secret", async () => {
    const signedIn = await signIn('alice', CONFIDENTIAL).done
    const refreshToken = revealToken(core, signedIn, 'refresh_token')

    const run = await account({
      action: 'revoke-token',
      clientId: CONFIDENTIAL,
      clientSecret: clientSecret(),
      refreshToken,
    }).done

    expect(run.status).toBe('succeeded')
    const sent = JSON.parse(run.steps[0]!.exchange!.request.body!)
    expect(sent).toEqual({
      Token: expect.stringMatching(/^«secret:s\d+:refresh_token»$/),
      ClientId: CONFIDENTIAL,
      ClientSecret: expect.stringMatching(/^«secret:s\d+:client_secret»$/),
    })
    const refreshed = await refresh(refreshToken, CONFIDENTIAL, 'alice')
    expect(refreshed.status).toBe('failed')
    expect(JSON.stringify(diagnosticsOf(refreshed))).toContain('Refresh Token has been revoked')
  })
})
