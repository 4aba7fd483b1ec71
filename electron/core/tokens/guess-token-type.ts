// Guesses what a token is from what it carries (an ID token, an access token, Cognito's, a logout
// token), says why, and decides which rules to check it against: the caller's word wins.
// @see RFC 9068 §2.1 (at+jwt), OpenID Connect Core 1.0 §2, OIDC Back-Channel Logout §2.4
import type { ExpectedTokenKind, TokenType } from '../../../shared/token-report'

const LOGOUT_EVENT = 'http://schemas.openid.net/event/backchannel-logout'

export type TokenTypeGuess = { type: TokenType; why: string; checkedAs: TokenType }

/**
 * Guesses the token type from its header and claims, then picks the rules to check it by.
 * @see RFC 8725 §3.11 (explicit typing), RFC 9068 §2.1
 */
export function guessTokenType(
  header: Record<string, unknown>,
  payload: Record<string, unknown>,
  expected: ExpectedTokenKind,
): TokenTypeGuess {
  const { type, why } = guess(header, payload)
  return { type, why, checkedAs: rulesFor(type, expected, payload) }
}

function guess(
  header: Record<string, unknown>,
  payload: Record<string, unknown>,
): { type: TokenType; why: string } {
  if (payload.token_use === 'id')
    return { type: 'cognito_id', why: 'token_use is "id": a Cognito ID token.' }
  if (payload.token_use === 'access') {
    return { type: 'cognito_access', why: 'token_use is "access": a Cognito access token.' }
  }
  const typ = typeof header.typ === 'string' ? header.typ.toLowerCase() : ''
  if (typ === 'at+jwt' || typ === 'application/at+jwt') {
    return { type: 'access_token', why: 'The header typ is at+jwt: an RFC 9068 access token.' }
  }
  const events = payload.events
  if (typeof events === 'object' && events !== null && LOGOUT_EVENT in events) {
    return {
      type: 'logout_token',
      why: 'events holds the back-channel logout event: a logout token.',
    }
  }
  const idMarker = ['nonce', 'at_hash', 'c_hash'].find((claim) => claim in payload)
  if (idMarker !== undefined)
    return { type: 'id_token', why: `It carries ${idMarker}, which only ID tokens carry.` }
  const accessMarker = ['scope', 'scp', 'client_id'].find((claim) => claim in payload)
  if (accessMarker !== undefined) {
    return { type: 'access_token', why: `It carries ${accessMarker}, an access-token claim.` }
  }
  if (typeof payload.iss === 'string' && typeof payload.sub === 'string' && 'aud' in payload) {
    return {
      type: 'id_token',
      why: 'It has iss, sub and aud and no scope: most likely an ID token.',
    }
  }
  return { type: 'unknown', why: 'Nothing in it says which kind of token it is.' }
}

/** The caller's expectation wins; a token with Cognito's `token_use` is checked by Cognito's rules. */
function rulesFor(
  guessed: TokenType,
  expected: ExpectedTokenKind,
  payload: Record<string, unknown>,
): TokenType {
  const isCognito = 'token_use' in payload
  if (expected === 'id_token') return isCognito ? 'cognito_id' : 'id_token'
  if (expected === 'access_token') return isCognito ? 'cognito_access' : 'access_token'
  return guessed
}
