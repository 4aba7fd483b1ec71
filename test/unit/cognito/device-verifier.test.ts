// The device verifier ConfirmDevice sends (DeviceSecretVerifierConfig) is byte for byte what AWS's
// own client, amazon-cognito-identity-js, makes from the same random bytes: the device password,
// the salt and the verifier, with salts and verifiers on both sides of Cognito's sign byte.
import { afterEach, describe, expect, it, vi } from 'vitest'
import { createDeviceVerifier } from '../../../electron/core/cognito/device-verifier'
import { acij } from '../../helpers/acij-oracle'
import { createSeededRandom } from '../../helpers/seeded-random'

/** The members of AuthenticationHelper that make a device verifier, untyped by the library. */
type DeviceHelper = {
  generateHashDevice(groupKey: string, deviceKey: string, callback: (e: unknown) => void): void
  getRandomPassword(): string
  getSaltDevices(): string
  getVerifierDevices(): string
}
const DeviceHelperClass = acij.AuthenticationHelper as unknown as new (pool: string) => DeviceHelper

/** acij draws 40 bytes for the password, then 16 for the salt (the 11th 32-bit word onwards). */
const SALT_FIRST_WORD = 10

/**
 * Runs generateHashDevice with acij's randomness (crypto.getRandomValues, one 32-bit word at a
 * time) drawn from a seed, and returns its DeviceSecretVerifierConfig and the bytes it drew.
 */
function acijDeviceVerifier(
  seed: string,
  groupKey: string,
  deviceKey: string,
  saltTopBit: boolean,
) {
  // Made first: the constructor draws its own SRP a, which is not the device's business.
  const helper = new DeviceHelperClass('unused')
  const random = createSeededRandom(seed)
  const drawn: Buffer[] = []
  let word = 0
  vi.spyOn(globalThis.crypto, 'getRandomValues').mockImplementation((array) => {
    const view = array as Uint32Array
    for (let index = 0; index < view.length; index++, word++) {
      const bytes = random(4)
      if (word === SALT_FIRST_WORD) {
        bytes[0] = saltTopBit ? (bytes[0] ?? 0) | 0x80 : (bytes[0] ?? 0) & 0x7f
      }
      drawn.push(bytes)
      view[index] = bytes.readUInt32BE(0)
    }
    return array
  })
  let failure: unknown
  helper.generateHashDevice(groupKey, deviceKey, (error) => (failure = error))
  vi.restoreAllMocks()
  if (failure) throw failure
  return {
    drawn: Buffer.concat(drawn),
    devicePassword: helper.getRandomPassword(),
    salt: Buffer.from(helper.getSaltDevices(), 'hex').toString('base64'),
    passwordVerifier: Buffer.from(helper.getVerifierDevices(), 'hex').toString('base64'),
  }
}

/** Hands out `bytes` in order, as the core's random(bytes) would. */
function replay(bytes: Buffer): (count: number) => Buffer {
  let offset = 0
  return (count) => bytes.subarray(offset, (offset += count))
}

afterEach(() => {
  vi.restoreAllMocks()
})

describe('device verifier: byte-equal to AuthenticationHelper.generateHashDevice', () => {
  const cases = Array.from({ length: 12 }, (_, index) => ({
    seed: `device-verifier-${index}`,
    groupKey:
      index % 3 === 0 ? '-wt2ha1Zd' : createSeededRandom(`group-${index}`)(7).toString('base64url'),
    deviceKey: `us-east-1_${createSeededRandom(`key-${index}`)(16)
      .toString('hex')
      .replace(/^(.{8})(.{4})(.{4})(.{4})/, '$1-$2-$3-$4-')}`,
    saltTopBit: index % 2 === 0,
  }))

  it.each(
    cases.map((c) => [`${c.seed}, salt top bit ${c.saltTopBit ? 'set' : 'clear'}`, c] as const),
  )('%s', (_label, c) => {
    const theirs = acijDeviceVerifier(c.seed, c.groupKey, c.deviceKey, c.saltTopBit)

    const ours = createDeviceVerifier({
      deviceGroupKey: c.groupKey,
      deviceKey: c.deviceKey,
      random: replay(theirs.drawn),
    })

    expect(ours).toEqual({
      devicePassword: theirs.devicePassword,
      salt: theirs.salt,
      passwordVerifier: theirs.passwordVerifier,
    })
    // Cognito's PAD: a salt whose top bit is set gains a 00 byte in front.
    expect(Buffer.from(ours.salt, 'base64').length).toBe(c.saltTopBit ? 17 : 16)
  })

  it('makes a 40-byte device password and a new salt every time', () => {
    const first = createDeviceVerifier({ deviceGroupKey: 'g', deviceKey: 'us-east-1_a' })
    const second = createDeviceVerifier({ deviceGroupKey: 'g', deviceKey: 'us-east-1_a' })

    expect(Buffer.from(first.devicePassword, 'base64')).toHaveLength(40)
    expect(second.devicePassword).not.toBe(first.devicePassword)
    expect(second.salt).not.toBe(first.salt)
    expect(second.passwordVerifier).not.toBe(first.passwordVerifier)
  })
})
