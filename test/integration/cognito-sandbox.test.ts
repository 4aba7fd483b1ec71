// The sandbox user pool against two independent clients: AWS's own amazon-cognito-identity-js
// (SRP and every challenge callback) and the AWS SDK v3 (each operation, each error), plus token
// verification against the published JWKS and a load and memory check.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  AuthenticationDetails,
  CognitoUser,
  CognitoUserPool,
  type CognitoUserSession,
  type IAuthenticationCallback,
} from 'amazon-cognito-identity-js'
import {
  AssociateSoftwareTokenCommand,
  CognitoIdentityProviderClient,
  GetUserCommand,
  GlobalSignOutCommand,
  InitiateAuthCommand,
  RespondToAuthChallengeCommand,
  RevokeTokenCommand,
  SetUserMFAPreferenceCommand,
  SignUpCommand,
  VerifySoftwareTokenCommand,
  type AuthenticationResultType,
  type InitiateAuthCommandOutput,
} from '@aws-sdk/client-cognito-identity-provider'
import { Secret, TOTP } from 'otpauth'
import { createRemoteJWKSet, decodeJwt, jwtVerify } from 'jose'
import {
  startCognitoSandbox,
  type CognitoSandbox,
  type OutboxMessage,
} from '../../electron/core/sandbox/cognito/cognito-pool-server'
import { computeSecretHash } from '../../electron/core/cognito/secret-hash'
import {
  computePasswordVerifierResponse,
  createSrpClientSession,
} from '../../electron/core/cognito/srp'
import {
  PUBLIC_ALL as ALL,
  CONFIDENTIAL as SECRET,
  PUBLIC_WEB as WEB,
  sandboxSdk,
  signUpAndConfirm as signUpAndConfirmIn,
} from '../helpers/cognito-sandbox'

const PAT = '5f0c1d2e-3a4b-4c5d-8e9f-0a1b2c3d4e5f'

let sandbox: CognitoSandbox
let sdk: CognitoIdentityProviderClient
const delivered: OutboxMessage[] = []

beforeAll(async () => {
  sandbox = await startCognitoSandbox({ port: 0, onMessage: (m) => delivered.push(m) })
  sdk = sandboxSdk(sandbox)
})

afterAll(async () => {
  sdk.destroy()
  await sandbox.close()
  await expect(fetch(sandbox.endpoint)).rejects.toThrow() // nothing left listening
})

// --- Helpers ---

const user = (name: string) => {
  const found = sandbox.description.users.find((u) => u.username === name)
  if (found === undefined) throw new Error(`no demo user ${name}`)
  return found
}
const secretOf = (clientId: string) =>
  sandbox.description.clients.find((c) => c.clientId === clientId)?.clientSecret ?? ''
const secretHash = (username: string) => computeSecretHash(username, SECRET, secretOf(SECRET))
const totpCode = (secret: string) =>
  new TOTP({ secret: Secret.fromBase32(secret), digits: 6, period: 30 }).generate()
const lastCode = (username: string, purpose: string) =>
  [...sandbox.outbox].reverse().find((m) => m.username === username && m.purpose === purpose)
    ?.code ?? ''

