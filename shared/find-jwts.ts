// Finds compact JWTs inside any text (a header value, a form or JSON body, a URL), so the
// timeline can decode the ones an exchange carries in the clear (redacted ones are markers).
// @see RFC 7515 §7.1 (JWS Compact Serialization), RFC 7516 §7.1 (JWE Compact Serialization)
import { SECRET_MARKER, type HttpExchange } from './run-model'

/**
 * A JWT's protected header is a JSON object, so its base64url starts with `eyJ` (`{"`). A JWE has
 * five parts (its encrypted key may be empty), a JWS three (its signature may be empty: `alg:
 * none`); the JWE form is tried first so its first three parts are not taken for a JWS.
 */
const COMPACT_JWT =
  /(?<![\w-])eyJ[\w-]+\.(?:[\w-]*\.[\w-]+\.[\w-]+\.[\w-]+|eyJ[\w-]+\.[\w-]*)(?![\w.-])/g

/** Every distinct compact JWT in the text, in the order they first appear. */
export function findJwts(text: string): string[] {
  return [...new Set(text.match(COMPACT_JWT) ?? [])]
}

export type FoundJwt = { token: string; where: string }

/** Every JWT an exchange carries in the clear, with where ("response body", "request header x"). */
export function findExchangeJwts(exchange: HttpExchange): FoundJwt[] {
  const seen = new Set<string>()
  return placesOf(exchange).flatMap(([where, text]) =>
    findJwts(text)
      .filter((token) => {
        if (seen.has(token)) return false
        seen.add(token)
        return true
      })
      .map((token) => ({ token, where })),
  )
}

export type TokenMarker = { secretId: string; label: string; where: string }

/** Names of redacted values that may hold a JWT: tokens, assertions, credentials headers. */
const TOKEN_LABEL = /token|assertion|authorization|dpop/i

/** The redacted values of an exchange that may be JWTs, to reveal and decode on request. */
export function findTokenMarkers(exchange: HttpExchange): TokenMarker[] {
  const seen = new Set<string>()
  return placesOf(exchange).flatMap(([where, text]) =>
    [...text.matchAll(SECRET_MARKER)].flatMap(([, secretId = '', label = '']) => {
      if (!TOKEN_LABEL.test(label) || seen.has(secretId)) return []
      seen.add(secretId)
      return [{ secretId, label, where }]
    }),
  )
}

function placesOf(exchange: HttpExchange): [where: string, text: string][] {
  const headers = (side: string, values: Record<string, string>) =>
    Object.entries(values).map(([name, value]): [string, string] => [
      `${side} header ${name}`,
      value,
    ])
  return [
    ['request URL', exchange.request.url],
    ...headers('request', exchange.request.headers),
    ['request body', exchange.request.body ?? ''],
    ...headers('response', exchange.response?.headers ?? {}),
    ['response body', exchange.response?.body ?? ''],
  ]
}
