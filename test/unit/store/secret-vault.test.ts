import { describe, expect, it } from 'vitest'
import {
  PassphraseLock,
  ScryptParams,
  SealingKey,
  STRONG_SCRYPT_COST,
} from '../../../electron/core/store/secret-vault'
import { caught, TEST_KDF_COST } from './temp-workspace'

describe('the passphrase vault', () => {
  it('derives its key at the production cost (scrypt N=2^17, r=8) without a memory error', () => {
    const { key, lock } = SealingKey.create(
      'production passphrase',
      STRONG_SCRYPT_COST,
      'the vault',
    )

    expect(lock.kdf).toMatchObject({ name: 'scrypt', N: 2 ** 17, r: 8, p: 1 })
    expect(Buffer.from(lock.kdf.salt, 'base64url')).toHaveLength(16)
    const again = SealingKey.unlock('production passphrase', lock, 'the vault')
    expect(again.open(key.seal('value'))).toBe('value')
  }, 20_000)

  it('seals the same value differently each time (a fresh IV), and opens both', () => {
    const { key } = SealingKey.create('a passphrase', TEST_KDF_COST, 'the vault')
    const first = key.seal('same value')
    const second = key.seal('same value')

    expect(first.iv).not.toBe(second.iv)
    expect(first.data).not.toBe(second.data)
    expect([key.open(first), key.open(second)]).toEqual(['same value', 'same value'])
  })

  it('refuses a check value that opens but says something else as tampered', () => {
    const { key, lock } = SealingKey.create('a passphrase', TEST_KDF_COST, 'the vault')
    const forged = { ...lock, check: key.seal('not the check value') }

    expect(caught(() => SealingKey.unlock('a passphrase', forged, 'the vault')).code).toBe(
      'VAULT_TAMPERED',
    )
  })

  it('refuses a file whose scrypt costs would exhaust memory before deriving anything', () => {
    const { lock } = SealingKey.create('a passphrase', TEST_KDF_COST, 'this file')
    const hostile = { ...lock, kdf: { ...lock.kdf, N: 2 ** 20, r: 32 } }

    expect(PassphraseLock.safeParse(hostile).success).toBe(false)
    expect(ScryptParams.safeParse({ ...lock.kdf, N: 3000 }).success).toBe(false)
  })
})