/** Signs in with amazon-cognito-identity-js, answering every challenge it raises. */
function signInWithAcij(
  signInName: string,
  password: string,
  options: { clientId?: string; newPassword?: string; flow?: 'USER_SRP_AUTH' | 'CUSTOM_AUTH' } = {},
): Promise<CognitoUserSession> {
  const pool = new CognitoUserPool({
    UserPoolId: sandbox.description.userPoolId,
    ClientId: options.clientId ?? WEB,
    endpoint: `${sandbox.endpoint}/`,
  })
  const cognitoUser = new CognitoUser({ Username: signInName, Pool: pool })
  if (options.flow !== undefined) cognitoUser.setAuthenticationFlowType(options.flow)
  return new Promise((resolve, reject) => {
    // associateSecretCode is a callback acij calls but its typings leave out.
    const callbacks: IAuthenticationCallback & { associateSecretCode(secret: string): void } = {
      onSuccess: resolve,
      onFailure: reject,
      totpRequired: () =>
        cognitoUser.sendMFACode(
          totpCode(user(cognitoUser.getUsername()).totpSecret ?? ''),
          callbacks,
          'SOFTWARE_TOKEN_MFA',
        ),
      mfaRequired: () =>
        cognitoUser.sendMFACode(lastCode(cognitoUser.getUsername(), 'SMS_MFA'), callbacks),
      selectMFAType: () => cognitoUser.sendMFASelectionAnswer('SOFTWARE_TOKEN_MFA', callbacks),
      newPasswordRequired: () =>
        cognitoUser.completeNewPasswordChallenge(options.newPassword ?? '', {}, callbacks),
      mfaSetup: () => cognitoUser.associateSoftwareToken(callbacks),
      associateSecretCode: (secret: string) =>
        cognitoUser.verifySoftwareToken(totpCode(secret), 'afx test device', callbacks),
      customChallenge: () => cognitoUser.sendCustomChallengeAnswer('42', callbacks),
    }
    cognitoUser.authenticateUser(
      new AuthenticationDetails({ Username: signInName, Password: password }),
      callbacks,
    )
  })
}

/** Signs in by SRP with our own SRP client over the AWS SDK; returns the next response. */
async function signInWithOurSrp(
  signInName: string,
  password: string,
  options: { clientId?: string; hashName?: (userIdForSrp: string) => string; skewMs?: number } = {},
): Promise<InitiateAuthCommandOutput> {
  const clientId = options.clientId ?? WEB
  const withHash = (name: string): Record<string, string> =>
    clientId === SECRET ? { SECRET_HASH: secretHash(options.hashName?.(name) ?? name) } : {}
  const srp = createSrpClientSession({ poolId: sandbox.description.userPoolId })
  const started = await sdk.send(
    new InitiateAuthCommand({
      AuthFlow: 'USER_SRP_AUTH',
      ClientId: clientId,
      AuthParameters: { USERNAME: signInName, SRP_A: srp.A, ...withHash(signInName) },
    }),
  )
  const parameters = started.ChallengeParameters ?? {}
  const userIdForSrp = parameters.USER_ID_FOR_SRP ?? ''
  const answer = computePasswordVerifierResponse({
    session: srp,
    userIdForSrp,
    password,
    srpB: parameters.SRP_B ?? '',
    salt: parameters.SALT ?? '',
    secretBlock: parameters.SECRET_BLOCK ?? '',
    now: () => new Date(Date.now() + (options.skewMs ?? 0)),
  })
  return sdk.send(
    new RespondToAuthChallengeCommand({
      ChallengeName: 'PASSWORD_VERIFIER',
      ClientId: clientId,
      Session: started.Session,
      ChallengeResponses: { ...answer.challengeResponses, ...withHash(userIdForSrp) },
    }),
  )
}

async function passwordSignIn(username: string, password: string, clientId = ALL) {
  const response = await sdk.send(
    new InitiateAuthCommand({
      AuthFlow: 'USER_PASSWORD_AUTH',
      ClientId: clientId,
      AuthParameters: { USERNAME: username, PASSWORD: password },
    }),
  )
  return response
}

function tokens(response: { AuthenticationResult?: AuthenticationResultType }) {
  const result = response.AuthenticationResult
  if (result?.AccessToken === undefined || result.IdToken === undefined) {
    throw new Error('no tokens in the response')
  }
  return { access: result.AccessToken, id: result.IdToken, refresh: result.RefreshToken ?? '' }
}

const signUpAndConfirm = (username: string, password: string) =>
  signUpAndConfirmIn(sdk, sandbox, username, password)

// --- amazon-cognito-identity-js, SRP ---

