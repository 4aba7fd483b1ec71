// Answers to the second-factor challenges: an SMS, email or TOTP code (or a passwordless sign-in
// code), the choice between several MFA types, and the end of MFA setup after VerifySoftwareToken.
// @see https://docs.aws.amazon.com/cognito/latest/developerguide/user-pool-settings-mfa.html
import type { PoolContext } from '../pool-context'
import type { MfaMethod, PoolClient, PoolUser } from '../pool-state'
import type { AuthSession } from '../session-store'
import { continueSignIn, issueMfaChallenge, type AuthResponse } from '../sign-in-steps'
import { requireParam, type Params } from '../request-params'
import { sameText } from '../client-auth'
import { isTotpCodeValid } from '../totp'
import { cognitoErrors } from '../cognito-errors'

/** The code challenges: the second factors, and SMS_OTP, a passwordless first factor. */
type CodeChallenge = MfaMethod | 'SMS_OTP'

const CODE_KEYS: Readonly<Record<CodeChallenge, string>> = {
  SMS_MFA: 'SMS_MFA_CODE',
  EMAIL_OTP: 'EMAIL_OTP_CODE',
  SOFTWARE_TOKEN_MFA: 'SOFTWARE_TOKEN_MFA_CODE',
  SMS_OTP: 'SMS_OTP_CODE',
}

/**
 * SMS_MFA, EMAIL_OTP, SOFTWARE_TOKEN_MFA or SMS_OTP: the code, checked against what was sent or
 * the TOTP. Either way no further factor follows: an MFA code is the second, and a passwordless
 * code (EMAIL_OTP or SMS_OTP of USER_AUTH) stands alone.
 * @see https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_RespondToAuthChallenge.html#CognitoUserPools-RespondToAuthChallenge-request-ChallengeResponses
 */
export async function answerMfaCode(
  ctx: PoolContext,
  client: PoolClient,
  user: PoolUser,
  responses: Params,
  session: AuthSession,
): Promise<AuthResponse> {
  const method = session.challenge as CodeChallenge
  const code = requireParam(responses, CODE_KEYS[method], 16)
  const isValid =
    method === 'SOFTWARE_TOKEN_MFA'
      ? user.totpSecret !== undefined && isTotpCodeValid(user.totpSecret, code, ctx.now())
      : session.code !== undefined && sameText(session.code, code)
  if (!isValid) throw cognitoErrors.mfaCodeMismatch()
  // A code that reached the phone proves the number, as Cognito notes for SMS MFA.
  if (method === 'SMS_MFA') user.attributes.set('phone_number_verified', 'true')
  return continueSignIn(ctx, user, client, true, session.deviceKey)
}

/**
 * SELECT_MFA_TYPE: ANSWER names one of MFAS_CAN_CHOOSE; that challenge follows.
 * @see https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_RespondToAuthChallenge.html#CognitoUserPools-RespondToAuthChallenge-request-ChallengeResponses
 */
export async function answerSelectMfaType(
  ctx: PoolContext,
  client: PoolClient,
  user: PoolUser,
  responses: Params,
  session: AuthSession,
): Promise<AuthResponse> {
  const answer = requireParam(responses, 'ANSWER', 64)
  const method = [...user.mfa.enabled].find((enabled) => enabled === answer)
  if (method === undefined) throw cognitoErrors.invalidMfaChoice(answer)
  return issueMfaChallenge(ctx, user, client, method, { deviceKey: session.deviceKey })
}

/**
 * MFA_SETUP: accepted only with the session VerifySoftwareToken returned.
 * @see https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_VerifySoftwareToken.html
 */
export async function answerMfaSetup(
  ctx: PoolContext,
  client: PoolClient,
  user: PoolUser,
  _responses: Params,
  session: AuthSession,
): Promise<AuthResponse> {
  if (session.softwareTokenVerified !== true) throw cognitoErrors.sessionInvalid()
  return continueSignIn(ctx, user, client, true, session.deviceKey)
}
