// What every refresh path (InitiateAuth REFRESH_TOKEN_AUTH, GetTokensFromRefreshToken) checks of a
// refresh token before it mints: issued to this client, its sign-in neither revoked nor expired,
// its user still in the pool.
// @see https://docs.aws.amazon.com/cognito/latest/developerguide/amazon-cognito-user-pools-using-the-refresh-token.html
import type { PoolContext } from './pool-context'
import type { PoolClient, PoolUser } from './pool-state'
import type { TokenFamily } from './token-families'
import { cognitoErrors } from './cognito-errors'

/**
 * The sign-in a refresh token belongs to; a token unknown here or issued to another client is
 * "Invalid Refresh Token", as Cognito answers both.
 * @see https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_GetTokensFromRefreshToken.html
 */
export function familyOfRefreshToken(
  ctx: PoolContext,
  client: PoolClient,
  token: string,
): TokenFamily {
  const family = ctx.families.byRefreshToken(token)
  if (family === undefined || family.clientId !== client.clientId) {
    throw cognitoErrors.invalidRefreshToken()
  }
  return family
}

/**
 * The user of a sign-in that may still refresh: not revoked, not expired, not deleted.
 * @see https://docs.aws.amazon.com/cognito/latest/developerguide/token-revocation.html
 */
export function userOfLiveFamily(ctx: PoolContext, family: TokenFamily): PoolUser {
  if (family.revoked) throw cognitoErrors.refreshTokenRevoked()
  if (family.expiresAt <= ctx.now()) throw cognitoErrors.refreshTokenExpired()
  const user = ctx.pool.getUser(family.username)
  if (user === undefined) throw cognitoErrors.invalidRefreshToken()
  return user
}