describe('amazon-cognito-identity-js signs in by SRP', () => {
  it.each([
    { name: 'alice', as: 'alice', challenge: 'none' },
    { name: 'tom', as: 'tom', challenge: 'SOFTWARE_TOKEN_MFA' },
    { name: 'sam', as: 'sam', challenge: 'SMS_MFA (code from the outbox)' },
    { name: 'max', as: 'max', challenge: 'SELECT_MFA_TYPE then SOFTWARE_TOKEN_MFA' },
    { name: 'mia', as: 'mia', challenge: 'MFA_SETUP (associate + verify TOTP)' },
    { name: PAT, as: 'pat', challenge: 'none, alias preferred_username' },
    { name: PAT, as: 'pat@example.com', challenge: 'none, alias email' },
  ])('$as ($challenge)', async ({ name, as }) => {
    const session = await signInWithAcij(as, user(name).password)
    expect(session.isValid()).toBe(true)
    expect(session.getIdToken().payload['cognito:username']).toBe(name)
    expect(session.getAccessToken().payload.client_id).toBe(WEB)
  })

  it('nina (NEW_PASSWORD_REQUIRED): sets a new password, then signs in with it', async () => {
    const newPassword = 'Sandbox-nina-new-2'
    await signInWithAcij('nina', user('nina').password, { newPassword })
    const again = await signInWithAcij('nina', newPassword)
    expect(again.getIdToken().payload['cognito:username']).toBe('nina')
  })

  it('a custom challenge after the SRP proof (CUSTOM_AUTH with SRP_A)', async () => {
    const session = await signInWithAcij('alice', user('alice').password, { flow: 'CUSTOM_AUTH' })
    expect(session.isValid()).toBe(true)
  })

  it.each([
    { label: 'a wrong password', name: 'alice', password: 'Sandbox-wrong-1' },
    { label: 'an unknown user', name: 'nobody', password: 'Sandbox-wrong-1' },
  ])('refuses $label with "Incorrect username or password."', async ({ name, password }) => {
    await expect(signInWithAcij(name, password)).rejects.toMatchObject({
      code: 'NotAuthorizedException',
      message: 'Incorrect username or password.',
    })
  })

  it('refuses an unconfirmed user with UserNotConfirmedException', async () => {
    await expect(signInWithAcij('uma', user('uma').password)).rejects.toMatchObject({
      code: 'UserNotConfirmedException',
      message: 'User is not confirmed.',
    })
  })
})

// --- AWS SDK v3 ---

