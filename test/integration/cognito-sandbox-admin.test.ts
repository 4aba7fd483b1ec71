// The sandbox pool's admin reads and refresh-token rotation, through the real AWS SDK v3 client:
// DescribeUserPool and DescribeUserPoolClient need a SigV4 signature and report what the pool
// really enforces (the app-client linter agrees with the pool about what it refuses), and
// GetTokensFromRefreshToken rotates refresh tokens with a grace period on the rotating client.
import {
  DescribeUserPoolClientCommand,
  DescribeUserPoolCommand,
  GetTokensFromRefreshTokenCommand,
  InitiateAuthCommand,
  RespondToAuthChallengeCommand,
  RevokeTokenCommand,
  SignUpCommand,
  type InitiateAuthCommandInput,
} from '@aws-sdk/client-cognito-identity-provider'
import { describe, expect, it } from 'vitest'
import { computeSecretHash } from '../../electron/core/cognito/secret-hash'
import { appClientSettingsOf } from '../../electron/core/cognito/describe-app-client'
import { lintCognitoClient } from '../../shared/cognito-client-lint'
import type { CognitoRunFlow } from '../../shared/cognito-flow-input'
import {
  CONFIDENTIAL,
  PUBLIC_ALL,
  PUBLIC_WEB,
  ROTATING,
  sandboxPassword,
  useCognitoSandboxSdk,
} from '../helpers/cognito-sandbox'
import { rawRequest } from '../helpers/raw-request'

let clock = Date.now()
const pool = useCognitoSandboxSdk({ now: () => clock })
const poolId = () => pool.sandbox.description.userPoolId

/** Sends an operation as curl would: no SDK, no signature. */
const unsigned = (operation: string, body: object) =>
  rawRequest(pool.sandbox.endpoint, {
    method: 'POST',
    headers: {
      'Content-Type': 'application/x-amz-json-1.1',
      'X-Amz-Target': `AWSCognitoIdentityProviderService.${operation}`,
    },
    body: JSON.stringify(body),
  })

const describeClient = async (clientId: string) => {
  const out = await pool.sdk.send(
    new DescribeUserPoolClientCommand({ UserPoolId: poolId(), ClientId: clientId }),
  )
  return appClientSettingsOf(out.UserPoolClient!)
}

/** InitiateAuth as the client must send it (SECRET_HASH for a client with a secret). */
const initiate = (clientId: string, flow: CognitoRunFlow, parameters: Record<string, string>) => {
  const secret = pool.sandbox.description.clients.find((c) => c.clientId === clientId)?.clientSecret
  const name = parameters.USERNAME ?? 'alice'
  const input: InitiateAuthCommandInput = {
    ClientId: clientId,
    AuthFlow: flow,
    AuthParameters: {
      ...parameters,
      ...(secret === undefined ? {} : { SECRET_HASH: computeSecretHash(name, clientId, secret) }),
    },
  }
  return pool.sdk.send(new InitiateAuthCommand(input))
}

/** Alice's tokens: by password, or by the scripted custom challenge where passwords are not allowed. */
const signIn = async (clientId: string) => {
  const flows = pool.sandbox.description.clients.find((c) => c.clientId === clientId)!
  if (flows.explicitAuthFlows.includes('ALLOW_USER_PASSWORD_AUTH')) {
    const out = await initiate(clientId, 'USER_PASSWORD_AUTH', {
      USERNAME: 'alice',
      PASSWORD: sandboxPassword('alice'),
    })
    return out.AuthenticationResult!
  }
  const challenge = await initiate(clientId, 'CUSTOM_AUTH', { USERNAME: 'alice' })
  const out = await pool.sdk.send(
    new RespondToAuthChallengeCommand({
      ChallengeName: 'CUSTOM_CHALLENGE',
      ClientId: clientId,
      Session: challenge.Session,
      ChallengeResponses: {
        USERNAME: 'alice',
        ANSWER: pool.sandbox.description.customChallenge.answer,
      },
    }),
  )
  return out.AuthenticationResult!
}

const refresh = (clientId: string, refreshToken: string, clientSecret?: string) =>
  pool.sdk.send(
    new GetTokensFromRefreshTokenCommand({
      ClientId: clientId,
      RefreshToken: refreshToken,
      ...(clientSecret === undefined ? {} : { ClientSecret: clientSecret }),
    }),
  )

const claimsOf = (jwt: string) =>
  JSON.parse(Buffer.from(jwt.split('.')[1]!, 'base64url').toString()) as Record<string, number>

/** The InitiateAuth flows a demo client can be asked for, with what each needs. */
const FLOWS: { flow: CognitoRunFlow; allow: string }[] = [
  { flow: 'USER_PASSWORD_AUTH', allow: 'ALLOW_USER_PASSWORD_AUTH' },
  { flow: 'USER_AUTH', allow: 'ALLOW_USER_AUTH' },
  { flow: 'CUSTOM_AUTH', allow: 'ALLOW_CUSTOM_AUTH' },
]

