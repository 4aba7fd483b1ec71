// REFRESH_TOKEN_AUTH (alias REFRESH_TOKEN): new ID and access tokens for a refresh token issued to
// this client; no new refresh token, and auth_time, origin_jti and event_id stay those of sign-in.
// A client that rotates refresh tokens must use GetTokensFromRefreshToken instead.
// @see https://docs.aws.amazon.com/cognito/latest/developerguide/amazon-cognito-user-pools-using-the-refresh-token.html
import type { PoolContext } from '../pool-context'
import type { PoolClient } from '../pool-state'
import type { AuthResponse } from '../sign-in-steps'
import { mintTokens } from '../cognito-tokens'
import { optionalParam, requireParam, type Params } from '../request-params'
import { checkSecretHash } from '../client-auth'
import { familyOfRefreshToken, userOfLiveFamily } from '../refresh-token-family'
import { cognitoErrors } from '../cognito-errors'
import { MAX_DEVICE_KEY } from '../device-sign-in'

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
  // "You can't authenticate with REFRESH_TOKEN_AUTH in app clients with refresh token rotation
  // enabled" (developer guide, Refresh tokens).
  if (client.refreshTokenRotation !== undefined) throw cognitoErrors.refreshNeedsRotationApi()
  const token = requireParam(params, 'REFRESH_TOKEN', 8192)
  const secretHash = optionalParam(params, 'SECRET_HASH', 128)
  // With device tracking, clients send the device the tokens were issued to; not required here.
  optionalParam(params, 'DEVICE_KEY', MAX_DEVICE_KEY)
  if (client.clientSecret !== undefined && secretHash === undefined) {
    throw cognitoErrors.secretHashMissing(client.clientId)
  }
  const family = familyOfRefreshToken(ctx, client, token)
  checkSecretHash(client, family.username, secretHash)
  const user = userOfLiveFamily(ctx, family)
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
