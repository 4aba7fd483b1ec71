// A device Cognito no longer knows (forgotten with ForgetDevice, or never this user's): Cognito
// refuses the answer that presents it with ResourceNotFoundException, and AWS's own clients send
// the same answer again without DEVICE_KEY. The run does the same, and says so.
// @see https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_ForgetDevice.html
import type { AuthAnswer, CognitoSignIn } from './cognito-sign-in'

/**
 * Runs `send`; when Cognito answers that the device is gone, records why and runs it again
 * without the device (MFA then applies, and the tokens bring a new device key).
 * @see https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_RespondToAuthChallenge.html#API_RespondToAuthChallenge_Errors
 */
export async function withoutForgottenDevice(
  signIn: CognitoSignIn,
  send: () => Promise<AuthAnswer>,
): Promise<AuthAnswer> {
  try {
    return await send()
  } catch (error) {
    const device = signIn.device
    if (device === undefined || !isDeviceGone(error)) throw error
    signIn.ctx.check(
      {
        title: 'Cognito no longer knows this device: sign in without it',
        explain: 'cognito.device-forgotten',
      },
      [
        {
          code: 'COGNITO_DEVICE_FORGOTTEN',
          severity: 'warning',
          message: `Cognito answered "${error.message}" for device ${device.deviceKey}: it was forgotten (ForgetDevice), or it is not this user's.`,
          hint: "The same answer goes again without DEVICE_KEY, as AWS's own clients do: MFA applies as on a new device, and the tokens bring a new device key to remember.",
          ref: 'AWS Cognito API Reference, ForgetDevice',
        },
      ],
      { DEVICE_KEY: device.deviceKey },
    )
    signIn.device = undefined
    return send()
  }
}

/** ResourceNotFoundException about a device; the same exception also means "no such client". */
function isDeviceGone(error: unknown): error is Error {
  return (
    error instanceof Error &&
    error.name === 'ResourceNotFoundException' &&
    /device/i.test(error.message)
  )
}