describe('AWS SDK v3', () => {
  it('USER_PASSWORD_AUTH, then REFRESH_TOKEN_AUTH keeps auth_time and origin_jti', async () => {
    const first = tokens(await passwordSignIn('alice', user('alice').password))
    const refreshed = await sdk.send(
      new InitiateAuthCommand({
        AuthFlow: 'REFRESH_TOKEN_AUTH',
        ClientId: ALL,
        AuthParameters: { REFRESH_TOKEN: first.refresh },
      }),
    )
    const second = tokens(refreshed)
    expect(refreshed.AuthenticationResult?.RefreshToken).toBeUndefined()
    const [before, after] = [decodeJwt(first.access), decodeJwt(second.access)]
    expect(after.auth_time).toBe(before.auth_time)
    expect(after.origin_jti).toBe(before.origin_jti)
    expect(after.jti).not.toBe(before.jti)
  })

  it('refuses a flow the client does not enable', async () => {
    await expect(passwordSignIn('alice', user('alice').password, WEB)).rejects.toMatchObject({
      name: 'InvalidParameterException',
      message: 'USER_PASSWORD_AUTH flow not enabled for this client',
    })
  })

  it('CUSTOM_AUTH: the scripted question, answered 42; a wrong answer is refused', async () => {
    const start = () =>
      sdk.send(
        new InitiateAuthCommand({
          AuthFlow: 'CUSTOM_AUTH',
          ClientId: WEB,
          AuthParameters: { USERNAME: 'alice' },
        }),
      )
    const answer = (session: InitiateAuthCommandOutput, ANSWER: string) =>
      sdk.send(
        new RespondToAuthChallengeCommand({
          ChallengeName: 'CUSTOM_CHALLENGE',
          ClientId: WEB,
          Session: session.Session,
          ChallengeResponses: { USERNAME: 'alice', ANSWER },
        }),
      )
    const challenge = await start()
    expect(challenge.ChallengeName).toBe('CUSTOM_CHALLENGE')
    expect(challenge.ChallengeParameters?.question).toBe('What is 6 × 7?')
    tokens(await answer(challenge, '42'))
    await expect(answer(await start(), '41')).rejects.toMatchObject({
      name: 'NotAuthorizedException',
      message: 'Incorrect username or password.',
    })
  })

  it('EMAIL_OTP after our SRP client (the code from the outbox)', async () => {
    const challenge = await signInWithOurSrp('erin', user('erin').password)
    expect(challenge.ChallengeName).toBe('EMAIL_OTP')
    expect(challenge.ChallengeParameters?.CODE_DELIVERY_DESTINATION).toBe('e***@e***')
    const done = await sdk.send(
      new RespondToAuthChallengeCommand({
        ChallengeName: 'EMAIL_OTP',
        ClientId: WEB,
        Session: challenge.Session,
        ChallengeResponses: { USERNAME: 'erin', EMAIL_OTP_CODE: lastCode('erin', 'EMAIL_OTP') },
      }),
    )
    tokens(done)
    expect(delivered.some((m) => m.channel === 'email' && m.to === 'erin@example.com')).toBe(true)
  })

  it('a wrong MFA code: CodeMismatchException, and the session is then spent', async () => {
    const challenge = await passwordSignIn('sam', user('sam').password)
    const answer = (code: string) =>
      sdk.send(
        new RespondToAuthChallengeCommand({
          ChallengeName: 'SMS_MFA',
          ClientId: ALL,
          Session: challenge.Session,
          ChallengeResponses: { USERNAME: 'sam', SMS_MFA_CODE: code },
        }),
      )
    await expect(answer('000000x')).rejects.toMatchObject({
      name: 'CodeMismatchException',
      message: 'Invalid code received for user',
    })
    await expect(answer(lastCode('sam', 'SMS_MFA'))).rejects.toMatchObject({
      name: 'NotAuthorizedException',
      message: 'Invalid session for the user, session can only be used once.',
    })
  })

  it('SignUp and ConfirmSignUp with the emailed code; a weak password is refused', async () => {
    await expect(
      sdk.send(
        new SignUpCommand({
          ClientId: ALL,
          Username: 'weakling',
          Password: 'password',
          UserAttributes: [{ Name: 'email', Value: 'weakling@example.com' }],
        }),
      ),
    ).rejects.toMatchObject({
      name: 'InvalidPasswordException',
      message: 'Password did not conform with policy: Password must have uppercase characters',
    })
    await signUpAndConfirm('newcomer', 'Sandbox-newcomer-1')
    tokens(await passwordSignIn('newcomer@example.com', 'Sandbox-newcomer-1'))
  })

  it('TOTP enrolment: Associate, Verify, SetUserMFAPreference, then SOFTWARE_TOKEN_MFA', async () => {
    await signUpAndConfirm('enrollee', 'Sandbox-enrollee-1')
    const { access } = tokens(await passwordSignIn('enrollee', 'Sandbox-enrollee-1'))
    const { SecretCode } = await sdk.send(
      new AssociateSoftwareTokenCommand({ AccessToken: access }),
    )
    const secret = SecretCode ?? ''
    await expect(
      sdk.send(new VerifySoftwareTokenCommand({ AccessToken: access, UserCode: '000000' })),
    ).rejects.toMatchObject({ name: 'EnableSoftwareTokenMFAException' })
    const verified = await sdk.send(
      new VerifySoftwareTokenCommand({ AccessToken: access, UserCode: totpCode(secret) }),
    )
    expect(verified.Status).toBe('SUCCESS')
    await sdk.send(
      new SetUserMFAPreferenceCommand({
        AccessToken: access,
        SoftwareTokenMfaSettings: { Enabled: true, PreferredMfa: true },
      }),
    )
    const challenge = await passwordSignIn('enrollee', 'Sandbox-enrollee-1')
    expect(challenge.ChallengeName).toBe('SOFTWARE_TOKEN_MFA')
    const done = await sdk.send(
      new RespondToAuthChallengeCommand({
        ChallengeName: 'SOFTWARE_TOKEN_MFA',
        ClientId: ALL,
        Session: challenge.Session,
        ChallengeResponses: { USERNAME: 'enrollee', SOFTWARE_TOKEN_MFA_CODE: totpCode(secret) },
      }),
    )
    tokens(done)
  })

  it('GetUser, then GlobalSignOut revokes the refresh and the access token', async () => {
    const { access, refresh } = tokens(await passwordSignIn(PAT, user(PAT).password))
    const me = await sdk.send(new GetUserCommand({ AccessToken: access }))
    expect(me.Username).toBe(PAT)
    expect(me.UserAttributes).toContainEqual({ Name: 'preferred_username', Value: 'pat' })
    await sdk.send(new GlobalSignOutCommand({ AccessToken: access }))
    await expect(
      sdk.send(
        new InitiateAuthCommand({
          AuthFlow: 'REFRESH_TOKEN_AUTH',
          ClientId: ALL,
          AuthParameters: { REFRESH_TOKEN: refresh },
        }),
      ),
    ).rejects.toMatchObject({
      name: 'NotAuthorizedException',
      message: 'Refresh Token has been revoked',
    })
    await expect(sdk.send(new GetUserCommand({ AccessToken: access }))).rejects.toMatchObject({
      name: 'NotAuthorizedException',
      message: 'Access Token has been revoked',
    })
  })

  it('RevokeToken revokes one refresh token; an access token is not revocable', async () => {
    const { access, refresh } = tokens(await passwordSignIn('alice', user('alice').password))
    await expect(
      sdk.send(new RevokeTokenCommand({ ClientId: ALL, Token: access })),
    ).rejects.toMatchObject({ name: 'UnsupportedTokenTypeException' })
    await sdk.send(new RevokeTokenCommand({ ClientId: ALL, Token: refresh }))
    await expect(
      sdk.send(
        new InitiateAuthCommand({
          AuthFlow: 'REFRESH_TOKEN',
          ClientId: ALL,
          AuthParameters: { REFRESH_TOKEN: refresh },
        }),
      ),
    ).rejects.toMatchObject({ message: 'Refresh Token has been revoked' })
  })

  it('an unknown client: ResourceNotFoundException', async () => {
    await expect(passwordSignIn('alice', 'x', 'nosuchclient')).rejects.toMatchObject({
      name: 'ResourceNotFoundException',
      message: 'User pool client nosuchclient does not exist.',
    })
  })
})

