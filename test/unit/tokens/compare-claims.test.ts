import { describe, expect, it } from 'vitest'
import { compareClaims } from '../../../shared/compare-claims'

describe('compareClaims', () => {
  it('lines up two tokens: differences first, then what is the same, then times and ids', () => {
    const hostedUi = {
      sub: 'u-1',
      'cognito:username': 'alice',
      'cognito:groups': ['admins'],
      iat: 1,
      identities: [{ providerName: 'Google' }],
      amr: ['pwd'],
    }
    const srp = {
      sub: 'u-1',
      'cognito:username': 'alice',
      'cognito:groups': ['admins'],
      iat: 2,
      amr: ['srp'],
    }

    expect(compareClaims(hostedUi, srp)).toEqual([
      { name: 'amr', left: ['pwd'], right: ['srp'], difference: 'changed' },
      { name: 'identities', left: [{ providerName: 'Google' }], difference: 'only_left' },
      { name: 'cognito:groups', left: ['admins'], right: ['admins'], difference: 'same' },
      { name: 'cognito:username', left: 'alice', right: 'alice', difference: 'same' },
      { name: 'sub', left: 'u-1', right: 'u-1', difference: 'same' },
      { name: 'iat', left: 1, right: 2, difference: 'changed' },
    ])
  })

  it('treats objects with the same members in another order as the same', () => {
    const [row] = compareClaims({ address: { a: 1, b: 2 } }, { address: { b: 2, a: 1 } })
    expect(row?.difference).toBe('same')
  })

  it('names a claim only the second token has', () => {
    expect(compareClaims({}, { scope: 'openid' })).toEqual([
      { name: 'scope', right: 'openid', difference: 'only_right' },
    ])
  })
})
