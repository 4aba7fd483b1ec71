import { describe, expect, it } from 'vitest'
import { inspectToken } from '../../../electron/core/tokens/inspect-token'
import type { InspectTokenInput } from '../../../shared/token-report'
import {
  CLIENT_ID,
  HMAC_SECRET,
  NOW_S,
  checkOf,
  hmacSigner,
  idTokenClaims,
  now,
  problemsOf,
  sign,
} from './token-test-kit'

const AS = 'https://as.example.test'
const API = 'https://api.example.test'
const POOL = 'https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_AbCdEf123'
const hmacKey = { kind: 'hmac', secret: HMAC_SECRET } as const

const rfc9068Claims = {
  iss: AS,
  sub: 'user-1',
  aud: API,
  exp: NOW_S + 300,
  iat: NOW_S - 5,
  jti: 'at-1',
  client_id: CLIENT_ID,
  scope: 'openid read:orders',
}

/** As Cognito mints them after SRP sign-in: no aud, client_id instead, one admin scope. */
const cognitoAccessClaims = {
  sub: '3f2c6e1a-0000-4000-8000-000000000001',
  'cognito:groups': ['admins'],
  iss: POOL,
  client_id: CLIENT_ID,
  origin_jti: 'origin-1',
  event_id: 'event-1',
  token_use: 'access',
  scope: 'aws.cognito.signin.user.admin',
  auth_time: NOW_S - 60,
  exp: NOW_S + 3600,
  iat: NOW_S - 60,
  jti: 'jti-1',
  username: 'alice',
}

const cognitoIdClaims = {
  sub: '3f2c6e1a-0000-4000-8000-000000000001',
  iss: POOL,
  aud: CLIENT_ID,
  'cognito:username': 'alice',
  token_use: 'id',
  auth_time: NOW_S - 60,
  exp: NOW_S + 3600,
  iat: NOW_S - 60,
  email: 'alice@example.test',
  email_verified: true,
  'custom:team': 'blue',
}

async function inspect(
  claims: Record<string, unknown>,
  expect: NonNullable<InspectTokenInput['expect']>,
  header: Record<string, unknown> = {},
) {
  const token = await sign(hmacSigner, claims, header)
  return inspectToken({ token, expect, key: hmacKey }, { now })
}

describe('inspectToken: RFC 9068 access tokens', () => {
  const expectations = {
    kind: 'access_token',
    issuer: AS,
    clientId: CLIENT_ID,
    audience: API,
  } as const

  it('passes a well-formed at+jwt access token', async () => {
    const report = await inspect(rfc9068Claims, expectations, { typ: 'at+jwt' })

    expect(report.tokenType).toMatchObject({ type: 'access_token', checkedAs: 'access_token' })
    expect(problemsOf(report)).toEqual(['kid:skip:'])
    expect(report.checks.map((check) => check.id)).toEqual(
      expect.arrayContaining([
        'typ',
        'iss',
        'aud',
        'exp',
        'iat',
        'sub',
        'client_id',
        'jti',
        'scope',
      ]),
    )
  })

  it.each([
    ['typ is not at+jwt', {}, { typ: 'JWT' }, 'typ', 'TOKEN_TYP_NOT_AT_JWT'],
    ['aud is another API', { aud: 'https://other.example.test' }, {}, 'aud', 'TOKEN_AUD_MISMATCH'],
    ['aud is missing', { aud: undefined }, {}, 'aud', 'TOKEN_AUD_MISSING'],
    ['client_id is missing', { client_id: undefined }, {}, 'client_id', 'TOKEN_CLIENT_ID_MISSING'],
    [
      'client_id is another client',
      { client_id: 'other' },
      {},
      'client_id',
      'TOKEN_CLIENT_ID_MISMATCH',
    ],
    ['scope is a list', { scope: ['read'] }, {}, 'scope', 'TOKEN_SCOPE_INVALID'],
    ['jti is missing', { jti: undefined }, {}, 'jti', 'TOKEN_JTI_MISSING'],
  ] as const)('fails when %s', async (_label, changes, header, id, code) => {
    const report = await inspect({ ...rfc9068Claims, ...changes }, expectations, {
      typ: 'at+jwt',
      ...header,
    })

    expect(checkOf(report, id)).toMatchObject({ status: 'fail', code })
  })

  it('diagnoses an ID token used as an access token', async () => {
    const report = await inspect(idTokenClaims('HS256'), { kind: 'access_token' })

    expect(report.tokenType).toMatchObject({ type: 'id_token', checkedAs: 'access_token' })
    expect(checkOf(report, 'typ')).toMatchObject({ status: 'fail', code: 'TOKEN_TYP_NOT_AT_JWT' })
    expect(report.pitfalls.map((pitfall) => pitfall.code)).toEqual([
      'ID_TOKEN_USED_AS_ACCESS_TOKEN',
    ])
  })
})

