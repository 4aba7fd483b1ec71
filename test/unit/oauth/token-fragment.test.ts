import { describe, expect, it } from 'vitest'
import { readTokenFragment } from '../../../electron/core/oauth/token-fragment'

const ISSUER = 'https://op.example.test'
const expected = { state: 'st-1', issuer: ISSUER, issRequired: true }
const fragment = (extra: Record<string, string> = {}) =>
  new URLSearchParams({
    access_token: 'an-opaque-access-token',
    token_type: 'Bearer',
    expires_in: '3600',
    state: 'st-1',
    iss: ISSUER,
    ...extra,
  })
const failed = (answer: ReturnType<typeof readTokenFragment>) =>
  answer.diagnostics.filter((d) => d.severity === 'error').map((d) => d.code)

describe('readTokenFragment (response_type=token)', () => {
  it('takes the access token and shows the rest, never the token', () => {
    const answer = readTokenFragment(fragment(), expected)
    expect(failed(answer)).toEqual([])
    expect(answer.accessToken).toBe('an-opaque-access-token')
    expect(answer.outputs).toEqual({ token_type: 'Bearer', expires_in: '3600', iss: ISSUER })
  })

  it('throws an error answer as openid-client does, for the same diagnostics', () => {
    expect(() =>
      readTokenFragment(
        new URLSearchParams({ error: 'unsupported_response_type', state: 'st-1' }),
        expected,
      ),
    ).toThrow(expect.objectContaining({ error: 'unsupported_response_type' }))
  })

  it.each([
    [{ iss: '' }, 'OAUTH_ISS_MISMATCH'],
    [{ iss: 'https://evil.example' }, 'OAUTH_ISS_MISMATCH'],
    [{ state: 'st-2' }, 'OAUTH_STATE_MISMATCH'],
    [{ access_token: '' }, 'OAUTH_ACCESS_TOKEN_MISSING'],
    [{ token_type: 'DPoP' }, 'OAUTH_TOKEN_TYPE_UNEXPECTED'],
  ])('fails the check on %j', (change, code) => {
    expect(failed(readTokenFragment(fragment(change), expected))).toEqual([code])
  })

  it('requires iss only when the provider promises it', () => {
    const withoutIss = fragment()
    withoutIss.delete('iss')
    expect(failed(readTokenFragment(withoutIss, expected))).toEqual(['OAUTH_ISS_MISSING'])
    expect(failed(readTokenFragment(withoutIss, { ...expected, issRequired: false }))).toEqual([])
  })
})