// --- SECRET_HASH ---

describe('a client with a secret', () => {
  const start = (AuthParameters: Record<string, string>) =>
    sdk.send(
      new InitiateAuthCommand({ AuthFlow: 'USER_PASSWORD_AUTH', ClientId: SECRET, AuthParameters }),
    )
  const credentials = { USERNAME: 'alice', PASSWORD: 'Sandbox-alice-1' }

  it.each<{ label: string; extra: Record<string, string>; message: string }>([
    {
      label: 'missing',
      extra: {},
      message: `Client ${SECRET} is configured for secret but secret was not received`,
    },
    {
      label: 'wrong',
      extra: { SECRET_HASH: 'bm9wZQ==' },
      message: `Unable to verify secret hash for client ${SECRET}`,
    },
  ])('refuses a $label SECRET_HASH', async ({ extra, message }) => {
    await expect(start({ ...credentials, ...extra })).rejects.toMatchObject({
      name: 'NotAuthorizedException',
      message,
    })
  })

  it('refresh wants the hash of the internal user name, not the alias typed', async () => {
    const signedIn = await start({
      USERNAME: 'pat',
      PASSWORD: user(PAT).password,
      SECRET_HASH: secretHash('pat'),
    })
    const refresh = (name: string) =>
      sdk.send(
        new InitiateAuthCommand({
          AuthFlow: 'REFRESH_TOKEN_AUTH',
          ClientId: SECRET,
          AuthParameters: {
            REFRESH_TOKEN: tokens(signedIn).refresh,
            SECRET_HASH: secretHash(name),
          },
        }),
      )
    await expect(refresh('pat')).rejects.toMatchObject({
      message: `Unable to verify secret hash for client ${SECRET}`,
    })
    tokens(await refresh(PAT))
  })

  it('SRP by alias: PASSWORD_VERIFIER hashes USER_ID_FOR_SRP, the alias is refused', async () => {
    const ok = await signInWithOurSrp('pat@example.com', user(PAT).password, { clientId: SECRET })
    expect(decodeJwt(tokens(ok).id)['cognito:username']).toBe(PAT)
    await expect(
      signInWithOurSrp('pat@example.com', user(PAT).password, {
        clientId: SECRET,
        hashName: () => 'pat@example.com',
      }),
    ).rejects.toMatchObject({ message: `Unable to verify secret hash for client ${SECRET}` })
  })
})

