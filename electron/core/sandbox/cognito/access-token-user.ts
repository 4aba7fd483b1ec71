// Resolves the user behind an access token for user-context operations (GetUser, GlobalSignOut,
// AssociateSoftwareToken, …): a valid signature and expiry, and a sign-in not revoked since.
// @see https://docs.aws.amazon.com/cognito/latest/developerguide/token-revocation.html
import type { PoolContext } from './pool-context'
import type { PoolUser } from './pool-state'
import { verifyAccessToken } from './cognito-tokens'
import { cognitoErrors } from './cognito-errors'

/**
 * The user an access token speaks for, or Cognito's NotAuthorizedException.
 * @see https://docs.aws.amazon.com/cognito/latest/developerguide/token-revocation.html
 */
export async function userFromAccessToken(ctx: PoolContext, token: string): Promise<PoolUser> {
  const claims = await verifyAccessToken(ctx.keys, ctx.issuer, token, ctx.now())
  const family =
    typeof claims.origin_jti === 'string' ? ctx.families.byOriginJti(claims.origin_jti) : undefined
  // A forgotten family (evicted past the bound) counts as revoked: fail closed.
  if (family === undefined || family.revoked) throw cognitoErrors.accessTokenRevoked()
  const user = typeof claims.username === 'string' ? ctx.pool.getUser(claims.username) : undefined
  if (user === undefined) throw cognitoErrors.invalidAccessToken()
  return user
}
