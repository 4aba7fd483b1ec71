import { describe, expect, it } from 'vitest'
import { N } from '../../../electron/core/cognito/srp-group'
import { modPowN } from '../../../electron/core/cognito/srp-mod-pow'
import { createSeededRandom } from '../../helpers/seeded-random'

/** Textbook square-and-multiply: slow, obviously right. */
function referenceModPow(base: bigint, exponent: bigint): bigint {
  let result = 1n
  let square = ((base % N) + N) % N
  for (let e = exponent; e > 0n; e >>= 1n) {
    if (e & 1n) result = (result * square) % N
    square = (square * square) % N
  }
  return result
}

const toBigInt = (bytes: Buffer) => BigInt(`0x${bytes.toString('hex')}`)

describe('modPowN', () => {
  const random = createSeededRandom('mod-pow')

  it.each([
    ['a 1024-bit exponent, as a and b are', 128],
    ['a 256-bit exponent, as x and u are', 32],
    ['an exponent longer than N', 600],
    ['a one-byte exponent', 1],
  ])('agrees with BigInt arithmetic for random bases and %s', (_name, exponentBytes) => {
    for (let i = 0; i < 4; i++) {
      const base = toBigInt(random(384)) % N
      const exponent = toBigInt(random(exponentBytes))
      expect(modPowN(base, exponent)).toBe(referenceModPow(base, exponent))
    }
  })

  it.each([
    ['0', 0n],
    ['1', 1n],
    ['2', 2n],
    ['N - 1', N - 1n],
    ['N', N],
    ['N + 2', N + 2n],
    ['a negative number', -(2n ** 1500n) - 3n],
    ['a number far above N', N ** 2n + 5n],
  ])('handles the base %s', (_name, base) => {
    const exponent = toBigInt(random(64))
    expect(modPowN(base, exponent)).toBe(referenceModPow(base, exponent))
  })

  it('returns 1 for the exponent 0 and base^1 mod N for the exponent 1', () => {
    expect(modPowN(12345n, 0n)).toBe(1n)
    expect(modPowN(N + 7n, 1n)).toBe(7n)
  })

  it('follows Fermat: base^(N-1) = 1 mod N, for exponents longer than N', () => {
    const base = toBigInt(random(100))
    expect(modPowN(base, N - 1n)).toBe(1n)
    expect(modPowN(base, 3n * (N - 1n) + 2n)).toBe(referenceModPow(base, 2n))
  })

  it('returns 1 and N - 1, results OpenSSL refuses to hand out', () => {
    const q = (N - 1n) / 2n
    const results = [2n, 3n, 5n, 7n].map((base) => modPowN(base, q))
    expect(results).toEqual([2n, 3n, 5n, 7n].map((base) => referenceModPow(base, q)))
    expect(new Set(results)).toEqual(new Set([1n, N - 1n]))
  })

  it('refuses a negative exponent', () => {
    expect(() => modPowN(2n, -1n)).toThrow(RangeError)
  })
})
