// Checks of Amazon Cognito user-pool tokens, whose shape differs from the standards: `token_use`
// says which token it is, and an access token names its client in `client_id`, with no `aud`.
// @see https://docs.aws.amazon.com/cognito/latest/developerguide/amazon-cognito-user-pools-using-tokens-verifying-a-jwt.html
import type { TokenCheck } from '../../../shared/token-report'
import { fail, pass, shown, skip } from './check-line'
import { checkClientId, checkScope } from './access-token-checks'
import type { ClaimContext } from './claim-context'
import { checkIdTokenClaims } from './id-token-checks'
import { checkIssuer, checkSubject } from './registered-claim-checks'
import { checkExpiry, checkIssuedAt, checkNotBefore } from './time-checks'

export const COGNITO_VERIFY_REF = 'Cognito: verifying a JWT'
const REF_ACCESS = 'Cognito: the access token'
const REF_ID = 'Cognito: the ID token'

/**
 * A Cognito ID token: every OpenID Connect check, plus `token_use: id` and `cognito:username`.
 * @see https://docs.aws.amazon.com/cognito/latest/developerguide/amazon-cognito-user-pools-using-the-id-token.html
 */
export function checkCognitoIdTokenClaims(ctx: ClaimContext): TokenCheck[] {
  return [
    ...checkIdTokenClaims(ctx),
    checkTokenUse(ctx, 'id'),
    checkUsername(ctx, 'cognito:username', REF_ID),
  ]
}

/**
 * A Cognito access token: `token_use: access`, `client_id` in place of `aud`, `scope`, `username`.
 * @see https://docs.aws.amazon.com/cognito/latest/developerguide/amazon-cognito-user-pools-using-the-access-token.html
 */
export function checkCognitoAccessTokenClaims(ctx: ClaimContext): TokenCheck[] {
  return [
    checkIssuer(ctx, COGNITO_VERIFY_REF),
    ctx.payload.aud === undefined
      ? skip(
          'aud',
          'Cognito access tokens carry no aud; the client is named by client_id, checked below.',
          REF_ACCESS,
        )
      : skip(
          'aud',
          'This token carries an aud, which Cognito access tokens normally do not; client_id is what names the client.',
          REF_ACCESS,
          {
            actual: shown(ctx.payload.aud),
          },
        ),
    checkExpiry(ctx, { required: true, ref: COGNITO_VERIFY_REF }),
    checkIssuedAt(ctx, { required: true, ref: REF_ACCESS }),
    checkNotBefore(ctx),
    checkSubject(ctx, REF_ACCESS),
    checkTokenUse(ctx, 'access'),
    checkClientId(ctx, REF_ACCESS),
    checkScope(ctx, REF_ACCESS),
    checkUsername(ctx, 'username', REF_ACCESS),
  ].filter((check): check is TokenCheck => check !== null)
}

/**
 * `token_use` must say which token this is: an API that takes access tokens refuses ID tokens.
 * @see https://docs.aws.amazon.com/cognito/latest/developerguide/amazon-cognito-user-pools-using-tokens-verifying-a-jwt.html
 */
export function checkTokenUse(ctx: ClaimContext, expected: 'id' | 'access'): TokenCheck {
  const tokenUse = ctx.payload.token_use
  if (tokenUse === undefined) {
    return fail(
      'token_use',
      'TOKEN_USE_MISSING',
      'The token has no token_use, which every Cognito token carries.',
      COGNITO_VERIFY_REF,
      {
        expected,
      },
    )
  }
  if (tokenUse !== expected) {
    return fail(
      'token_use',
      'TOKEN_USE_MISMATCH',
      `token_use is ${shown(tokenUse)}, expected ${expected}: this is ${tokenUse === 'access' ? 'an access token' : tokenUse === 'id' ? 'an ID token' : 'another kind of token'}.`,
      COGNITO_VERIFY_REF,
      { expected, actual: shown(tokenUse) },
    )
  }
  return pass('token_use', `token_use is ${expected}.`, COGNITO_VERIFY_REF, {
    expected,
    actual: expected,
  })
}

function checkUsername(
  ctx: ClaimContext,
  claim: 'username' | 'cognito:username',
  ref: string,
): TokenCheck {
  return typeof ctx.payload[claim] === 'string'
    ? pass('username', `${claim} names the user in the pool.`, ref)
    : fail(
        'username',
        'TOKEN_USERNAME_MISSING',
        `The token has no ${claim}, which Cognito puts in every ${claim === 'username' ? 'access' : 'ID'} token.`,
        ref,
      )
}