describe('the sandbox pool’s IAM-signed reads', () => {
  it.each(['DescribeUserPool', 'DescribeUserPoolClient'])(
    'refuses %s without a SigV4 signature, as Cognito does',
    async (operation) => {
      const answer = await unsigned(operation, { UserPoolId: poolId(), ClientId: PUBLIC_WEB })
      expect(answer.status).toBe(403)
      expect(answer.headers['x-amzn-errortype']).toBe('MissingAuthenticationTokenException')
      expect(JSON.parse(answer.body)).toEqual({
        __type: 'MissingAuthenticationTokenException',
        message: 'Missing Authentication Token',
      })
    },
  )

  it('still answers the public InitiateAuth unsigned', async () => {
    const answer = await unsigned('InitiateAuth', {
      ClientId: PUBLIC_ALL,
      AuthFlow: 'USER_PASSWORD_AUTH',
      AuthParameters: { USERNAME: 'alice', PASSWORD: sandboxPassword('alice') },
    })
    expect(answer.status).toBe(200)
    expect(JSON.parse(answer.body).AuthenticationResult.AccessToken).toMatch(/^ey/)
  })

  it('describes the password policy the pool enforces at sign-up', async () => {
    const { UserPool } = await pool.sdk.send(new DescribeUserPoolCommand({ UserPoolId: poolId() }))
    expect(UserPool).toMatchObject({
      Id: poolId(),
      MfaConfiguration: 'OPTIONAL',
      AliasAttributes: ['email', 'preferred_username'],
      UsernameConfiguration: { CaseSensitive: false },
    })
    const policy = UserPool!.Policies!.PasswordPolicy!
    expect(policy).toMatchObject({ RequireLowercase: true, RequireUppercase: true })
    const passwordOf = (length: number) => 'Aa1!'.padEnd(length, 'x')
    const signUp = (username: string, length: number) =>
      pool.sdk.send(
        new SignUpCommand({
          ClientId: PUBLIC_ALL,
          Username: username,
          Password: passwordOf(length),
          UserAttributes: [{ Name: 'email', Value: `${username}@example.com` }],
        }),
      )
    await expect(signUp('shortpw', policy.MinimumLength! - 1)).rejects.toMatchObject({
      name: 'InvalidPasswordException',
    })
    await expect(signUp('longenoughpw', policy.MinimumLength!)).resolves.toMatchObject({
      UserConfirmed: false,
    })
  })

  it('signs in by an alias the description names, in any letter case', async () => {
    const out = await initiate(PUBLIC_ALL, 'USER_PASSWORD_AUTH', {
      USERNAME: 'ALICE@example.com',
      PASSWORD: sandboxPassword('alice'),
    })
    expect(out.AuthenticationResult?.AccessToken).toBeDefined()
  })

  it('refuses a pool or client that does not exist', async () => {
    await expect(
      pool.sdk.send(new DescribeUserPoolCommand({ UserPoolId: 'us-east-1_Nowhere01' })),
    ).rejects.toMatchObject({
      name: 'ResourceNotFoundException',
      message: 'User pool us-east-1_Nowhere01 does not exist.',
    })
    await expect(describeClient('nosuchclient')).rejects.toMatchObject({
      name: 'ResourceNotFoundException',
    })
  })

  describe.each([PUBLIC_WEB, PUBLIC_ALL, CONFIDENTIAL, ROTATING])('demo client %s', (clientId) => {
    it('describes its flows and secret as the sandbox publishes them', async () => {
      const described = await describeClient(clientId)
      const published = pool.sandbox.description.clients.find((c) => c.clientId === clientId)!
      expect(described.ExplicitAuthFlows).toEqual(published.explicitAuthFlows)
      expect(described.HasClientSecret).toBe(published.clientSecret !== undefined)
      expect(described.RefreshTokenRotation?.Feature).toBe(
        published.refreshTokenRotation === undefined ? 'DISABLED' : 'ENABLED',
      )
    })

    it('refuses exactly the flows its ExplicitAuthFlows lack, as the linter predicts', async () => {
      const described = await describeClient(clientId)
      for (const { flow, allow } of FLOWS) {
        const predicted = lintCognitoClient(described, { authFlow: flow }).map((f) => f.code)
        const attempt = initiate(clientId, flow, {
          USERNAME: 'alice',
          PASSWORD: sandboxPassword('alice'),
        })
        if (described.ExplicitAuthFlows!.includes(allow)) {
          expect(predicted).not.toContain('COGNITO_CLIENT_FLOW_NOT_ENABLED')
          await expect(attempt).resolves.toBeDefined()
        } else {
          expect(predicted).toContain('COGNITO_CLIENT_FLOW_NOT_ENABLED')
          await expect(attempt).rejects.toMatchObject({
            name: 'InvalidParameterException',
            message: `${flow} flow not enabled for this client`,
          })
        }
      }
    })

    it('issues tokens that last as long as it says', async () => {
      const described = await describeClient(clientId)
      expect(described.TokenValidityUnits).toMatchObject({
        AccessToken: 'minutes',
        IdToken: 'minutes',
      })
      const tokens = await signIn(clientId)
      const access = claimsOf(tokens.AccessToken!)
      const id = claimsOf(tokens.IdToken!)
      expect(access.exp! - access.iat!).toBe(described.AccessTokenValidity! * 60)
      expect(id.exp! - id.iat!).toBe(described.IdTokenValidity! * 60)
      expect(tokens.ExpiresIn).toBe(described.AccessTokenValidity! * 60)
    })

    it('is well formed: the app-client linter finds nothing in its settings', async () => {
      expect(lintCognitoClient(await describeClient(clientId))).toEqual([])
    })
  })
})

