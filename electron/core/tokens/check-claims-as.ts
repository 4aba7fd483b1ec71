// Picks the rule set a token's claims are checked by: OpenID Connect ID token, RFC 9068 access
// token, Cognito's two tokens, or the registered JWT claims for anything else.
// @see OpenID Connect Core 1.0 §3.1.3.7, RFC 9068 §4, RFC 7519 §4.1
import type { TokenCheck, TokenType } from '../../../shared/token-report'
import { checkAccessTokenClaims } from './access-token-checks'
import type { ClaimContext } from './claim-context'
import { checkCognitoAccessTokenClaims, checkCognitoIdTokenClaims } from './cognito-token-checks'
import { checkIdTokenClaims } from './id-token-checks'
import { checkIssuer } from './registered-claim-checks'
import { checkExpiry, checkIssuedAt, checkNotBefore } from './time-checks'

/**
 * Checks the claims by the rules of the kind the token is checked as; a token of unknown kind
 * (or a logout token) gets the JWT basics.
 * @see OpenID Connect Core 1.0 §3.1.3.7, RFC 9068 §4, RFC 7519 §4.1
 */
export function checkClaimsAs(checkedAs: TokenType, ctx: ClaimContext): TokenCheck[] {
  switch (checkedAs) {
    case 'id_token':
      return checkIdTokenClaims(ctx)
    case 'cognito_id':
      return checkCognitoIdTokenClaims(ctx)
    case 'access_token':
      return checkAccessTokenClaims(ctx)
    case 'cognito_access':
      return checkCognitoAccessTokenClaims(ctx)
    case 'logout_token':
    case 'unknown':
      return [
        ...('iss' in ctx.payload || ctx.expect.issuer !== undefined
          ? [checkIssuer(ctx, 'RFC 7519 §4.1.1')]
          : []),
        checkExpiry(ctx, { required: false, ref: 'RFC 7519 §4.1.4' }),
        checkNotBefore(ctx),
        checkIssuedAt(ctx, { required: false, ref: 'RFC 7519 §4.1.6' }),
      ].filter((check): check is TokenCheck => check !== null)
  }
}
