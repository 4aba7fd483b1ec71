// The signed-in user's say over a device: remember it (it may then stand in for the MFA code), or
// not, or forget it altogether (its key is unknown from then on).
// @see https://docs.aws.amazon.com/cognito/latest/developerguide/amazon-cognito-user-pools-device-tracking.html
import type { PoolContext } from '../pool-context'
import type { PoolDevice } from '../device-registry'
import { optionalMember, requireMember, type Params } from '../request-params'
import { userFromAccessToken } from '../access-token-user'
import { MAX_DEVICE_KEY } from '../device-sign-in'
import { cognitoErrors } from '../cognito-errors'

/** Cognito's DeviceRememberedStatusType enum. */
const REMEMBERED_STATUSES = ['remembered', 'not_remembered'] as const

/**
 * UpdateDeviceStatus: DeviceRememberedStatus `remembered` or `not_remembered`.
 * @see https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_UpdateDeviceStatus.html
 */
export async function updateDeviceStatus(
  ctx: PoolContext,
  input: Params,
): Promise<Record<string, never>> {
  const device = await deviceOfToken(ctx, input, requireMember(input, 'AccessToken', 8192))
  const status = optionalMember(input, 'DeviceRememberedStatus', 32)
  if (status === undefined) return {}
  if (!(REMEMBERED_STATUSES as readonly string[]).includes(status)) {
    throw cognitoErrors.enumValue(status, 'deviceRememberedStatus', REMEMBERED_STATUSES)
  }
  device.remembered = status === 'remembered'
  return {}
}

/**
 * ForgetDevice: the device is no longer tracked; signing in with its key is ResourceNotFound.
 * @see https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_ForgetDevice.html
 */
export async function forgetDevice(
  ctx: PoolContext,
  input: Params,
): Promise<Record<string, never>> {
  // The API marks AccessToken optional, but without it nothing says whose device this is.
  const token = optionalMember(input, 'AccessToken', 8192)
  if (token === undefined) throw cognitoErrors.invalidAccessToken()
  ctx.pool.devices.forget(await deviceOfToken(ctx, input, token))
  return {}
}

/** The device named by DeviceKey, if it belongs to the access token's user. */
async function deviceOfToken(ctx: PoolContext, input: Params, token: string): Promise<PoolDevice> {
  const user = await userFromAccessToken(ctx, token)
  const device = ctx.pool.devices.find(
    user.username,
    requireMember(input, 'DeviceKey', MAX_DEVICE_KEY),
  )
  if (device === undefined) throw cognitoErrors.deviceNotFound()
  return device
}