describe('refresh token rotation (GetTokensFromRefreshToken)', () => {
  it('gives a new refresh token each time; a replaced one works for the grace period only', async () => {
    const described = await describeClient(ROTATING)
    const grace = described.RefreshTokenRotation!.RetryGracePeriodSeconds!
    expect(grace).toBe(10)
    const first = (await signIn(ROTATING)).RefreshToken!

    const once = (await refresh(ROTATING, first)).AuthenticationResult!
    expect(once.RefreshToken).toBeDefined()
    expect(once.RefreshToken).not.toBe(first)
    expect(once.AccessToken).toBeDefined()

    clock += (grace - 1) * 1000 // a retry with the replaced token, inside its grace period
    const retried = (await refresh(ROTATING, first)).AuthenticationResult!
    expect(retried.RefreshToken).not.toBe(once.RefreshToken)
    // The retry replaced the token the lost answer brought, so that one is on its grace now.
    expect((await refresh(ROTATING, once.RefreshToken!)).AuthenticationResult).toBeDefined()

    clock += 2000 // the first token's grace period is over
    await expect(refresh(ROTATING, first)).rejects.toMatchObject({
      name: 'RefreshTokenReuseException',
    })
    clock += grace * 1000
    await expect(refresh(ROTATING, once.RefreshToken!)).rejects.toMatchObject({
      name: 'RefreshTokenReuseException',
    })
  })

  it('keeps the sign-in: auth_time stays, and revoking the newest token ends them all', async () => {
    const signedIn = await signIn(ROTATING)
    clock += 60_000
    const next = (await refresh(ROTATING, signedIn.RefreshToken!)).AuthenticationResult!
    expect(claimsOf(next.IdToken!).auth_time).toBe(claimsOf(signedIn.IdToken!).auth_time)
    await pool.sdk.send(new RevokeTokenCommand({ ClientId: ROTATING, Token: next.RefreshToken! }))
    await expect(refresh(ROTATING, next.RefreshToken!)).rejects.toMatchObject({
      name: 'NotAuthorizedException',
      message: 'Refresh Token has been revoked',
    })
  })

  it('refuses InitiateAuth REFRESH_TOKEN_AUTH on the rotating client, as the linter warns', async () => {
    const described = await describeClient(ROTATING)
    expect(described.ExplicitAuthFlows).toContain('ALLOW_REFRESH_TOKEN_AUTH')
    const errors = lintCognitoClient(described, { authFlow: 'REFRESH_TOKEN_AUTH' }).filter(
      (finding) => finding.severity === 'error',
    )
    expect(errors.map((finding) => finding.code)).toEqual([
      'COGNITO_CLIENT_REFRESH_NEEDS_ROTATION_API',
    ])
    const { RefreshToken } = await signIn(ROTATING)
    await expect(
      initiate(ROTATING, 'REFRESH_TOKEN_AUTH', { REFRESH_TOKEN: RefreshToken! }),
    ).rejects.toMatchObject({
      name: 'InvalidParameterException',
      message: expect.stringMatching(/refresh token rotation enabled.*GetTokensFromRefreshToken/),
    })
  })

  it('refreshes a non-rotating client without a new refresh token, the old one still good', async () => {
    const { RefreshToken } = await signIn(PUBLIC_ALL)
    const out = await refresh(PUBLIC_ALL, RefreshToken!)
    expect(out.AuthenticationResult?.AccessToken).toBeDefined()
    expect(out.AuthenticationResult?.RefreshToken).toBeUndefined()
    await expect(refresh(PUBLIC_ALL, RefreshToken!)).resolves.toBeDefined()
  })

  it('takes the client secret itself from a confidential client, not a SECRET_HASH', async () => {
    const { RefreshToken } = await signIn(CONFIDENTIAL)
    const refused = { name: 'NotAuthorizedException', message: expect.stringMatching(/secret/) }
    await expect(refresh(CONFIDENTIAL, RefreshToken!)).rejects.toMatchObject(refused)
    const secretHash = computeSecretHash('alice', CONFIDENTIAL, pool.clientSecret())
    await expect(refresh(CONFIDENTIAL, RefreshToken!, secretHash)).rejects.toMatchObject(refused)
    const out = await refresh(CONFIDENTIAL, RefreshToken!, pool.clientSecret())
    expect(out.AuthenticationResult?.IdToken).toBeDefined()
  })

  it('refuses a refresh token issued to another client', async () => {
    const { RefreshToken } = await signIn(PUBLIC_ALL)
    await expect(refresh(ROTATING, RefreshToken!)).rejects.toMatchObject({
      name: 'NotAuthorizedException',
      message: 'Invalid Refresh Token',
    })
  })
})
