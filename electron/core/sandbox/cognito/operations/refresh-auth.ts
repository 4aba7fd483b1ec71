// REFRESH_TOKEN_AUTH (alias REFRESH_TOKEN): new ID and access tokens for a refresh token issued to
// this client; no new refresh token, and auth_time, origin_jti and event_id stay those of sign-in.
// @see https://docs.aws.amazon.com/cognito/latest/developerguide/amazon-cognito-user-pools-using-the-refresh-token.html
import type { PoolContext } from '../pool-context'
import type { PoolClient } from '../pool-state'
import type { AuthResponse } from '../sign-in-steps'
import { mintTokens } from '../cognito-tokens'
import { optionalParam, requireParam, type Params } from '../request-params'
import { checkSecretHash } from '../client-auth'
import { cognitoErrors } from '../cognito-errors'

/**
 * Exchanges REFRESH_TOKEN; a secret client's SECRET_HASH must hash the internal user name
 * (cognito:username), not the alias typed at sign-in.
 * @see https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_InitiateAuth.html#CognitoUserPools-InitiateAuth-request-AuthParameters
 */
export async function refreshTokens(
  ctx: PoolContext,
  client: PoolClient,
  params: Params,
): Promise<AuthResponse> {
  const token = requireParam(params, 'REFRESH_TOKEN', 8192)
  const secretHash = optionalParam(params, 'SECRET_HASH', 128)
  if (client.clientSecret !== undefined && secretHash === undefined) {
    throw cognitoErrors.secretHashMissing(client.clientId)
  }
  const family = ctx.families.byRefreshToken(token)
  if (family === undefined || family.clientId !== client.clientId) {
    throw cognitoErrors.invalidRefreshToken()
  }
  checkSecretHash(client, family.username, secretHash)
  if (family.revoked) throw cognitoErrors.refreshTokenRevoked()
  if (family.expiresAt <= ctx.now()) throw cognitoErrors.refreshTokenExpired()
  const user = ctx.pool.getUser(family.username)
  if (user === undefined) throw cognitoErrors.invalidRefreshToken()
  const result = await mintTokens({
    keys: ctx.keys,
    issuer: ctx.issuer,
    user,
    family,
    nowMs: ctx.now(),
    includeRefreshToken: false,
  })
  return { ChallengeParameters: {}, AuthenticationResult: result }
}
