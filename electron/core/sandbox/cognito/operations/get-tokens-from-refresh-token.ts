// GetTokensFromRefreshToken: new ID and access tokens for a refresh token issued to this client,
// and, when the client rotates refresh tokens, a new refresh token too; the one it replaces works
// on only for the client's RetryGracePeriodSeconds (for a retry), then is refused as reused.
// @see https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_GetTokensFromRefreshToken.html
import type { PoolContext } from '../pool-context'
import { mintTokens, type AuthenticationResult } from '../cognito-tokens'
import { optionalMember, readMap, requireMember, type Params } from '../request-params'
import { checkClientSecret, resolveClient } from '../client-auth'
import { familyOfRefreshToken, userOfLiveFamily } from '../refresh-token-family'
import { cognitoErrors } from '../cognito-errors'

/**
 * Refreshes a sign-in. This API takes the ClientSecret itself, not a SECRET_HASH; ClientMetadata
 * is accepted and unused (it only reaches Lambda triggers, which the sandbox has none of).
 * @see https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_GetTokensFromRefreshToken.html
 * @see https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_RefreshTokenRotationType.html
 */
export async function getTokensFromRefreshToken(
  ctx: PoolContext,
  input: Params,
): Promise<{ AuthenticationResult: AuthenticationResult }> {
  const token = requireMember(input, 'RefreshToken', 8192)
  const client = resolveClient(ctx, requireMember(input, 'ClientId', 128))
  checkClientSecret(client, optionalMember(input, 'ClientSecret', 128))
  readMap(input, 'ClientMetadata')
  const family = familyOfRefreshToken(ctx, client, token)
  if (ctx.families.isRotatedOut(token)) throw cognitoErrors.refreshTokenReused()
  const user = userOfLiveFamily(ctx, family)
  const rotation = client.refreshTokenRotation
  if (rotation !== undefined) ctx.families.rotate(family, rotation.retryGracePeriodSeconds)
  const result = await mintTokens({
    keys: ctx.keys,
    issuer: ctx.issuer,
    user,
    family,
    nowMs: ctx.now(),
    includeRefreshToken: rotation !== undefined,
  })
  return { AuthenticationResult: result }
}
