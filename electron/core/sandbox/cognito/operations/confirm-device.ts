// ConfirmDevice: the signed-in user's app registers the device a sign-in announced, with the SRP
// verifier of a secret only the device knows. In this "User opt-in" pool the device is then
// tracked but not yet remembered: UserConfirmationNecessary says to ask the user.
// @see https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_ConfirmDevice.html
import { AfxError } from '../../../errors'
import { N } from '../../../cognito/srp-group'
import { decodeSecretBlock, parseSalt } from '../../../cognito/srp-parameters'
import type { PoolContext } from '../pool-context'
import type { SrpVerifier } from '../srp-server'
import {
  optionalMember,
  optionalParam,
  readMap,
  requireMember,
  type Params,
} from '../request-params'
import { userFromAccessToken } from '../access-token-user'
import { MAX_DEVICE_KEY } from '../device-sign-in'
import { DEVICE_CONFIGURATION } from '../pool-config'
import { cognitoErrors } from '../cognito-errors'

/** DeviceSecretVerifierConfigType's documented bound on Salt and PasswordVerifier. */
const MAX_VERIFIER_CONFIG = 131_072

/**
 * Confirms a device of the access token's user: stores its verifier (Salt and PasswordVerifier,
 * base64) and leaves it to UpdateDeviceStatus to remember it.
 * @see https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_ConfirmDevice.html
 */
export async function confirmDevice(
  ctx: PoolContext,
  input: Params,
): Promise<{ UserConfirmationNecessary: boolean }> {
  const user = await userFromAccessToken(ctx, requireMember(input, 'AccessToken', 8192))
  const key = requireMember(input, 'DeviceKey', MAX_DEVICE_KEY)
  optionalMember(input, 'DeviceName', 1024)
  const verifier = readDeviceVerifier(readMap(input, 'DeviceSecretVerifierConfig'))
  const device = ctx.pool.devices.find(user.username, key)
  if (device === undefined) throw cognitoErrors.invalidDeviceKey()
  device.verifier = verifier
  device.remembered = !DEVICE_CONFIGURATION.DeviceOnlyRememberedOnUserPrompt
  return { UserConfirmationNecessary: DEVICE_CONFIGURATION.DeviceOnlyRememberedOnUserPrompt }
}

/**
 * The verifier as the pool keeps it (hex, as SALT is sent), from the base64 of its bytes; none
 * when the config is empty (the API makes it optional: such a device can be tracked, never prove
 * itself). A verifier that is no SRP value (0, or not below N) is refused.
 * @see https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_DeviceSecretVerifierConfigType.html
 */
function readDeviceVerifier(config: Params): SrpVerifier | undefined {
  const salt = optionalParam(config, 'Salt', MAX_VERIFIER_CONFIG)
  const passwordVerifier = optionalParam(config, 'PasswordVerifier', MAX_VERIFIER_CONFIG)
  if (salt === undefined && passwordVerifier === undefined) return undefined
  try {
    const saltHex = decodeSecretBlock(salt ?? '').toString('hex')
    parseSalt(saltHex)
    const verifierHex = decodeSecretBlock(passwordVerifier ?? '').toString('hex')
    const v = BigInt(`0x${verifierHex}`)
    if (v === 0n || v >= N) throw cognitoErrors.invalidDeviceVerifier()
    return { salt: saltHex, verifier: verifierHex }
  } catch (error) {
    if (error instanceof AfxError) throw cognitoErrors.invalidDeviceVerifier()
    throw error
  }
}
