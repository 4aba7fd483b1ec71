// Operations on a signed-in user's session: GetUser, GlobalSignOut (every sign-in of the user)
// and RevokeToken (one refresh token and the tokens minted from it).
// @see https://docs.aws.amazon.com/cognito/latest/developerguide/token-revocation.html
import type { PoolContext } from '../pool-context'
import { optionalMember, requireMember, type Params } from '../request-params'
import { userFromAccessToken } from '../access-token-user'
import { checkClientSecret, resolveClient } from '../client-auth'
import { cognitoErrors } from '../cognito-errors'

/**
 * The user's attributes and MFA settings, for a valid, unrevoked access token.
 * @see https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_GetUser.html
 */
export async function getUser(ctx: PoolContext, input: Params): Promise<Record<string, unknown>> {
  const user = await userFromAccessToken(ctx, requireMember(input, 'AccessToken', 8192))
  const attributes = [['sub', user.sub] as const, ...user.attributes]
  return {
    Username: user.username,
    UserAttributes: attributes.map(([Name, Value]) => ({ Name, Value })),
    ...(user.mfa.enabled.size > 0 ? { UserMFASettingList: [...user.mfa.enabled] } : {}),
    ...(user.mfa.preferred !== undefined ? { PreferredMfaSetting: user.mfa.preferred } : {}),
  }
}

/**
 * Revokes every refresh token of the user, and with them every access and ID token.
 * @see https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_GlobalSignOut.html
 */
export async function globalSignOut(
  ctx: PoolContext,
  input: Params,
): Promise<Record<string, never>> {
  const user = await userFromAccessToken(ctx, requireMember(input, 'AccessToken', 8192))
  ctx.families.revokeUser(user.username)
  return {}
}

/**
 * Revokes one refresh token of this client. An unknown token is not an error (RFC 7009 §2.2);
 * an access or ID token is refused, since only refresh tokens can be revoked this way.
 * @see https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_RevokeToken.html
 */
export async function revokeToken(ctx: PoolContext, input: Params): Promise<Record<string, never>> {
  const token = requireMember(input, 'Token', 8192)
  const client = resolveClient(ctx, requireMember(input, 'ClientId', 128))
  checkClientSecret(client, optionalMember(input, 'ClientSecret', 128))
  if (token.split('.').length === 3) throw cognitoErrors.unsupportedTokenType()
  const family = ctx.families.byRefreshToken(token)
  if (family === undefined) return {}
  // RFC 7009 §2.1: a client may only revoke tokens issued to it.
  if (family.clientId !== client.clientId) throw cognitoErrors.invalidRefreshToken()
  family.revoked = true
  return {}
}
