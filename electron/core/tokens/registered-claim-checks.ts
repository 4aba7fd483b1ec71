// Checks of the registered claims every kind of JWT shares: who issued it (iss), whom it is about
// (sub), and its identifier (jti).
// @see RFC 7519 §4.1.1 (iss), §4.1.2 (sub), §4.1.7 (jti)
import type { TokenCheck } from '../../../shared/token-report'
import { differenceNote, fail, pass, skip, warn } from './check-line'
import type { ClaimContext } from './claim-context'

/**
 * `iss` must be present and exactly equal to the expected issuer (no normalisation at all).
 * @see OpenID Connect Core 1.0 §3.1.3.7 step 2, RFC 9068 §4, RFC 7519 §4.1.1
 */
export function checkIssuer(ctx: ClaimContext, ref: string): TokenCheck {
  const iss = ctx.payload.iss
  if (typeof iss !== 'string') {
    return fail(
      'iss',
      'TOKEN_ISS_MISSING',
      'The token has no iss (issuer) claim, so nothing says who made it.',
      ref,
    )
  }
  const expected = ctx.expect.issuer
  if (expected === undefined) {
    return skip('iss', 'Not compared: give the expected issuer to check it.', ref, { actual: iss })
  }
  if (iss !== expected) {
    return fail(
      'iss',
      'TOKEN_ISS_MISMATCH',
      `The token was issued by someone else${differenceNote(expected, iss)}; the issuer must match exactly.`,
      ref,
      { expected, actual: iss },
    )
  }
  return pass('iss', 'The issuer is the expected one.', ref, { expected, actual: iss })
}

/**
 * `sub` must be present: a string of at most 255 ASCII characters for OpenID Connect.
 * @see OpenID Connect Core 1.0 §2, RFC 7519 §4.1.2
 */
export function checkSubject(ctx: ClaimContext, ref: string): TokenCheck {
  const sub = ctx.payload.sub
  if (typeof sub !== 'string' || sub === '') {
    return fail(
      'sub',
      'TOKEN_SUB_MISSING',
      'The token has no sub (subject) claim, so it is about no one.',
      ref,
    )
  }
  if (sub.length > 255) {
    return warn(
      'sub',
      'TOKEN_SUB_TOO_LONG',
      `sub is ${sub.length} characters; OpenID Connect allows at most 255.`,
      'OIDC Core §2',
    )
  }
  return pass('sub', 'The subject is present.', ref, { actual: sub })
}

/**
 * `jti` must be present where a profile requires it (RFC 9068 access tokens).
 * @see RFC 9068 §2.2, RFC 7519 §4.1.7
 */
export function checkTokenId(ctx: ClaimContext, ref: string): TokenCheck {
  return typeof ctx.payload.jti === 'string'
    ? pass('jti', 'The token has an identifier (jti).', ref)
    : fail(
        'jti',
        'TOKEN_JTI_MISSING',
        'The token has no jti (JWT ID), which this profile requires.',
        ref,
      )
}
