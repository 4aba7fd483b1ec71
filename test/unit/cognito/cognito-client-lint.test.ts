import { describe, expect, it } from 'vitest'
import {
  lintCognitoClient,
  type CognitoAppClient,
  type CognitoClientUse,
} from '../../../shared/cognito-client-lint'

/** A public web client that is well formed for a code + PKCE sign-in and an SRP sign-in. */
const WELL_FORMED: CognitoAppClient = {
  ClientId: 'abcdefghijklmnopqrstuvwxyz',
  ExplicitAuthFlows: ['ALLOW_USER_SRP_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'],
  AllowedOAuthFlowsUserPoolClient: true,
  AllowedOAuthFlows: ['code'],
  AllowedOAuthScopes: ['openid', 'email', 'https://api.example.com/photos.read'],
  CallbackURLs: [
    'https://app.example.com/callback',
    'http://127.0.0.1:8765/callback',
    'http://localhost:3000/cb',
    'http://[::1]/cb',
    'myapp://callback',
  ],
  SupportedIdentityProviders: ['COGNITO'],
  AccessTokenValidity: 60,
  IdTokenValidity: 60,
  RefreshTokenValidity: 30,
  TokenValidityUnits: { AccessToken: 'minutes', IdToken: 'minutes', RefreshToken: 'days' },
  RefreshTokenRotation: { Feature: 'DISABLED', RetryGracePeriodSeconds: 0 },
  EnableTokenRevocation: true,
  PreventUserExistenceErrors: 'ENABLED',
}

const CODE_SIGN_IN: NonNullable<CognitoClientUse['oauth']> = {
  grant: 'authorization_code',
  redirectUri: 'https://app.example.com/callback',
  scopes: ['openid', 'email'],
  pkceMethod: 'S256',
}
const USE: CognitoClientUse = { authFlow: 'USER_SRP_AUTH', oauth: CODE_SIGN_IN }

const M2M: CognitoAppClient = {
  ...WELL_FORMED,
  HasClientSecret: true,
  AllowedOAuthFlows: ['client_credentials'],
  AllowedOAuthScopes: ['https://api.example.com/photos.read'],
  CallbackURLs: [],
}

const codesOf = (client: CognitoAppClient, use: CognitoClientUse = USE) =>
  lintCognitoClient(client, use).map((finding) => finding.code)

