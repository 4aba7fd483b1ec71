// A refresh that brings a new ID token must bring one for the same sign-in: OpenID Connect Core
// §12.2 lists what must not change from the ID token of the original authentication. A provider
// that answers with another issuer, subject or audience (a mix-up, a bug, an attack) is refused,
// and the refreshed tokens are not kept.
// @see https://openid.net/specs/openid-connect-core-1_0.html#RefreshTokenResponse
import { decodeJwt, type JWTPayload } from 'jose'
import type { Diagnostic } from '../../../shared/run-model'

const REF = 'OIDC Core §12.2'

/** The claims §12.2 says must equal the original's, and what a difference means. */
const SAME_CLAIMS = [
  ['iss', 'issuer'],
  ['sub', 'subject (the user)'],
  ['aud', 'audience'],
  ['azp', 'authorized party'],
  ['auth_time', 'time of the original authentication'],
] as const

/** Every rule of §12.2 the two tokens break, or one info diagnostic when they keep them all. */
export function compareRefreshedIdToken(original: string, refreshed: string): Diagnostic[] {
  const first = claimsOf(original, 'original')
  const second = claimsOf(refreshed, 'refreshed')
  if (!first.ok) return [first.problem]
  if (!second.ok) return [second.problem]
  const problems: Diagnostic[] = []
  for (const [claim, words] of SAME_CLAIMS) {
    const before = first.claims[claim]
    const after = second.claims[claim]
    // auth_time and azp are compared only where the original has them.
    if (before === undefined && (claim === 'auth_time' || claim === 'azp')) continue
    if (JSON.stringify(before) !== JSON.stringify(after)) {
      problems.push({
        code: 'OAUTH_REFRESHED_ID_TOKEN_MISMATCH',
        severity: 'error',
        message: `The refreshed ID token has another ${claim} (${words}) than the original: ${JSON.stringify(after)} instead of ${JSON.stringify(before)}.`,
        hint: 'A refresh continues the same sign-in, so these claims must not change. The refreshed tokens are refused and not kept: sign in again, and report it to the provider.',
        ref: REF,
      })
    }
  }
  // A nonce SHOULD be absent; if present, it MUST be the original's.
  const nonce = second.claims.nonce
  if (nonce !== undefined && nonce !== first.claims.nonce) {
    problems.push({
      code: 'OAUTH_REFRESHED_ID_TOKEN_MISMATCH',
      severity: 'error',
      message: 'The refreshed ID token carries a nonce that is not the original sign-in’s.',
      hint: 'A refreshed ID token should carry no nonce, and may only repeat the original one: this one may be replayed from another sign-in. The refreshed tokens are refused.',
      ref: REF,
    })
  }
  return problems.length > 0
    ? problems
    : [
        {
          code: 'OAUTH_REFRESHED_ID_TOKEN_OK',
          severity: 'info',
          message:
            'The refreshed ID token is for the same sign-in: issuer, subject, audience (and auth_time, azp) unchanged.',
          ref: REF,
        },
      ]
}

function claimsOf(
  token: string,
  which: 'original' | 'refreshed',
): { ok: true; claims: JWTPayload } | { ok: false; problem: Diagnostic } {
  try {
    return { ok: true, claims: decodeJwt(token) }
  } catch {
    return {
      ok: false,
      problem: {
        code: 'OAUTH_REFRESHED_ID_TOKEN_MISMATCH',
        severity: 'error',
        message: `The ${which} ID token is not a JWT, so the refreshed one cannot be compared with it.`,
        hint:
          which === 'original'
            ? 'Give the ID token of the sign-in the refresh token came from (its three dot-separated parts).'
            : 'The provider answered the refresh with an ID token that is not a JWT: the refreshed tokens are refused.',
        ref: REF,
      },
    }
  }
}
