// The secret a device keeps and the SRP verifier Cognito keeps for it (ConfirmDevice's
// DeviceSecretVerifierConfig): the user's SRP verifier again, with the device group key in the
// pool name's place, the device key as the user name and a random device password.
// @see https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_DeviceSecretVerifierConfigType.html
// @see RFC 5054 §2.4 (v = g^x % N); Cognito's variant as amazon-cognito-identity-js's
// AuthenticationHelper.generateHashDevice computes it
import { randomBytes } from 'node:crypto'
import { computeX, g, padHex } from './srp-group'
import { modPowN } from './srp-mod-pow'

/** 40 random bytes, base64: what AWS's JavaScript client makes a device password of. */
const DEVICE_PASSWORD_BYTES = 40
/** Cognito's salts are 16 bytes. */
const SALT_BYTES = 16

export type DeviceVerifier = {
  /** The device's secret: it signs the device's proofs and never leaves the device. */
  devicePassword: string
  /** DeviceSecretVerifierConfig.Salt: the salt's bytes (Cognito's PAD), base64. */
  salt: string
  /** DeviceSecretVerifierConfig.PasswordVerifier: v = g^x mod N as bytes (PAD), base64. */
  passwordVerifier: string
}

/**
 * Draws a device password and a salt, and computes the verifier
 * v = g^H(PAD(salt) | H(DeviceGroupKey | DeviceKey | ":" | password)) mod N.
 * @see RFC 5054 §2.4; AWS Cognito API Reference, ConfirmDevice (DeviceSecretVerifierConfig)
 */
export function createDeviceVerifier(input: {
  deviceGroupKey: string
  deviceKey: string
  random?: (bytes: number) => Buffer
}): DeviceVerifier {
  const random = input.random ?? randomBytes
  const devicePassword = random(DEVICE_PASSWORD_BYTES).toString('base64')
  const salt = BigInt(`0x${random(SALT_BYTES).toString('hex')}`)
  const x = computeX(salt, input.deviceGroupKey, input.deviceKey, devicePassword)
  return {
    devicePassword,
    salt: base64OfHex(padHex(salt)),
    passwordVerifier: base64OfHex(padHex(modPowN(g, x))),
  }
}

function base64OfHex(hex: string): string {
  return Buffer.from(hex, 'hex').toString('base64')
}
