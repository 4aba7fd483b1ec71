// RespondToAuthChallenge: takes the single-use session, checks it was issued to this client for
// this challenge and this user, checks SECRET_HASH, then hands the answer to the challenge.
// @see https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_RespondToAuthChallenge.html
import type { PoolContext } from '../pool-context'
import type { PoolClient, PoolUser } from '../pool-state'
import type { AuthSession, ChallengeName } from '../session-store'
import type { AuthResponse } from '../sign-in-steps'
import { optionalParam, readMap, requireMember, requireParam, type Params } from '../request-params'
import { checkSecretHash, resolveClient } from '../client-auth'
import { CognitoException, cognitoErrors, DEVICE_NOT_FOUND } from '../cognito-errors'
import { MAX_DEVICE_KEY } from '../device-sign-in'
import { answerPasswordVerifier } from './srp-auth'
import { answerCustomChallenge } from './custom-auth'
import { answerNewPassword } from './new-password'
import { answerMfaCode, answerMfaSetup, answerSelectMfaType } from './mfa-answers'
import { answerSelectChallenge } from './user-auth'
import { answerDevicePasswordVerifier, answerDeviceSrpAuth } from './device-auth'

type Answer = (
  ctx: PoolContext,
  client: PoolClient,
  user: PoolUser,
  responses: Params,
  session: AuthSession,
) => Promise<AuthResponse>

/** Answers for a known user; PASSWORD_VERIFIER and SELECT_CHALLENGE also take an unknown one. */
const ANSWERS: Readonly<
  Record<Exclude<ChallengeName, 'PASSWORD_VERIFIER' | 'SELECT_CHALLENGE'>, Answer>
> = {
  CUSTOM_CHALLENGE: answerCustomChallenge,
  NEW_PASSWORD_REQUIRED: answerNewPassword,
  SMS_MFA: answerMfaCode,
  EMAIL_OTP: answerMfaCode,
  SMS_OTP: answerMfaCode,
  SOFTWARE_TOKEN_MFA: answerMfaCode,
  SELECT_MFA_TYPE: answerSelectMfaType,
  MFA_SETUP: answerMfaSetup,
  DEVICE_SRP_AUTH: answerDeviceSrpAuth,
  DEVICE_PASSWORD_VERIFIER: answerDevicePasswordVerifier,
}
/** Cognito's ChallengeNameType enum, for its validation message. */
const CHALLENGE_NAME_TYPES = [
  'SMS_MFA',
  'EMAIL_OTP',
  'SOFTWARE_TOKEN_MFA',
  'SELECT_MFA_TYPE',
  'MFA_SETUP',
  'PASSWORD_VERIFIER',
  'CUSTOM_CHALLENGE',
  'SELECT_CHALLENGE',
  'DEVICE_SRP_AUTH',
  'DEVICE_PASSWORD_VERIFIER',
  'ADMIN_NO_SRP_AUTH',
  'NEW_PASSWORD_REQUIRED',
  'SMS_OTP',
  'PASSWORD',
  'WEB_AUTHN',
  'PASSWORD_SRP',
] as const

/**
 * Answers the challenge the session expects; anything else about the session is refused.
 * @see https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_RespondToAuthChallenge.html
 */
export async function respondToAuthChallenge(
  ctx: PoolContext,
  input: Params,
): Promise<AuthResponse> {
  const challengeName = requireMember(input, 'ChallengeName', 64)
  if (!(CHALLENGE_NAME_TYPES as readonly string[]).includes(challengeName)) {
    throw cognitoErrors.enumValue(challengeName, 'challengeName', CHALLENGE_NAME_TYPES)
  }
  const client = resolveClient(ctx, requireMember(input, 'ClientId', 128))
  const responses = readMap(input, 'ChallengeResponses')
  if (input.Session === undefined || input.Session === null) {
    throw cognitoErrors.missingParameter('Session')
  }
  const sessionId = requireMember(input, 'Session', 2048)
  const session = ctx.sessions.consume(sessionId)
  // A session answers one challenge for one client: replaying it elsewhere is refused.
  if (session.clientId !== client.clientId || session.challenge !== challengeName) {
    throw cognitoErrors.sessionInvalid()
  }
  // Clients repeat DEVICE_KEY with their answers; the latest one named is the sign-in's device.
  session.deviceKey = optionalParam(responses, 'DEVICE_KEY', MAX_DEVICE_KEY) ?? session.deviceKey
  const named = ctx.pool.findUser(requireParam(responses, 'USERNAME', 128))
  // Cognito hashes the internal user name here (USER_ID_FOR_SRP), even after an alias sign-in.
  checkSecretHash(client, session.username, optionalParam(responses, 'SECRET_HASH', 128))
  const user = named?.username === session.username ? named : undefined
  if (session.challenge === 'PASSWORD_VERIFIER') {
    // The proof is checked even for a wrong or unknown user, so failures all look alike.
    return answerPasswordVerifier(ctx, client, session, responses, user).catch((error) => {
      // Told its device is gone, a client sends the same proof again without DEVICE_KEY, in this
      // same session (amazon-cognito-identity-js, Amplify): keep it for that, device dropped.
      if (error instanceof CognitoException && error.message === DEVICE_NOT_FOUND) {
        ctx.sessions.release(sessionId, { ...session, deviceKey: undefined })
      }
      throw error
    })
  }
  // An unknown user was offered the password choices too: the failure comes with the password.
  if (session.challenge === 'SELECT_CHALLENGE') {
    return answerSelectChallenge(ctx, client, session, responses, user)
  }
  if (user === undefined) throw cognitoErrors.incorrectCredentials()
  return ANSWERS[session.challenge](ctx, client, user, responses, session)
}
