// OIDC Core §12.2 for a refreshed ID token: the same issuer, subject and audience (and auth_time,
// azp where the original had them), and no nonce but the original's.
import { describe, expect, it } from 'vitest'
import { compareRefreshedIdToken } from '../../../electron/core/oauth/refreshed-id-token'
import { makeUnsignedJwt } from '../../helpers/make-jwt'

const ORIGINAL = {
  iss: 'https://idp.example',
  sub: 'alice',
  aud: 'app',
  azp: 'app',
  auth_time: 1_700_000_000,
  nonce: 'n-0S6',
  iat: 1_700_000_000,
  exp: 1_700_003_600,
}
const jwt = (claims: object) => makeUnsignedJwt({ alg: 'RS256' }, claims)
const codes = (refreshed: object) =>
  compareRefreshedIdToken(jwt(ORIGINAL), jwt(refreshed)).map((d) => `${d.severity} ${d.code}`)

describe('compareRefreshedIdToken', () => {
  it('accepts a token for the same sign-in, with a new iat and no nonce', () => {
    expect(
      codes({ ...ORIGINAL, nonce: undefined, iat: 1_700_001_000, exp: 1_700_004_600 }),
    ).toEqual(['info OAUTH_REFRESHED_ID_TOKEN_OK'])
    expect(codes({ ...ORIGINAL, iat: 1_700_001_000 })).toEqual(['info OAUTH_REFRESHED_ID_TOKEN_OK'])
  })

  it.each([
    ['iss', 'https://evil.example'],
    ['sub', 'mallory'],
    ['aud', ['app', 'other']],
    ['azp', 'other'],
    ['auth_time', 1_700_000_500],
    ['nonce', 'another-nonce'],
  ])('refuses a refreshed token with another %s, in words', (claim, value) => {
    const [problem, ...rest] = compareRefreshedIdToken(
      jwt(ORIGINAL),
      jwt({ ...ORIGINAL, [claim]: value }),
    )
    expect(rest).toEqual([])
    expect(problem).toMatchObject({
      severity: 'error',
      code: 'OAUTH_REFRESHED_ID_TOKEN_MISMATCH',
      message: expect.stringContaining(claim === 'nonce' ? 'nonce' : `another ${claim}`),
      ref: 'OIDC Core §12.2',
    })
  })

  it('says which token is not a JWT', () => {
    expect(compareRefreshedIdToken('not-a-jwt', jwt(ORIGINAL))[0]?.message).toMatch(
      /^The original ID token is not a JWT/,
    )
    expect(compareRefreshedIdToken(jwt(ORIGINAL), 'x.y')[0]?.message).toMatch(
      /^The refreshed ID token is not a JWT/,
    )
  })
})
