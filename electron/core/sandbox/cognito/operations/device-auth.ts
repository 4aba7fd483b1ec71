// A remembered device proves itself in place of the MFA code: DEVICE_SRP_AUTH (the device key and
// SRP_A) is answered with DEVICE_PASSWORD_VERIFIER (SRP_B, SALT and SECRET_BLOCK from the verifier
// ConfirmDevice stored), and the claim signed with the device's secret gives the tokens. It is
// the user's SRP again, with the device group key as the "pool name" and the device key as the
// user name.
// @see https://docs.aws.amazon.com/cognito/latest/developerguide/amazon-cognito-user-pools-device-tracking.html
import type { PoolContext } from '../pool-context'
import type { PoolClient, PoolUser } from '../pool-state'
import type { AuthSession } from '../session-store'
import { challenge, continueSignIn, type AuthResponse } from '../sign-in-steps'
import { requireParam, type Params } from '../request-params'
import { canProveDevice, MAX_DEVICE_KEY } from '../device-sign-in'
import { cognitoErrors } from '../cognito-errors'
import { isClaimProven, MAX_SRP_A_HEX, startServerProof } from './srp-auth'

/**
 * RespondToAuthChallenge(DEVICE_SRP_AUTH): DEVICE_KEY and SRP_A; answered with
 * DEVICE_PASSWORD_VERIFIER for that device, which the next session remembers.
 * @see https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_RespondToAuthChallenge.html#CognitoUserPools-RespondToAuthChallenge-request-ChallengeResponses
 */
export async function answerDeviceSrpAuth(
  ctx: PoolContext,
  client: PoolClient,
  user: PoolUser,
  responses: Params,
): Promise<AuthResponse> {
  const deviceKey = requireParam(responses, 'DEVICE_KEY', MAX_DEVICE_KEY)
  const srpA = requireParam(responses, 'SRP_A', MAX_SRP_A_HEX)
  const device = ctx.pool.devices.find(user.username, deviceKey)
  // Forgotten or set not remembered since the password step: it cannot stand in for MFA now.
  if (!canProveDevice(device)) throw cognitoErrors.deviceNotFound()
  const srp = startServerProof(device.verifier, srpA)
  return challenge(
    ctx,
    user,
    client,
    'DEVICE_PASSWORD_VERIFIER',
    false,
    {
      SRP_B: srp.B,
      SALT: device.verifier.salt,
      SECRET_BLOCK: srp.secretBlock,
      USERNAME: user.username,
      DEVICE_KEY: device.key,
    },
    { deviceKey, srp: { challenge: srp, srpA, verifier: device.verifier } },
  )
}

/**
 * RespondToAuthChallenge(DEVICE_PASSWORD_VERIFIER): the claim signed with the device's secret
 * over the device group key and device key; a wrong one is "Incorrect username or password.", as
 * Cognito says it.
 * @see https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_RespondToAuthChallenge.html#CognitoUserPools-RespondToAuthChallenge-request-ChallengeResponses
 */
export async function answerDevicePasswordVerifier(
  ctx: PoolContext,
  client: PoolClient,
  user: PoolUser,
  responses: Params,
  session: AuthSession,
): Promise<AuthResponse> {
  const device =
    session.deviceKey === undefined
      ? undefined
      : ctx.pool.devices.find(user.username, session.deviceKey)
  if (device === undefined) throw cognitoErrors.deviceNotFound()
  const identity = { poolName: device.groupKey, userIdForSrp: device.key }
  if (!isClaimProven(ctx, session, identity, responses)) throw cognitoErrors.incorrectCredentials()
  return continueSignIn(ctx, user, client, true, device.key)
}