// --- Wire and time ---

describe('the wire and the clock', () => {
  it('answers errors as AWS JSON 1.1: 400, x-amzn-ErrorType, {__type, message}', async () => {
    const response = await fetch(`${sandbox.endpoint}/`, {
      method: 'POST',
      headers: {
        'Content-Type': 'application/x-amz-json-1.1',
        'X-Amz-Target': 'AWSCognitoIdentityProviderService.AdminDeleteUser',
      },
      body: '{}',
    })
    expect(response.status).toBe(400)
    expect(response.headers.get('x-amzn-errortype')).toBe('UnknownOperationException')
    expect(await response.json()).toMatchObject({ __type: 'UnknownOperationException' })
  })

  it.each([
    { label: 'oversized', srpA: 'f'.repeat(5000), message: /length less than or equal to 1024/ },
    { label: 'zero', srpA: '0', message: /^SRP_A is not valid\.$/ },
    { label: 'not hex', srpA: 'xyz', message: /^SRP_A is not valid\.$/ },
  ])('refuses an SRP_A that is $label before any maths', async ({ srpA, message }) => {
    await expect(
      sdk.send(
        new InitiateAuthCommand({
          AuthFlow: 'USER_SRP_AUTH',
          ClientId: WEB,
          AuthParameters: { USERNAME: 'alice', SRP_A: srpA },
        }),
      ),
    ).rejects.toMatchObject({ name: 'InvalidParameterException', message })
  })

  it('refuses a session replayed on another client', async () => {
    const challenge = await passwordSignIn('sam', user('sam').password)
    await expect(
      sdk.send(
        new RespondToAuthChallengeCommand({
          ChallengeName: 'SMS_MFA',
          ClientId: WEB,
          Session: challenge.Session,
          ChallengeResponses: { USERNAME: 'sam', SMS_MFA_CODE: lastCode('sam', 'SMS_MFA') },
        }),
      ),
    ).rejects.toMatchObject({ message: 'Invalid session for the user.' })
  })

  it('refuses a PASSWORD_VERIFIER TIMESTAMP ten minutes off', async () => {
    await expect(
      signInWithOurSrp('alice', user('alice').password, { skewMs: -10 * 60_000 }),
    ).rejects.toMatchObject({ message: 'Incorrect username or password.' })
  })

  it('expires sessions after 3 minutes and access tokens after an hour', async () => {
    let clock = Date.now()
    const timed = await startCognitoSandbox({ port: 0, now: () => clock })
    const client = sandboxSdk(timed)
    try {
      const sms = await client.send(
        new InitiateAuthCommand({
          AuthFlow: 'USER_PASSWORD_AUTH',
          ClientId: ALL,
          AuthParameters: { USERNAME: 'sam', PASSWORD: user('sam').password },
        }),
      )
      const { access } = tokens(
        await client.send(
          new InitiateAuthCommand({
            AuthFlow: 'USER_PASSWORD_AUTH',
            ClientId: ALL,
            AuthParameters: { USERNAME: 'alice', PASSWORD: user('alice').password },
          }),
        ),
      )
      clock += 3 * 60_000 + 1000
      await expect(
        client.send(
          new RespondToAuthChallengeCommand({
            ChallengeName: 'SMS_MFA',
            ClientId: ALL,
            Session: sms.Session,
            ChallengeResponses: { USERNAME: 'sam', SMS_MFA_CODE: timed.outbox.at(-1)?.code ?? '' },
          }),
        ),
      ).rejects.toMatchObject({ message: 'Invalid session for the user, session is expired.' })
      clock += 3600_000
      await expect(client.send(new GetUserCommand({ AccessToken: access }))).rejects.toMatchObject({
        message: 'Access Token has expired',
      })
    } finally {
      client.destroy()
      await timed.close()
    }
  })
})

