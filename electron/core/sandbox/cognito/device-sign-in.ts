// What device tracking changes in a sign-in: the DEVICE_KEY a client presents must be one of the
// user's devices, a remembered one proves itself in place of the MFA code, and tokens issued
// without a known device announce a new one (NewDeviceMetadata).
// @see https://docs.aws.amazon.com/cognito/latest/developerguide/amazon-cognito-user-pools-device-tracking.html
import type { PoolContext } from './pool-context'
import type { PoolUser } from './pool-state'
import type { PoolDevice } from './device-registry'
import type { AuthenticationResult } from './cognito-tokens'
import { cognitoErrors } from './cognito-errors'
import { DEVICE_CONFIGURATION } from './pool-config'

/** NewDeviceMetadata.DeviceKey's documented maximum length. */
export const MAX_DEVICE_KEY = 55

/**
 * The device a sign-in presents, if any. A key the user does not have (forgotten, or never
 * theirs) is ResourceNotFoundException, which AWS's clients answer by trying again without it.
 * @see https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_InitiateAuth.html#CognitoUserPools-InitiateAuth-request-AuthParameters
 */
export function presentedDevice(
  ctx: PoolContext,
  user: PoolUser,
  deviceKey: string | undefined,
): PoolDevice | undefined {
  if (deviceKey === undefined) return undefined
  const device = ctx.pool.devices.find(user.username, deviceKey)
  if (device === undefined) throw cognitoErrors.deviceNotFound()
  return device
}

/**
 * Whether the device may prove itself instead of the second factor: the pool lets remembered
 * devices do so (ChallengeRequiredOnNewDevice), and this one is remembered and confirmed with a
 * verifier to prove against.
 * @see https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_DeviceConfigurationType.html
 */
export function canProveDevice(device: PoolDevice | undefined): device is PoolDevice & {
  verifier: NonNullable<PoolDevice['verifier']>
} {
  return (
    DEVICE_CONFIGURATION.ChallengeRequiredOnNewDevice &&
    device?.remembered === true &&
    device.verifier !== undefined
  )
}

/**
 * NewDeviceMetadata for tokens issued without a known device (a new device of the user, not yet
 * confirmed); nothing when the sign-in came from one of the user's devices.
 * @see https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_NewDeviceMetadataType.html
 */
export function newDeviceMetadata(
  ctx: PoolContext,
  user: PoolUser,
  deviceKey: string | undefined,
): Pick<AuthenticationResult, 'NewDeviceMetadata'> {
  if (deviceKey !== undefined && ctx.pool.devices.find(user.username, deviceKey) !== undefined) {
    return {}
  }
  const device = ctx.pool.devices.create(user.username)
  return { NewDeviceMetadata: { DeviceKey: device.key, DeviceGroupKey: device.groupKey } }
}
