// USER_AUTH, choice-based sign-in: the user is named first, then signs in with one of the first
// factors the pool allows and this user can use: the password (sent, or proven by SRP), or a code
// sent to a verified email address or phone number. Without a usable PREFERRED_CHALLENGE, Cognito
// answers SELECT_CHALLENGE with AvailableChallenges.
// @see https://docs.aws.amazon.com/cognito/latest/developerguide/authentication-flows-selection-sdk.html#authentication-flows-selection-choice
// @see https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_ChallengeResponseType.html
import type { PoolContext } from '../pool-context'
import type { PoolClient, PoolUser } from '../pool-state'
import type { AuthSession } from '../session-store'
import { sendCodeChallenge, type AuthResponse } from '../sign-in-steps'
import { optionalParam, requireParam, type Params } from '../request-params'
import { checkSecretHash } from '../client-auth'
import { ALLOWED_FIRST_AUTH_FACTORS } from '../pool-config'
import { cognitoErrors } from '../cognito-errors'
import { continueAfterPassword } from './password-auth'
import { beginSrp, MAX_SRP_A_HEX } from './srp-auth'

/** The sandbox's first-factor challenges, each with the sign-in policy factor that allows it. */
const FIRST_FACTORS = [
  { challenge: 'PASSWORD', factor: 'PASSWORD' },
  { challenge: 'PASSWORD_SRP', factor: 'PASSWORD' },
  { challenge: 'EMAIL_OTP', factor: 'EMAIL_OTP', verified: 'email' },
  { challenge: 'SMS_OTP', factor: 'SMS_OTP', verified: 'phone_number' },
] as const

/**
 * InitiateAuth(USER_AUTH): USERNAME, and optionally PREFERRED_CHALLENGE with what that challenge
 * needs in the same call (PASSWORD, or SRP_A: the docs list only the preference; this is what AWS's
 * Amplify sends). The docs do not say what a preference this user cannot use does, nor one missing
 * its PASSWORD or SRP_A: the first is treated as no preference (SELECT_CHALLENGE), the second is
 * refused as a missing parameter, as SELECT_CHALLENGE's documented responses require them.
 * @see https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_InitiateAuth.html#CognitoUserPools-InitiateAuth-request-AuthParameters
 */
export async function startUserAuth(
  ctx: PoolContext,
  client: PoolClient,
  params: Params,
): Promise<AuthResponse> {
  const signInName = requireParam(params, 'USERNAME', 128)
  checkSecretHash(client, signInName, optionalParam(params, 'SECRET_HASH', 128))
  const preferred = optionalParam(params, 'PREFERRED_CHALLENGE', 64)
  const user = ctx.pool.findUser(signInName)
  const available = availableChallenges(user)
  if (preferred !== undefined && available.includes(preferred)) {
    return beginFirstFactor(ctx, client, { signInName, user }, preferred, params)
  }
  return offerChallenges(ctx, client, user?.username ?? signInName, available)
}

/**
 * RespondToAuthChallenge(SELECT_CHALLENGE): ANSWER names one of AvailableChallenges, with the
 * PASSWORD or SRP_A it needs in the same call; for EMAIL_OTP and SMS_OTP the code is sent now.
 * `user` is undefined when USERNAME does not designate the session's user (or no such user).
 * @see https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_ChallengeResponseType.html
 */
export async function answerSelectChallenge(
  ctx: PoolContext,
  client: PoolClient,
  session: AuthSession,
  responses: Params,
  user: PoolUser | undefined,
): Promise<AuthResponse> {
  const answer = requireParam(responses, 'ANSWER', 64)
  if (!session.available?.includes(answer)) throw cognitoErrors.challengeNotAvailable(answer)
  return beginFirstFactor(ctx, client, { signInName: session.username, user }, answer, responses)
}

/**
 * What this user can sign in with under the pool's policy: always the password (sent or by SRP),
 * a code only to a verified address. An unknown user gets the password choices alone, the same
 * as a user with nothing verified, so the answer does not tell who exists.
 * @see https://docs.aws.amazon.com/cognito/latest/developerguide/authentication-flows-selection-sdk.html#authentication-flows-selection-choice
 */
function availableChallenges(user: PoolUser | undefined): string[] {
  const isVerified = (attribute: string) =>
    user !== undefined &&
    user.attributes.get(attribute) !== undefined &&
    user.attributes.get(`${attribute}_verified`) === 'true'
  return FIRST_FACTORS.filter(
    (first) =>
      ALLOWED_FIRST_AUTH_FACTORS.includes(first.factor) &&
      (!('verified' in first) || isVerified(first.verified)),
  ).map((first) => first.challenge)
}

/**
 * SELECT_CHALLENGE with AvailableChallenges. The docs name no challenge parameters here; like every
 * other challenge it carries USER_ID_FOR_SRP, which the next SECRET_HASH is computed over.
 * @see https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_InitiateAuth.html#CognitoUserPools-InitiateAuth-response-AvailableChallenges
 */
function offerChallenges(
  ctx: PoolContext,
  client: PoolClient,
  username: string,
  available: string[],
): AuthResponse {
  const session = ctx.sessions.create({
    username,
    clientId: client.clientId,
    challenge: 'SELECT_CHALLENGE',
    mfaDone: false,
    available,
  })
  return {
    ChallengeName: 'SELECT_CHALLENGE',
    ChallengeParameters: { USER_ID_FOR_SRP: username },
    Session: session,
    AvailableChallenges: available,
  }
}

/**
 * Starts the chosen first factor. PASSWORD goes on like USER_PASSWORD_AUTH (MFA may follow),
 * PASSWORD_SRP like USER_SRP_AUTH (PASSWORD_VERIFIER next); a code, once answered, issues tokens
 * with no MFA after it, as passwordless factors do.
 * @see https://docs.aws.amazon.com/cognito/latest/developerguide/amazon-cognito-user-pools-authentication-flow-methods.html
 */
function beginFirstFactor(
  ctx: PoolContext,
  client: PoolClient,
  who: { signInName: string; user: PoolUser | undefined },
  challenge: string,
  params: Params,
): Promise<AuthResponse> | AuthResponse {
  switch (challenge) {
    case 'PASSWORD':
      return continueAfterPassword(
        ctx,
        client,
        who.signInName,
        who.user,
        requireParam(params, 'PASSWORD', 256),
      )
    case 'PASSWORD_SRP':
      return beginSrp(
        ctx,
        client,
        who.signInName,
        requireParam(params, 'SRP_A', MAX_SRP_A_HEX),
        false,
      )
    case 'EMAIL_OTP':
    case 'SMS_OTP':
      // Only offered to a known user with a verified address; a USERNAME naming someone else fails.
      if (who.user === undefined) throw cognitoErrors.incorrectCredentials()
      if (who.user.status === 'UNCONFIRMED') throw cognitoErrors.userNotConfirmed()
      return sendCodeChallenge(ctx, who.user, client, challenge)
    default:
      throw cognitoErrors.challengeNotAvailable(challenge)
  }
}