describe('inspectToken: Cognito tokens', () => {
  it('checks a Cognito access token by client_id, not aud', async () => {
    const report = await inspect(cognitoAccessClaims, { issuer: POOL, clientId: CLIENT_ID })

    expect(report.tokenType).toMatchObject({ type: 'cognito_access', checkedAs: 'cognito_access' })
    expect(problemsOf(report)).toEqual(['kid:skip:', 'aud:skip:'])
    expect(checkOf(report, 'token_use')).toMatchObject({ status: 'pass', actual: 'access' })
    expect(checkOf(report, 'client_id')).toMatchObject({ status: 'pass', expected: CLIENT_ID })
    expect(checkOf(report, 'username')).toMatchObject({ status: 'pass' })
  })

  it('fails a Cognito access token issued to another app client', async () => {
    const report = await inspect(cognitoAccessClaims, { issuer: POOL, clientId: 'other-client' })

    expect(checkOf(report, 'client_id')).toMatchObject({
      status: 'fail',
      code: 'TOKEN_CLIENT_ID_MISMATCH',
    })
  })

  it('checks a Cognito ID token by OpenID Connect rules plus token_use and cognito:username', async () => {
    const report = await inspect(cognitoIdClaims, { issuer: POOL, clientId: CLIENT_ID })

    expect(report.tokenType).toMatchObject({ type: 'cognito_id', checkedAs: 'cognito_id' })
    expect(problemsOf(report)).toEqual(['kid:skip:'])
    expect(checkOf(report, 'aud')).toMatchObject({ status: 'pass' })
    expect(checkOf(report, 'token_use')).toMatchObject({ status: 'pass', actual: 'id' })
    expect(report.pitfalls).toEqual([])
  })

  it('fails token_use when a Cognito access token is read as an ID token, and says why', async () => {
    const report = await inspect(cognitoAccessClaims, {
      kind: 'id_token',
      issuer: POOL,
      clientId: CLIENT_ID,
    })

    expect(report.tokenType).toMatchObject({ type: 'cognito_access', checkedAs: 'cognito_id' })
    expect(checkOf(report, 'token_use')).toMatchObject({
      status: 'fail',
      code: 'TOKEN_USE_MISMATCH',
      expected: 'id',
      actual: 'access',
    })
    expect(checkOf(report, 'aud')).toMatchObject({ status: 'fail', code: 'TOKEN_AUD_MISSING' })
    expect(report.pitfalls.map((pitfall) => pitfall.code)).toContain(
      'ACCESS_TOKEN_USED_AS_ID_TOKEN',
    )
  })
})

describe('inspectToken: Cognito pitfalls', () => {
  it('warns that an SRP access token (no openid scope) cannot call /oauth2/userInfo', async () => {
    const report = await inspect(cognitoAccessClaims, {})

    expect(report.pitfalls).toEqual([
      expect.objectContaining({
        code: 'COGNITO_USERINFO_NEEDS_OPENID',
        explanation: expect.stringMatching(/SRP sign-in/),
        link: expect.stringMatching(/^https:\/\/docs\.aws\.amazon\.com\//),
      }),
    ])
  })

  it('stays quiet about userInfo when the token carries openid', async () => {
    const report = await inspect({ ...cognitoAccessClaims, scope: 'openid email' }, {})

    expect(report.pitfalls).toEqual([])
  })

  it('explains that validating a Cognito access token by aud cannot work', async () => {
    const report = await inspect(
      { ...cognitoAccessClaims, scope: 'openid' },
      {
        kind: 'access_token',
        audience: CLIENT_ID,
      },
    )

    expect(report.pitfalls.map((pitfall) => pitfall.code)).toEqual([
      'COGNITO_ACCESS_TOKEN_HAS_NO_AUD',
    ])
    expect(checkOf(report, 'aud')).toMatchObject({ status: 'skip' })
  })
})
