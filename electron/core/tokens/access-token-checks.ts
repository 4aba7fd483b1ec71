// Checks of a JWT access token as RFC 9068 profiles it: the `at+jwt` type, the issuer, the
// resource server as audience, the required claims, and `client_id` and `scope`.
// @see RFC 9068 §2 (the profile) and §4 (validating JWT access tokens)
import type { TokenCheck } from '../../../shared/token-report'
import { fail, pass, shown, skip } from './check-line'
import { audiencesOf, type ClaimContext } from './claim-context'
import { checkIssuer, checkSubject, checkTokenId } from './registered-claim-checks'
import { checkExpiry, checkIssuedAt, checkNotBefore } from './time-checks'

const REF_CLAIMS = 'RFC 9068 §2.2'
const REF_VALIDATION = 'RFC 9068 §4'

/**
 * Checks a JWT access token against RFC 9068.
 * @see RFC 9068 §4 https://www.rfc-editor.org/rfc/rfc9068#section-4
 */
export function checkAccessTokenClaims(ctx: ClaimContext): TokenCheck[] {
  return [
    checkAccessTokenType(ctx),
    checkIssuer(ctx, REF_VALIDATION),
    checkResourceAudience(ctx),
    checkExpiry(ctx, { required: true, ref: REF_VALIDATION }),
    checkIssuedAt(ctx, { required: true, ref: REF_CLAIMS }),
    checkNotBefore(ctx),
    checkSubject(ctx, REF_CLAIMS),
    checkClientId(ctx, REF_CLAIMS),
    checkTokenId(ctx, REF_CLAIMS),
    checkScope(ctx, 'RFC 9068 §2.2.3'),
  ].filter((check): check is TokenCheck => check !== null)
}

/**
 * The header `typ` must be `at+jwt` (or `application/at+jwt`), so an ID token cannot pass for one.
 * @see RFC 9068 §2.1, §4; RFC 8725 §3.11 (explicit typing)
 */
export function checkAccessTokenType(ctx: ClaimContext): TokenCheck {
  const typ = ctx.header.typ
  const normalised =
    typeof typ === 'string' ? typ.toLowerCase().replace(/^application\//, '') : undefined
  if (normalised !== 'at+jwt') {
    return fail(
      'typ',
      'TOKEN_TYP_NOT_AT_JWT',
      `The header typ is ${typ === undefined ? 'missing' : JSON.stringify(typ)}; a JWT access token says "at+jwt", which keeps ID tokens from passing for access tokens.`,
      REF_VALIDATION,
      { expected: 'at+jwt', actual: typ === undefined ? '(none)' : shown(typ) },
    )
  }
  return pass('typ', 'The header says at+jwt: a JWT access token.', REF_VALIDATION)
}

/**
 * `aud` must be present and contain the resource server's identifier.
 * @see RFC 9068 §4 (and RFC 8707 for resource indicators)
 */
export function checkResourceAudience(ctx: ClaimContext): TokenCheck {
  const audiences = audiencesOf(ctx.payload)
  if (audiences === null || audiences.length === 0) {
    return fail(
      'aud',
      'TOKEN_AUD_MISSING',
      'The token has no aud (audience): nothing says which API it is for.',
      REF_CLAIMS,
    )
  }
  const actual = audiences.join(', ')
  const expected = ctx.expect.audience
  if (expected === undefined) {
    return skip(
      'aud',
      "Not compared: give the API's identifier (the resource) to check that the token is meant for it.",
      REF_VALIDATION,
      { actual },
    )
  }
  if (!audiences.includes(expected)) {
    return fail(
      'aud',
      'TOKEN_AUD_MISMATCH',
      'The token is meant for another API: aud does not contain the resource given.',
      REF_VALIDATION,
      {
        expected,
        actual,
      },
    )
  }
  return pass('aud', 'The token is meant for this API.', REF_VALIDATION, { expected, actual })
}

/**
 * `client_id` names the client the token was issued to (in Cognito access tokens, in place of aud).
 * @see RFC 9068 §2.2, RFC 8693 §4.3
 */
export function checkClientId(ctx: ClaimContext, ref: string): TokenCheck {
  const clientId = ctx.payload.client_id
  if (typeof clientId !== 'string') {
    return fail(
      'client_id',
      'TOKEN_CLIENT_ID_MISSING',
      'The token has no client_id, so nothing says which client it was issued to.',
      ref,
    )
  }
  const expected = ctx.expect.clientId
  if (expected === undefined) {
    return skip('client_id', 'Not compared: give the client_id to check it.', ref, {
      actual: clientId,
    })
  }
  if (clientId !== expected) {
    return fail(
      'client_id',
      'TOKEN_CLIENT_ID_MISMATCH',
      'The token was issued to another client.',
      ref,
      { expected, actual: clientId },
    )
  }
  return pass('client_id', 'The token was issued to this client.', ref, {
    expected,
    actual: clientId,
  })
}

/**
 * `scope`, when present, is one space-separated string of the scopes granted.
 * @see RFC 9068 §2.2.3, RFC 8693 §4.2
 */
export function checkScope(ctx: ClaimContext, ref: string): TokenCheck | null {
  const scope = ctx.payload.scope
  if (scope === undefined) return null
  if (typeof scope !== 'string') {
    return fail(
      'scope',
      'TOKEN_SCOPE_INVALID',
      'scope is not a space-separated string; a list of scopes (as some providers put in "scp") is not the standard form.',
      'RFC 8693 §4.2',
      { actual: shown(scope) },
    )
  }
  return pass('scope', `Grants ${scope.split(' ').filter(Boolean).length} scope(s).`, ref, {
    actual: scope,
  })
}
