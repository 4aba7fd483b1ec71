// CUSTOM_AUTH: the scripted question (see custom-challenge.ts), optionally after an SRP password
// proof when the client starts with CHALLENGE_NAME=SRP_A, as amazon-cognito-identity-js does.
// @see https://docs.aws.amazon.com/cognito/latest/developerguide/amazon-cognito-user-pools-authentication-flow-methods.html#amazon-cognito-user-pools-custom-authentication-flow
import type { PoolContext } from '../pool-context'
import type { PoolClient, PoolUser } from '../pool-state'
import type { AuthSession } from '../session-store'
import { issueTokens, type AuthResponse } from '../sign-in-steps'
import { CUSTOM_ANSWER, issueCustomChallenge } from '../custom-challenge'
import { optionalParam, requireParam, type Params } from '../request-params'
import { checkSecretHash } from '../client-auth'
import { cognitoErrors } from '../cognito-errors'
import { MAX_SRP_A_HEX, beginSrp } from './srp-auth'

/**
 * InitiateAuth(CUSTOM_AUTH): USERNAME, and SRP_A with CHALLENGE_NAME=SRP_A for "password first".
 * @see https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_InitiateAuth.html#CognitoUserPools-InitiateAuth-request-AuthParameters
 */
export async function startCustomAuth(
  ctx: PoolContext,
  client: PoolClient,
  params: Params,
): Promise<AuthResponse> {
  const username = requireParam(params, 'USERNAME', 128)
  checkSecretHash(client, username, optionalParam(params, 'SECRET_HASH', 128))
  const srpA = optionalParam(params, 'SRP_A', MAX_SRP_A_HEX)
  if (srpA !== undefined && params.CHALLENGE_NAME === 'SRP_A') {
    return beginSrp(ctx, client, username, srpA, true)
  }
  const user = ctx.pool.findUser(username)
  if (user === undefined) throw cognitoErrors.incorrectCredentials()
  return issueCustomChallenge(ctx, user, client)
}

/**
 * RespondToAuthChallenge(CUSTOM_CHALLENGE): ANSWER; a wrong one ends the sign-in.
 * @see https://docs.aws.amazon.com/cognito/latest/developerguide/user-pool-lambda-verify-auth-challenge-response.html
 */
export async function answerCustomChallenge(
  ctx: PoolContext,
  client: PoolClient,
  user: PoolUser,
  responses: Params,
  session: AuthSession,
): Promise<AuthResponse> {
  const answer = requireParam(responses, 'ANSWER', 256)
  if (answer.trim() !== CUSTOM_ANSWER) throw cognitoErrors.incorrectCredentials()
  return issueTokens(ctx, user, client, session.deviceKey)
}