// --- Tokens ---

describe('tokens', () => {
  it('verify against the published JWKS and issuer; Cognito shapes', async () => {
    const { access, id, refresh } = tokens(await passwordSignIn('alice', user('alice').password))
    const jwks = createRemoteJWKSet(new URL(`${sandbox.description.issuer}/.well-known/jwks.json`))
    const issuer = sandbox.description.issuer
    const { payload: idClaims, protectedHeader } = await jwtVerify(id, jwks, {
      issuer,
      audience: ALL,
    })
    const { payload: accessClaims } = await jwtVerify(access, jwks, { issuer })
    expect(protectedHeader).toMatchObject({ alg: 'RS256', kid: expect.any(String) })
    expect(idClaims).toMatchObject({
      token_use: 'id',
      'cognito:username': 'alice',
      'cognito:groups': ['readers'],
      email: 'alice@example.com',
      email_verified: true,
      origin_jti: expect.any(String),
      event_id: expect.any(String),
      jti: expect.any(String),
      auth_time: expect.any(Number),
    })
    expect(accessClaims).toMatchObject({
      token_use: 'access',
      client_id: ALL,
      scope: 'aws.cognito.signin.user.admin',
      username: 'alice',
      sub: idClaims.sub,
    })
    expect(accessClaims.aud).toBeUndefined()
    expect(refresh).toMatch(/^[A-Za-z0-9_-]{100,}$/) // opaque, not a JWT
    const discovery = await (await fetch(`${issuer}/.well-known/openid-configuration`)).json()
    expect(discovery).toMatchObject({ issuer, jwks_uri: `${issuer}/.well-known/jwks.json` })
  })
})

// --- Load ---

describe('load', () => {
  it('50 concurrent SRP sign-ins all succeed', async () => {
    const started = performance.now()
    const results = await Promise.all(
      Array.from({ length: 50 }, () => signInWithOurSrp('alice', user('alice').password)),
    )
    // eslint-disable-next-line no-console -- the figures belong in the test report
    console.log(`50 concurrent SRP sign-ins: ${Math.round(performance.now() - started)} ms`)
    expect(results.every((r) => r.AuthenticationResult?.AccessToken !== undefined)).toBe(true)
  })

  it('memory stays flat over 1,000 SRP sign-ins', { timeout: 60_000 }, async () => {
    const signInBatch = async (count: number) => {
      for (let i = 0; i < count; i += 10) {
        await Promise.all(
          Array.from({ length: 10 }, () => signInWithOurSrp('alice', user('alice').password)),
        )
      }
    }
    await signInBatch(100) // warm-up: JIT, sockets, caches
    global.gc?.()
    const before = process.memoryUsage().heapUsed
    const started = performance.now()
    await signInBatch(1000)
    global.gc?.()
    const after = process.memoryUsage().heapUsed
    const growthMb = (after - before) / 1024 / 1024
    // eslint-disable-next-line no-console -- the figures belong in the test report
    console.log(
      `1,000 SRP sign-ins: ${Math.round(performance.now() - started)} ms; heapUsed ` +
        `${(before / 1048576).toFixed(1)} MB -> ${(after / 1048576).toFixed(1)} MB ` +
        `(${growthMb >= 0 ? '+' : ''}${growthMb.toFixed(1)} MB, gc ${global.gc ? 'forced' : 'not exposed'})`,
    )
    expect(growthMb).toBeLessThan(30)
  })
})
