import { describe, expect, it } from 'vitest'
import { inspectToken } from '../../../electron/core/tokens/inspect-token'
import type { InspectTokenInput } from '../../../shared/token-report'
import {
  ACCESS_TOKEN,
  CLIENT_ID,
  CODE,
  DISCOVERY_URL,
  FULL_EXPECTATIONS,
  HMAC_SECRET,
  ISSUER,
  JWKS_URL,
  NONCE,
  NOW_S,
  checkOf,
  createFakeFetch,
  createSigner,
  discoveryDocument,
  hmacSigner,
  idTokenClaims,
  now,
  problemsOf,
  sign,
  type AsymmetricAlg,
} from './token-test-kit'

const hmacKey = { kind: 'hmac', secret: HMAC_SECRET } as const

/** Inspects an HS256 ID token made from the good claims with `changes` applied. */
async function inspectChanged(
  changes: Record<string, unknown>,
  expect: Partial<NonNullable<InspectTokenInput['expect']>> = {},
) {
  const token = await sign(hmacSigner, { ...idTokenClaims('HS256'), ...changes })
  return inspectToken(
    { token, expect: { ...FULL_EXPECTATIONS, ...expect }, key: hmacKey },
    { now, fetch: createFakeFetch({}).fetch },
  )
}

describe('inspectToken: a valid ID token', () => {
  it.each<AsymmetricAlg>(['RS256', 'ES256', 'PS256', 'EdDSA'])(
    'passes every check when signed with %s and verified through discovery',
    async (alg) => {
      const signer = await createSigner(alg)
      const token = await sign(signer, idTokenClaims(alg))
      const network = createFakeFetch({
        [DISCOVERY_URL]: [{ body: discoveryDocument() }],
        [JWKS_URL]: [{ body: { keys: [signer.jwk] } }],
      })

      const report = await inspectToken(
        { token, expect: FULL_EXPECTATIONS, key: { kind: 'issuer' } },
        { now, fetch: network.fetch },
      )

      network.assertDone()
      expect(problemsOf(report)).toEqual([])
      expect(report.checks.map((check) => check.id)).toEqual([
        'discovery',
        'alg',
        'kid',
        'signature',
        'iss',
        'aud',
        'exp',
        'iat',
        'nbf',
        'nonce',
        'auth_time',
        'at_hash',
        'c_hash',
        's_hash',
        'sub',
        'userinfo_sub',
      ])
      expect(report).toMatchObject({
        kind: 'jws',
        serialization: 'compact',
        tokenType: { type: 'id_token', checkedAs: 'id_token' },
        signature: { status: 'valid', alg, keySource: `JWKS of ${JWKS_URL}, kid k-${alg}` },
        pitfalls: [],
      })
    },
  )

  it('passes every check when signed with HS256 and verified with the client secret', async () => {
    const report = await inspectChanged({})

    expect(problemsOf(report)).toEqual(['kid:skip:'])
    expect(report.signature).toMatchObject({ status: 'valid', alg: 'HS256' })
    expect(report.signature.keySource).toMatch(/^HMAC secret \(\d+ bytes\)$/)
  })

  it('never puts the token, the secret, the nonce or the access token into the report text', async () => {
    const report = await inspectChanged({ nonce: 'other', at_hash: 'x' })
    const text = JSON.stringify({
      checks: report.checks,
      signature: report.signature,
      pitfalls: report.pitfalls,
    })

    for (const secret of [HMAC_SECRET, NONCE, ACCESS_TOKEN, CODE])
      expect(text).not.toContain(secret)
  })
})

