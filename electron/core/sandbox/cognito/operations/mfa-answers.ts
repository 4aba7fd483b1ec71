// Answers to the second-factor challenges: an SMS, email or TOTP code, the choice between several
// MFA types, and the end of MFA setup after VerifySoftwareToken.
// @see https://docs.aws.amazon.com/cognito/latest/developerguide/user-pool-settings-mfa.html
import type { PoolContext } from '../pool-context'
import type { MfaMethod, PoolClient, PoolUser } from '../pool-state'
import type { AuthSession } from '../session-store'
import { continueSignIn, issueMfaChallenge, type AuthResponse } from '../sign-in-steps'
import { requireParam, type Params } from '../request-params'
import { sameText } from '../client-auth'
import { isTotpCodeValid } from '../totp'
import { cognitoErrors } from '../cognito-errors'

const CODE_KEYS: Readonly<Record<MfaMethod, string>> = {
  SMS_MFA: 'SMS_MFA_CODE',
  EMAIL_OTP: 'EMAIL_OTP_CODE',
  SOFTWARE_TOKEN_MFA: 'SOFTWARE_TOKEN_MFA_CODE',
}

/**
 * SMS_MFA, EMAIL_OTP or SOFTWARE_TOKEN_MFA: the code, checked against what was sent or the TOTP.
 * @see https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_RespondToAuthChallenge.html#CognitoUserPools-RespondToAuthChallenge-request-ChallengeResponses
 */
export async function answerMfaCode(
  ctx: PoolContext,
  client: PoolClient,
  user: PoolUser,
  responses: Params,
  session: AuthSession,
): Promise<AuthResponse> {
  const method = session.challenge as MfaMethod
  const code = requireParam(responses, CODE_KEYS[method], 16)
  const isValid =
    method === 'SOFTWARE_TOKEN_MFA'
      ? user.totpSecret !== undefined && isTotpCodeValid(user.totpSecret, code, ctx.now())
      : session.code !== undefined && sameText(session.code, code)
  if (!isValid) throw cognitoErrors.mfaCodeMismatch()
  // A code that reached the phone proves the number, as Cognito notes for SMS MFA.
  if (method === 'SMS_MFA') user.attributes.set('phone_number_verified', 'true')
  return continueSignIn(ctx, user, client, true)
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
): Promise<AuthResponse> {
  const answer = requireParam(responses, 'ANSWER', 64)
  const method = [...user.mfa.enabled].find((enabled) => enabled === answer)
  if (method === undefined) throw cognitoErrors.invalidMfaChoice(answer)
  return issueMfaChallenge(ctx, user, client, method)
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
  return continueSignIn(ctx, user, client, true)
}
