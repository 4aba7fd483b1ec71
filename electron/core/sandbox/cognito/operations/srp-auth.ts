// USER_SRP_AUTH: InitiateAuth answers PASSWORD_VERIFIER with SRP_B, SALT and SECRET_BLOCK; the
// client's PASSWORD_CLAIM_SIGNATURE proves the password without sending it.
// @see https://docs.aws.amazon.com/cognito/latest/developerguide/amazon-cognito-user-pools-authentication-flow-methods.html#amazon-cognito-user-pools-user-srp-auth
import { AfxError } from '../../../errors'
import {
  createSrpServerChallenge,
  verifyPasswordClaim,
  type SrpServerChallenge,
  type SrpVerifier,
} from '../srp-server'
import type { PoolContext } from '../pool-context'
import type { PoolClient, PoolUser } from '../pool-state'
import type { AuthSession } from '../session-store'
import { continueSignIn, type AuthResponse } from '../sign-in-steps'
import { issueCustomChallenge } from '../custom-challenge'
import { optionalParam, requireParam, type Params } from '../request-params'
import { checkSecretHash } from '../client-auth'
import { createDecoyVerifier } from '../password-check'
import { isTimestampFresh, parseSrpTimestamp } from '../srp-timestamp'
import { POOL_NAME } from '../pool-config'
import { cognitoErrors } from '../cognito-errors'
import { MAX_DEVICE_KEY } from '../device-sign-in'

/** Hex digits of SRP_A read at most; the SRP code refuses anything longer than N anyway. */
export const MAX_SRP_A_HEX = 1024

/**
 * InitiateAuth(USER_SRP_AUTH): USERNAME (or an alias) and SRP_A.
 * @see https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_InitiateAuth.html#CognitoUserPools-InitiateAuth-request-AuthParameters
 */
export async function startSrpAuth(
  ctx: PoolContext,
  client: PoolClient,
  params: Params,
): Promise<AuthResponse> {
  const username = requireParam(params, 'USERNAME', 128)
  const srpA = requireParam(params, 'SRP_A', MAX_SRP_A_HEX)
  checkSecretHash(client, username, optionalParam(params, 'SECRET_HASH', 128))
  const deviceKey = optionalParam(params, 'DEVICE_KEY', MAX_DEVICE_KEY)
  return beginSrp(ctx, client, username, srpA, false, deviceKey)
}

/**
 * Issues PASSWORD_VERIFIER. An unknown user gets a decoy verifier, so the answer looks the same
 * and the failure comes only after the proof, as "Incorrect username or password.". A DEVICE_KEY
 * given now stays with the sign-in (the PASSWORD_VERIFIER answer may name one too).
 * @see https://docs.aws.amazon.com/cognito/latest/developerguide/cognito-user-pool-managing-errors.html
 */
export function beginSrp(
  ctx: PoolContext,
  client: PoolClient,
  signInName: string,
  srpA: string,
  customAfterPassword: boolean,
  deviceKey?: string,
): AuthResponse {
  const user = ctx.pool.findUser(signInName)
  const userIdForSrp = user?.username ?? signInName
  const verifier = user?.verifier ?? createDecoyVerifier(signInName)
  const srp = startServerProof(verifier, srpA)
  const session = ctx.sessions.create({
    username: userIdForSrp,
    clientId: client.clientId,
    challenge: 'PASSWORD_VERIFIER',
    mfaDone: false,
    customAfterPassword,
    srp: { challenge: srp, srpA, verifier },
    deviceKey,
  })
  return {
    ChallengeName: 'PASSWORD_VERIFIER',
    ChallengeParameters: {
      SALT: verifier.salt,
      SECRET_BLOCK: srp.secretBlock,
      SRP_B: srp.B,
      USERNAME: userIdForSrp,
      USER_ID_FOR_SRP: userIdForSrp,
    },
    Session: session,
  }
}

/**
 * SRP_B for a verifier (of the user's password, or of a device's secret); an invalid SRP_A is
 * refused now, with Cognito's words.
 * @see RFC 5054 §2.5.4 (the host aborts if A % N is zero)
 */
export function startServerProof(verifier: SrpVerifier, srpA: string): SrpServerChallenge {
  try {
    return createSrpServerChallenge(verifier, srpA)
  } catch (error) {
    if (error instanceof AfxError) throw cognitoErrors.invalidSrpA()
    throw error
  }
}

/**
 * RespondToAuthChallenge(PASSWORD_VERIFIER): checks TIMESTAMP and PASSWORD_CLAIM_SIGNATURE.
 * `user` is undefined when USERNAME does not designate the session's user (or no such user).
 * @see https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_RespondToAuthChallenge.html#CognitoUserPools-RespondToAuthChallenge-request-ChallengeResponses
 */
export async function answerPasswordVerifier(
  ctx: PoolContext,
  client: PoolClient,
  session: AuthSession,
  responses: Params,
  user: PoolUser | undefined,
): Promise<AuthResponse> {
  const identity = { poolName: POOL_NAME, userIdForSrp: session.username }
  if (!isClaimProven(ctx, session, identity, responses) || user === undefined) {
    throw cognitoErrors.incorrectCredentials()
  }
  if (session.customAfterPassword === true) return issueCustomChallenge(ctx, user, client)
  return continueSignIn(ctx, user, client, false, session.deviceKey)
}

/**
 * Checks the claim of a PASSWORD_VERIFIER or DEVICE_PASSWORD_VERIFIER answer against the
 * session's SRP values: the signature over `identity` (the pool name and USER_ID_FOR_SRP, or a
 * device's group key and key), the secret block issued, and a TIMESTAMP close to now.
 * @see https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_RespondToAuthChallenge.html#CognitoUserPools-RespondToAuthChallenge-request-ChallengeResponses
 */
export function isClaimProven(
  ctx: PoolContext,
  session: AuthSession,
  identity: { poolName: string; userIdForSrp: string },
  responses: Params,
): boolean {
  const signature = requireParam(responses, 'PASSWORD_CLAIM_SIGNATURE', 128)
  const secretBlock = requireParam(responses, 'PASSWORD_CLAIM_SECRET_BLOCK', 4096)
  const timestamp = requireParam(responses, 'TIMESTAMP', 64)
  const timestampMs = parseSrpTimestamp(timestamp)
  const { srp } = session
  if (srp === undefined) throw cognitoErrors.sessionInvalid()
  try {
    const valid = verifyPasswordClaim({
      ...identity,
      verifier: srp.verifier,
      challenge: srp.challenge,
      srpA: srp.srpA,
      secretBlock,
      timestamp,
      signature,
    })
    return valid && isTimestampFresh(timestampMs, ctx.now())
  } catch (error) {
    // A malformed block or signature is a failed proof, not a crash.
    if (error instanceof AfxError) return false
    throw error
  }
}