describe('inspectToken: ID token claim failures', () => {
  it.each([
    ['iss is another issuer', { iss: `${ISSUER}1` }, {}, 'iss', 'TOKEN_ISS_MISMATCH'],
    ['iss differs by a trailing slash', { iss: `${ISSUER}/` }, {}, 'iss', 'TOKEN_ISS_MISMATCH'],
    ['aud does not contain the client', { aud: 'someone-else' }, {}, 'aud', 'TOKEN_AUD_MISMATCH'],
    ['aud is missing', { aud: undefined }, {}, 'aud', 'TOKEN_AUD_MISSING'],
    ['several aud without azp', { aud: [CLIENT_ID, 'api'] }, {}, 'azp', 'TOKEN_AZP_MISSING'],
    [
      'azp names another client',
      { aud: [CLIENT_ID, 'api'], azp: 'api' },
      {},
      'azp',
      'TOKEN_AZP_MISMATCH',
    ],
    ['exp is past, beyond the skew', { exp: NOW_S - 61 }, {}, 'exp', 'TOKEN_EXPIRED'],
    ['exp is missing', { exp: undefined }, {}, 'exp', 'TOKEN_EXP_MISSING'],
    ['iat is far in the future', { iat: NOW_S + 3600 }, {}, 'iat', 'TOKEN_IAT_FUTURE'],
    ['iat is missing', { iat: undefined }, {}, 'iat', 'TOKEN_IAT_MISSING'],
    ['iat is a week old (hybrid)', { iat: NOW_S - 7 * 86_400 }, {}, 'iat', 'TOKEN_IAT_TOO_OLD'],
    ['nbf is in the future', { nbf: NOW_S + 600 }, {}, 'nbf', 'TOKEN_NOT_YET_VALID'],
    ['nonce is another one', { nonce: `${NONCE}1` }, {}, 'nonce', 'TOKEN_NONCE_MISMATCH'],
    ['nonce is missing', { nonce: undefined }, {}, 'nonce', 'TOKEN_NONCE_MISSING'],
    [
      'auth_time is older than max_age',
      { auth_time: NOW_S - 3600 },
      {},
      'auth_time',
      'TOKEN_AUTH_TIME_TOO_OLD',
    ],
    [
      'auth_time is missing with max_age',
      { auth_time: undefined },
      {},
      'auth_time',
      'TOKEN_AUTH_TIME_MISSING',
    ],
    [
      'at_hash is wrong',
      { at_hash: 'AAAAAAAAAAAAAAAAAAAAAA' },
      {},
      'at_hash',
      'TOKEN_AT_HASH_MISMATCH',
    ],
    [
      'at_hash is missing (code id_token token)',
      { at_hash: undefined },
      {},
      'at_hash',
      'TOKEN_AT_HASH_MISSING',
    ],
    [
      'c_hash is wrong',
      { c_hash: 'AAAAAAAAAAAAAAAAAAAAAA' },
      {},
      'c_hash',
      'TOKEN_C_HASH_MISMATCH',
    ],
    [
      'c_hash is missing (code id_token)',
      { c_hash: undefined },
      {},
      'c_hash',
      'TOKEN_C_HASH_MISSING',
    ],
    [
      's_hash is wrong',
      { s_hash: 'AAAAAAAAAAAAAAAAAAAAAA' },
      {},
      's_hash',
      'TOKEN_S_HASH_MISMATCH',
    ],
    ['sub is missing', { sub: undefined }, {}, 'sub', 'TOKEN_SUB_MISSING'],
    [
      'UserInfo names another sub',
      {},
      { userinfoSub: 'foobar' },
      'userinfo_sub',
      'TOKEN_USERINFO_SUB_MISMATCH',
    ],
  ] as const)('fails when %s', async (_label, changes, expectations, id, code) => {
    const report = await inspectChanged(changes, expectations)

    expect(checkOf(report, id)).toMatchObject({ status: 'fail', code })
    expect(report.signature.status).toBe('valid')
  })

  it('passes exp that ended within the clock skew, and fails it with the skew set lower', async () => {
    const within = await inspectChanged({ exp: NOW_S - 30 })
    const strict = await inspectChanged({ exp: NOW_S - 30 }, { clockSkewSeconds: 10 })

    expect(checkOf(within, 'exp')).toMatchObject({ status: 'pass' })
    expect(checkOf(within, 'exp').message).toMatch(/within the 60 s clock skew/)
    expect(checkOf(strict, 'exp')).toMatchObject({ status: 'fail', code: 'TOKEN_EXPIRED' })
  })

  it('shows expected and actual for identifiers, with the trailing slash pointed out', async () => {
    const report = await inspectChanged({ iss: `${ISSUER}/` })

    expect(checkOf(report, 'iss')).toMatchObject({
      expected: ISSUER,
      actual: `${ISSUER}/`,
      ref: 'OIDC Core §3.1.3.7 step 2',
    })
    expect(checkOf(report, 'iss').message).toMatch(/ends with "\/"/)
  })

  it('accepts a missing at_hash in the code flow, where it is optional', async () => {
    const report = await inspectChanged({ at_hash: undefined }, { flow: 'code' })

    expect(checkOf(report, 'at_hash')).toMatchObject({ status: 'skip' })
  })

  it('warns that implicit and hybrid need a nonce when none was given to compare', async () => {
    const report = await inspectChanged({}, { nonce: undefined, flow: 'implicit' })

    expect(checkOf(report, 'nonce')).toMatchObject({
      status: 'warn',
      code: 'TOKEN_NONCE_NOT_CHECKED',
      ref: 'OIDC Core §3.2.2.11',
    })
  })
})
