// The codes the run computes as an authenticator would, against RFC 6238's own test vectors
// (SHA-1, cut to Cognito's six digits), and the enrolment URI built from a SecretCode.
import { URI } from 'otpauth'
import { describe, expect, it } from 'vitest'
import { otpauthUri, totpCodeAt } from '../../../electron/core/cognito/totp'

/** RFC 6238 Appendix B's SHA-1 seed, "12345678901234567890", in base32. */
const RFC_SEED = 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ'

describe('TOTP as Cognito uses it', () => {
  it.each([
    [59, '287082', 1],
    [1111111109, '081804', 37037036],
    [1234567890, '005924', 41152263],
    [20000000000, '353130', 666666666],
  ])('at %i s: code %s (time step %i), RFC 6238 Appendix B', (seconds, code, step) => {
    expect(totpCodeAt(RFC_SEED, seconds * 1000)).toEqual({ code, step })
  })

  it('reads a secret written in groups, as apps show them', () => {
    expect(totpCodeAt('GEZD GNBV GY3T QOJQ GEZD GNBV GY3T QOJQ', 59_000).code).toBe('287082')
  })

  it('refuses a secret that is not base32, naming the alphabet', () => {
    expect(() => totpCodeAt('not base32!', 0)).toThrow(/not base32/)
  })

  it('builds the otpauth:// URI an app scans: the secret, the account, SHA1, 6 digits, 30 s', () => {
    const uri = URI.parse(otpauthUri(RFC_SEED, 'pat@example.com', 'Cognito eu-west-1_Abc'))

    expect(uri).toMatchObject({
      issuer: 'Cognito eu-west-1_Abc',
      label: 'pat@example.com',
      algorithm: 'SHA1',
      digits: 6,
      period: 30,
    })
    expect(uri.secret.base32).toBe(RFC_SEED)
  })
})