/** Each rule: settings (and a use) that trip it, and close ones that must not. */
const RULES: {
  code: string
  fires: [CognitoAppClient, CognitoClientUse?][]
  quiet: [CognitoAppClient, CognitoClientUse?][]
}[] = [
  {
    code: 'COGNITO_CLIENT_CALLBACK_NOT_HTTPS',
    fires: [
      [{ ...WELL_FORMED, CallbackURLs: ['http://app.example.com/callback'] }],
      [{ ...WELL_FORMED, CallbackURLs: ['http://localhost.evil.example/cb'] }],
      [{ ...WELL_FORMED, DefaultRedirectURI: 'http://192.168.1.2/cb' }],
    ],
    quiet: [[WELL_FORMED]],
  },
  {
    code: 'COGNITO_CLIENT_CALLBACK_FRAGMENT',
    fires: [
      [{ ...WELL_FORMED, CallbackURLs: ['https://app.example.com/callback#done'] }],
      [{ ...WELL_FORMED, CallbackURLs: ['https://app.example.com/callback#'] }],
    ],
    quiet: [[{ ...WELL_FORMED, CallbackURLs: ['https://app.example.com/callback?x=1'] }]],
  },
  {
    code: 'COGNITO_CLIENT_CALLBACK_NOT_ABSOLUTE',
    fires: [[{ ...WELL_FORMED, CallbackURLs: ['/callback'] }]],
    quiet: [[WELL_FORMED]],
  },
  {
    code: 'COGNITO_CLIENT_DEFAULT_REDIRECT_UNREGISTERED',
    fires: [[{ ...WELL_FORMED, DefaultRedirectURI: 'https://app.example.com/other' }]],
    quiet: [[{ ...WELL_FORMED, DefaultRedirectURI: 'myapp://callback' }]],
  },
  {
    code: 'COGNITO_CLIENT_NO_CALLBACK_URLS',
    fires: [[{ ...WELL_FORMED, CallbackURLs: [] }]],
    quiet: [[M2M, {}]],
  },
  {
    code: 'COGNITO_CLIENT_REDIRECT_UNREGISTERED',
    fires: [
      [
        WELL_FORMED,
        { oauth: { ...CODE_SIGN_IN, redirectUri: 'https://app.example.com/callback/' } },
      ],
      [WELL_FORMED, { oauth: { ...CODE_SIGN_IN, redirectUri: 'http://127.0.0.1:9999/callback' } }],
    ],
    quiet: [
      [WELL_FORMED, { oauth: { ...CODE_SIGN_IN, redirectUri: 'http://127.0.0.1:8765/callback' } }],
      [M2M, { oauth: { grant: 'client_credentials', redirectUri: 'https://x.example/cb' } }],
    ],
  },
  {
    code: 'COGNITO_CLIENT_CREDENTIALS_WITHOUT_SECRET',
    fires: [[{ ...M2M, HasClientSecret: false }, {}]],
    quiet: [[M2M, {}]],
  },
  {
    code: 'COGNITO_CLIENT_CREDENTIALS_MIXED',
    fires: [[{ ...M2M, AllowedOAuthFlows: ['client_credentials', 'code'] }, {}]],
    quiet: [[M2M, {}], [{ ...WELL_FORMED, AllowedOAuthFlows: ['code', 'implicit'] }]],
  },
  {
    code: 'COGNITO_CLIENT_GRANT_NOT_ALLOWED',
    fires: [[WELL_FORMED, { oauth: { ...CODE_SIGN_IN, grant: 'implicit' } }]],
    quiet: [[WELL_FORMED], [M2M, { oauth: { grant: 'client_credentials' } }]],
  },
  {
    code: 'COGNITO_CLIENT_OAUTH_OFF',
    fires: [[{ ...WELL_FORMED, AllowedOAuthFlowsUserPoolClient: false }]],
    quiet: [
      [{ ...WELL_FORMED, AllowedOAuthFlowsUserPoolClient: false }, { authFlow: 'USER_SRP_AUTH' }],
    ],
  },
  {
    code: 'COGNITO_CLIENT_NO_IDENTITY_PROVIDER',
    fires: [[{ ...WELL_FORMED, SupportedIdentityProviders: [] }]],
    quiet: [
      [WELL_FORMED],
      [{ ...M2M, SupportedIdentityProviders: [] }, { oauth: { grant: 'client_credentials' } }],
    ],
  },
  {
    code: 'COGNITO_SCOPE_NEEDS_OPENID',
    fires: [
      [{ ...WELL_FORMED, AllowedOAuthScopes: ['email', 'profile'] }],
      [WELL_FORMED, { oauth: { ...CODE_SIGN_IN, scopes: ['phone'] } }],
    ],
    quiet: [
      [WELL_FORMED],
      [WELL_FORMED, { oauth: { ...CODE_SIGN_IN, scopes: ['openid', 'phone'] } }],
    ],
  },
  {
    code: 'COGNITO_CUSTOM_SCOPE_FORM',
    fires: [
      [{ ...WELL_FORMED, AllowedOAuthScopes: ['openid', 'photos.read'] }],
      [{ ...WELL_FORMED, AllowedOAuthScopes: ['openid', 'api/'] }],
      [WELL_FORMED, { oauth: { ...CODE_SIGN_IN, scopes: ['openid', '/read'] } }],
    ],
    quiet: [
      [
        {
          ...WELL_FORMED,
          AllowedOAuthScopes: ['openid', 'aws.cognito.signin.user.admin', 'api/read'],
        },
      ],
    ],
  },
  {
    code: 'COGNITO_PKCE_PLAIN',
    fires: [[WELL_FORMED, { oauth: { ...CODE_SIGN_IN, pkceMethod: 'plain' } }]],
    quiet: [[WELL_FORMED], [WELL_FORMED, { oauth: { ...CODE_SIGN_IN, pkceMethod: undefined } }]],
  },
  {
    code: 'COGNITO_CLIENT_FLOW_NOT_ENABLED',
    fires: [
      [WELL_FORMED, { authFlow: 'USER_PASSWORD_AUTH' }],
      [WELL_FORMED, { authFlow: 'CUSTOM_AUTH' }],
      [
        { ...WELL_FORMED, ExplicitAuthFlows: ['ALLOW_USER_SRP_AUTH'] },
        { authFlow: 'REFRESH_TOKEN_AUTH' },
      ],
      [
        { ...WELL_FORMED, ExplicitAuthFlows: ['ADMIN_NO_SRP_AUTH'] },
        { authFlow: 'USER_PASSWORD_AUTH' },
      ],
    ],
    quiet: [
      [WELL_FORMED, { authFlow: 'REFRESH_TOKEN_AUTH' }],
      // Never set: Cognito's defaults are SRP, refresh and custom.
      [{ ...WELL_FORMED, ExplicitAuthFlows: undefined }, { authFlow: 'CUSTOM_AUTH' }],
      [
        { ...WELL_FORMED, ExplicitAuthFlows: ['USER_PASSWORD_AUTH'] },
        { authFlow: 'USER_PASSWORD_AUTH' },
      ],
    ],
  },
  {
    code: 'COGNITO_CLIENT_LEGACY_FLOW_NAMES',
    fires: [[{ ...WELL_FORMED, ExplicitAuthFlows: ['ADMIN_NO_SRP_AUTH', 'USER_PASSWORD_AUTH'] }]],
    quiet: [[WELL_FORMED]],
  },
  {
    code: 'COGNITO_CLIENT_MIXED_FLOW_NAMES',
    fires: [[{ ...WELL_FORMED, ExplicitAuthFlows: ['ADMIN_NO_SRP_AUTH', 'ALLOW_USER_SRP_AUTH'] }]],
    quiet: [[{ ...WELL_FORMED, ExplicitAuthFlows: ['ADMIN_NO_SRP_AUTH'] }]],
  },
  {
    code: 'COGNITO_CLIENT_TOKEN_VALIDITY_RANGE',
    fires: [
      [{ ...WELL_FORMED, AccessTokenValidity: 4 }],
      [
        {
          ...WELL_FORMED,
          IdTokenValidity: 2,
          TokenValidityUnits: { AccessToken: 'minutes', IdToken: 'days' },
        },
      ],
      // 60 read as hours (the default unit) is 2.5 days.
      [{ ...WELL_FORMED, AccessTokenValidity: 60, TokenValidityUnits: undefined }],
      [
        {
          ...WELL_FORMED,
          RefreshTokenValidity: 59,
          TokenValidityUnits: { ...WELL_FORMED.TokenValidityUnits, RefreshToken: 'minutes' },
        },
      ],
      [{ ...WELL_FORMED, RefreshTokenValidity: 3651 }],
    ],
    quiet: [
      [{ ...WELL_FORMED, AccessTokenValidity: 5, IdTokenValidity: 1440 }],
      [{ ...WELL_FORMED, RefreshTokenValidity: 3650 }],
      [
        {
          ...WELL_FORMED,
          RefreshTokenValidity: 60,
          TokenValidityUnits: { ...WELL_FORMED.TokenValidityUnits, RefreshToken: 'minutes' },
        },
      ],
    ],
  },
  {
    code: 'COGNITO_CLIENT_REFRESH_VALIDITY_ZERO',
    fires: [[{ ...WELL_FORMED, RefreshTokenValidity: 0 }]],
    quiet: [[WELL_FORMED]],
  },
  {
    code: 'COGNITO_CLIENT_TOKEN_OUTLIVES_REFRESH',
    fires: [
      [
        {
          ...WELL_FORMED,
          IdTokenValidity: 1,
          RefreshTokenValidity: 60,
          TokenValidityUnits: { AccessToken: 'minutes', IdToken: 'days', RefreshToken: 'minutes' },
        },
      ],
    ],
    quiet: [[WELL_FORMED]],
  },
  {
    code: 'COGNITO_CLIENT_SHORT_TOKENS_HOSTED_UI',
    fires: [[{ ...WELL_FORMED, AccessTokenValidity: 15 }]],
    quiet: [
      [{ ...WELL_FORMED, AccessTokenValidity: 15, AllowedOAuthFlowsUserPoolClient: false }, {}],
    ],
  },
  {
    code: 'COGNITO_CLIENT_REFRESH_NEEDS_ROTATION_API',
    fires: [
      [
        {
          ...WELL_FORMED,
          RefreshTokenRotation: { Feature: 'ENABLED', RetryGracePeriodSeconds: 10 },
        },
        { authFlow: 'REFRESH_TOKEN_AUTH' },
      ],
    ],
    quiet: [
      [WELL_FORMED, { authFlow: 'REFRESH_TOKEN_AUTH' }],
      [
        { ...WELL_FORMED, RefreshTokenRotation: { Feature: 'ENABLED' } },
        { authFlow: 'USER_SRP_AUTH' },
      ],
    ],
  },
  {
    code: 'COGNITO_CLIENT_GRACE_PERIOD_RANGE',
    fires: [
      [
        {
          ...WELL_FORMED,
          RefreshTokenRotation: { Feature: 'ENABLED', RetryGracePeriodSeconds: 61 },
        },
      ],
    ],
    quiet: [
      [
        {
          ...WELL_FORMED,
          RefreshTokenRotation: { Feature: 'ENABLED', RetryGracePeriodSeconds: 60 },
        },
      ],
    ],
  },
  {
    code: 'COGNITO_CLIENT_REVOCATION_OFF',
    fires: [[{ ...WELL_FORMED, EnableTokenRevocation: false }]],
    quiet: [[WELL_FORMED], [{ ...WELL_FORMED, EnableTokenRevocation: undefined }]],
  },
  {
    code: 'COGNITO_CLIENT_USER_EXISTENCE_ERRORS',
    fires: [[{ ...WELL_FORMED, PreventUserExistenceErrors: 'LEGACY' }]],
    quiet: [[WELL_FORMED]],
  },
]

