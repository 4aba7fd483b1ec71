// A remembered device proves itself instead of an MFA code: DEVICE_SRP_AUTH sends the device key
// and a fresh SRP_A, and DEVICE_PASSWORD_VERIFIER signs the claim with the device password. The
// SRP is the user's, with the device group key as the "pool name" and the device key as the user.
// @see https://docs.aws.amazon.com/cognito/latest/developerguide/amazon-cognito-user-pools-device-tracking.html
import type { CognitoRememberedDevice } from '../../../shared/cognito-flow-input'
import { AfxError } from '../errors'
import { DiagnosedFailure } from '../runs/describe-run-failure'
import { respondToChallenge, type AuthAnswer, type CognitoSignIn } from './cognito-sign-in'
import { computePasswordVerifierResponse, createSrpClientSession } from './srp'

const REF = 'AWS Cognito API Reference, RespondToAuthChallenge (ChallengeResponses)'

/**
 * DEVICE_SRP_AUTH: draws the device's own a and answers with DEVICE_KEY and SRP_A.
 * @see https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_RespondToAuthChallenge.html#CognitoUserPools-RespondToAuthChallenge-request-ChallengeResponses
 */
export async function answerDeviceSrpAuth(
  signIn: CognitoSignIn,
  challenge: AuthAnswer,
): Promise<AuthAnswer> {
  const { ctx, input } = signIn
  const device = presentedDevice(signIn, 'DEVICE_SRP_AUTH')
  signIn.deviceSrp = await ctx.compute(
    { title: "Make the device's SRP a and A", explain: 'cognito.device-srp-a' },
    { DEVICE_KEY: device.deviceKey, DeviceGroupKey: device.deviceGroupKey },
    // a and A do not depend on the pool name; the device's proof hashes its group key there.
    () => ({
      ...createSrpClientSession({ poolId: input.userPoolId }),
      poolName: device.deviceGroupKey,
    }),
    (session) => ({ a: ctx.secrets.add(session.a.toString(16), 'device_srp_a'), A: session.A }),
  )
  return respondToChallenge(
    signIn,
    {
      title: 'RespondToAuthChallenge (DEVICE_SRP_AUTH): the device key and its SRP_A',
      explain: 'cognito.device-srp-auth',
    },
    challenge,
    { DEVICE_KEY: device.deviceKey, SRP_A: signIn.deviceSrp.A },
  )
}

/**
 * DEVICE_PASSWORD_VERIFIER: signs the claim with the device password over the device group key,
 * the device key, SECRET_BLOCK and TIMESTAMP. Cognito refuses a wrong one as it refuses a wrong
 * user password, so the run says what it means here.
 * @see https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_RespondToAuthChallenge.html#CognitoUserPools-RespondToAuthChallenge-request-ChallengeResponses
 */
export async function answerDevicePasswordVerifier(
  signIn: CognitoSignIn,
  challenge: AuthAnswer,
): Promise<AuthAnswer> {
  const { ctx, deviceSrp } = signIn
  const device = presentedDevice(signIn, 'DEVICE_PASSWORD_VERIFIER')
  if (deviceSrp === undefined) {
    throw new AfxError(
      'COGNITO_UNEXPECTED_RESPONSE',
      'Cognito asked for DEVICE_PASSWORD_VERIFIER before the device sent its SRP_A.',
      { hint: 'DEVICE_PASSWORD_VERIFIER answers DEVICE_SRP_AUTH, never comes first.', ref: REF },
    )
  }
  const params = challenge.ChallengeParameters ?? {}
  const claim = await ctx.compute(
    { title: "Compute the device's password claim", explain: 'cognito.device-claim' },
    {
      DEVICE_KEY: device.deviceKey,
      DeviceGroupKey: device.deviceGroupKey,
      devicePassword: ctx.secrets.add(device.devicePassword, 'device_password'),
      SRP_B: params.SRP_B,
      SALT: params.SALT,
      SECRET_BLOCK: params.SECRET_BLOCK,
    },
    () =>
      computePasswordVerifierResponse({
        session: deviceSrp,
        userIdForSrp: device.deviceKey,
        password: device.devicePassword,
        srpB: params.SRP_B ?? '',
        salt: params.SALT ?? '',
        secretBlock: params.SECRET_BLOCK ?? '',
      }),
    (result) => ({
      u: result.u,
      x: ctx.secrets.add(result.x, 'device_srp_x'),
      S: ctx.secrets.add(result.S, 'device_srp_S'),
      hkdfKey: ctx.secrets.add(result.hkdfKey, 'device_hkdf_key'),
      TIMESTAMP: result.timestamp,
      PASSWORD_CLAIM_SIGNATURE: ctx.secrets.add(result.signature, 'PASSWORD_CLAIM_SIGNATURE'),
    }),
  )
  try {
    return await respondToChallenge(
      signIn,
      {
        title: "RespondToAuthChallenge (DEVICE_PASSWORD_VERIFIER): the device's signed claim",
        explain: 'cognito.device-password-verifier',
      },
      challenge,
      // The claim names the device key as USERNAME; the answer names the user, as every one does.
      { ...claim.challengeResponses, USERNAME: signIn.userId, DEVICE_KEY: device.deviceKey },
    )
  } catch (error) {
    // Other refusals (an expired session) say what they mean already.
    if (!(error instanceof Error) || !/Incorrect username or password/i.test(error.message)) {
      throw error
    }
    throw new DiagnosedFailure([deviceRefused(device, error.message)], { cause: error })
  }
}

/** The device a device challenge is about: the one this sign-in presents. */
function presentedDevice(signIn: CognitoSignIn, challenge: string): CognitoRememberedDevice {
  if (signIn.device !== undefined) return signIn.device
  throw new AfxError(
    'COGNITO_UNEXPECTED_RESPONSE',
    `Cognito asked for ${challenge}, but this sign-in presents no remembered device.`,
    {
      hint: 'Cognito asks a device to prove itself only when the sign-in sent its DEVICE_KEY: a proxy or an emulator may have changed the answer.',
      ref: REF,
    },
  )
}

function deviceRefused(device: CognitoRememberedDevice, words: string) {
  return {
    code: 'COGNITO_DEVICE_PROOF_REJECTED',
    severity: 'error' as const,
    message: `Cognito refused the proof of device ${device.deviceKey} with NotAuthorizedException: "${words}". The user's password was accepted; the device password or device group key is not the one this device was confirmed with.`,
    hint: 'Give the device key, device group key and device password kept together when the device was remembered. If the device password is lost, sign in without the device: the tokens bring a new device key to remember.',
    ref: REF,
  }
}
