import { describe, expect, it } from 'vitest'
import { computeTokenHash, hashNameForAlg } from '../../../electron/core/tokens/token-hashes'

describe('computeTokenHash', () => {
  // The examples of OpenID Connect Core 1.0 Appendix A.3 (id_token token) and A.4 (code id_token).
  it('reproduces the at_hash and c_hash of the OpenID Connect Core examples (RS256)', () => {
    expect(computeTokenHash('jHkWEdUXMU1BwAsC4vtUsZwnNvTIxEl0z9K3vx5KF0Y', 'RS256')).toBe(
      '77QmUPtjPfzWtF2AnpK9RQ',
    )
    expect(
      computeTokenHash('Qcb0Orv1zh30vL1MPRsbm-diHiMwcLyZvn1arpZv-Jxf_11jnpEX3Tgfvk', 'RS256'),
    ).toBe('LDktKdoQak3Pk0cnXxCltA')
  })

  it.each([
    ['RS256', 'sha256', 22],
    ['ES256', 'sha256', 22],
    ['PS256', 'sha256', 22],
    ['HS256', 'sha256', 22],
    ['RS384', 'sha384', 32],
    ['ES384', 'sha384', 32],
    ['PS384', 'sha384', 32],
    ['RS512', 'sha512', 43],
    ['ES512', 'sha512', 43],
    ['PS512', 'sha512', 43],
    ['EdDSA', 'sha512', 43],
    ['Ed25519', 'sha512', 43],
  ] as const)('takes the left half of the %s hash (%s)', (alg, hash, length) => {
    expect(hashNameForAlg(alg)).toBe(hash)
    expect(computeTokenHash('value', alg)).toHaveLength(length)
  })

  it('has no hash for an algorithm without one', () => {
    expect(computeTokenHash('value', 'none')).toBeNull()
    expect(computeTokenHash('value', 'ML-DSA-44')).toBeNull()
  })
})