describe('lintCognitoClient', () => {
  it('finds nothing in a well-formed client used as it allows', () => {
    expect(lintCognitoClient(WELL_FORMED, USE)).toEqual([])
    expect(lintCognitoClient(M2M, { oauth: { grant: 'client_credentials' } })).toEqual([])
  })

  describe.each(RULES)('$code', ({ code, fires, quiet }) => {
    it.each(fires.map((args, i) => [i, ...args] as const))('fires (case %i)', (_, client, use) => {
      expect(codesOf(client, use)).toContain(code)
    })
    it.each(quiet.map((args, i) => [i, ...args] as const))(
      'stays quiet (case %i)',
      (_, client, use) => {
        expect(codesOf(client, use)).not.toContain(code)
      },
    )
  })

  it('names the nearest registered redirect URI and what differs', () => {
    const [finding] = lintCognitoClient(WELL_FORMED, {
      oauth: { ...CODE_SIGN_IN, redirectUri: 'https://app.example.com/callback/' },
    })
    expect(finding).toMatchObject({
      severity: 'error',
      expected: 'https://app.example.com/callback',
      actual: 'https://app.example.com/callback/',
    })
    expect(finding?.hint).toMatch(/trailing slash/)
    const [port] = lintCognitoClient(WELL_FORMED, {
      oauth: { ...CODE_SIGN_IN, redirectUri: 'http://127.0.0.1:9999/callback' },
    })
    expect(port).toMatchObject({ expected: 'http://127.0.0.1:8765/callback' })
    expect(port?.hint).toMatch(/the port/)
  })

  it('says which flow value is missing, and how the USER_AUTH client could still sign in', () => {
    const [finding] = lintCognitoClient(
      { ...WELL_FORMED, ExplicitAuthFlows: ['ALLOW_USER_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'] },
      { authFlow: 'USER_PASSWORD_AUTH' },
    )
    expect(finding).toMatchObject({
      code: 'COGNITO_CLIENT_FLOW_NOT_ENABLED',
      expected: 'ALLOW_USER_PASSWORD_AUTH',
    })
    expect(finding?.hint).toMatch(/USER_AUTH.*PASSWORD/)
  })

  it('lists errors before warnings before information, and never repeats the client secret', () => {
    const findings = lintCognitoClient(
      {
        ...M2M,
        AllowedOAuthFlows: ['client_credentials', 'code'],
        EnableTokenRevocation: false,
        PreventUserExistenceErrors: 'LEGACY',
      },
      {},
    )
    expect(findings.map((f) => f.severity)).toEqual(['error', 'warning', 'warning', 'info'])
  })
})
