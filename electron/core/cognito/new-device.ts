// A new device Cognito announces with the tokens (NewDeviceMetadata) in a pool that tracks
// devices: noted on the answer that carried it, or, when the run was asked to, confirmed with the
// verifier of a fresh device password, remembered, and handed over as the three values to keep.
// @see https://docs.aws.amazon.com/cognito/latest/developerguide/amazon-cognito-user-pools-device-tracking.html
import type { AuthenticationResultType } from '@aws-sdk/client-cognito-identity-provider'
import type { Diagnostic } from '../../../shared/run-model'
import type { CognitoSignIn } from './cognito-sign-in'
import { createDeviceVerifier } from './device-verifier'

type NewDevice = { deviceKey: string; deviceGroupKey: string }

const REF = 'AWS Cognito API Reference, NewDeviceMetadataType and ConfirmDevice'
/** What Cognito lists the device as (ListDevices, the console). */
const DEVICE_NAME = 'Auth Flow Explorer'
const FORMULA =
  'verifier = g^H(PAD(salt) | H(DeviceGroupKey | DeviceKey | ":" | device password)) mod N'

/**
 * The device the tokens announce, when the run is to confirm it (`rememberDevice` given). Without
 * that, the announcement is only noted on the answer that carried it: confirming registers a
 * device on the user's account, which exploring a real pool should not do unasked.
 * @see https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_NewDeviceMetadataType.html
 */
export function offeredDevice(
  signIn: CognitoSignIn,
  result: AuthenticationResultType,
): NewDevice | undefined {
  const deviceKey = result.NewDeviceMetadata?.DeviceKey
  const deviceGroupKey = result.NewDeviceMetadata?.DeviceGroupKey
  if (!deviceKey || deviceGroupKey === undefined) return undefined
  if (signIn.input.rememberDevice !== undefined) return { deviceKey, deviceGroupKey }
  signIn.ctx.noteOnLastAnswer(() => [
    {
      code: 'COGNITO_NEW_DEVICE',
      severity: 'info',
      message: `This pool tracks devices: Cognito gave this sign-in a new device key, ${deviceKey} (device group key ${deviceGroupKey}).`,
      hint: 'Sign in with "remember this device" to confirm and remember it: sign-ins from here then prove the device instead of answering MFA.',
      ref: REF,
    },
  ])
  return undefined
}

/**
 * Makes the device password and its verifier, confirms the device with them (ConfirmDevice), sets
 * it remembered when the run was asked to (UpdateDeviceStatus), and ends with what to keep.
 * @see https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_ConfirmDevice.html
 * @see https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_UpdateDeviceStatus.html
 */
export async function confirmNewDevice(
  signIn: CognitoSignIn,
  result: AuthenticationResultType,
  device: NewDevice,
): Promise<void> {
  const { ctx, api, input } = signIn
  const { deviceKey, deviceGroupKey } = device
  const made = await ctx.compute(
    { title: 'Make a device password and its verifier', explain: 'cognito.device-verifier' },
    { DeviceKey: deviceKey, DeviceGroupKey: deviceGroupKey, formula: FORMULA },
    () => createDeviceVerifier({ deviceGroupKey, deviceKey }),
    (verifier) => ({
      devicePassword: ctx.secrets.add(verifier.devicePassword, 'device_password'),
      Salt: verifier.salt,
      PasswordVerifier: verifier.passwordVerifier,
    }),
  )
  const confirmed = await api.confirmDevice(
    {
      title: 'ConfirmDevice: register this device with its verifier',
      explain: 'cognito.confirm-device',
    },
    {
      AccessToken: result.AccessToken,
      DeviceKey: deviceKey,
      DeviceSecretVerifierConfig: { Salt: made.salt, PasswordVerifier: made.passwordVerifier },
      DeviceName: DEVICE_NAME,
    },
  )
  if (input.rememberDevice === true) {
    await api.updateDeviceStatus(
      { title: 'UpdateDeviceStatus: remember this device', explain: 'cognito.remember-device' },
      {
        AccessToken: result.AccessToken,
        DeviceKey: deviceKey,
        DeviceRememberedStatus: 'remembered',
      },
    )
  }
  // A pool that remembers every device ("Always") says so: no confirmation is necessary.
  const remembered = input.rememberDevice === true || confirmed.UserConfirmationNecessary === false
  ctx.check(
    { title: 'Keep these to sign in from this device again', explain: 'cognito.keep-device' },
    [whatToKeep(remembered)],
    {
      deviceKey,
      deviceGroupKey,
      devicePassword: ctx.secrets.add(made.devicePassword, 'device_password'),
      remembered,
    },
  )
}

function whatToKeep(remembered: boolean): Diagnostic {
  return {
    code: 'COGNITO_DEVICE_TO_KEEP',
    severity: 'info',
    message: remembered
      ? 'Keep these to sign in from this device again: with them, Cognito asks the device to prove itself (DEVICE_SRP_AUTH) instead of an MFA code.'
      : 'Keep these to sign in from this device again: the device is confirmed but not remembered, so MFA is still asked until it is remembered (UpdateDeviceStatus).',
    hint: 'Give the device key, device group key and device password together as the remembered device of the next sign-in. The device password was made here and exists nowhere else: reveal it to keep it.',
    ref: REF,
  }
}
