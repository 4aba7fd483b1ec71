// Reads a JSON Web Key Set, fetched from a URL or pasted, into public keys. Private members are
// dropped on the way in, and a provider that publishes them is called out.
// @see RFC 7517 §5 (JWK Set Format), §9.3 (private keys must not be published)
import type { JWK } from 'jose'
import type { TokenCheck } from '../../../shared/token-report'
import { fail, warn } from './check-line'
import { fetchJson, type FetchJsonOptions } from './fetch-json'

const REF = 'RFC 7517 §5'
const PRIVATE_MEMBERS = ['d', 'p', 'q', 'dp', 'dq', 'qi', 'oth', 'k'] as const

export type JwksRead =
  { ok: true; keys: JWK[]; warnings: TokenCheck[] } | { ok: false; check: TokenCheck }

/**
 * Fetches a JWKS from `url` and reads it; a body that is not JSON or not a key set is a failure.
 * @see RFC 7517 §5, OpenID Connect Core 1.0 §10.1.1 (the set is re-fetched on rotation)
 */
export async function loadJwks(url: string, options: FetchJsonOptions): Promise<JwksRead> {
  const fetched = await fetchJson(url, options)
  if (!fetched.ok) {
    const code =
      fetched.problem === 'insecure'
        ? 'TOKEN_INSECURE_URL'
        : fetched.problem === 'not_json'
          ? 'TOKEN_JWKS_NOT_JSON'
          : 'TOKEN_JWKS_FETCH_FAILED'
    return { ok: false, check: fail('jwks', code, fetched.message, REF) }
  }
  return readJwks(fetched.value, { where: `the JWKS at ${url}`, published: true })
}

/**
 * Checks the `{ "keys": [...] }` shape and keeps each key's public members only. Secret members
 * (`k` of an `oct` key) are kept when the set was pasted by the user (`published: false`).
 * @see RFC 7517 §5.1
 */
export function readJwks(value: unknown, options: { where: string; published: boolean }): JwksRead {
  const keys = (value as { keys?: unknown } | null)?.keys
  if (typeof value !== 'object' || value === null || !Array.isArray(keys)) {
    return invalid(
      `${capitalise(options.where)} is JSON, but not a key set: it needs a "keys" array.`,
    )
  }
  if (
    !keys.every((key) => typeof key === 'object' && key !== null && typeof key.kty === 'string')
  ) {
    return invalid(`${capitalise(options.where)} has an entry without "kty"; every key needs one.`)
  }
  const warnings: TokenCheck[] = []
  const publicKeys = (keys as JWK[]).map((key) => {
    const secretAllowed = !options.published && key.kty === 'oct'
    const leaked = PRIVATE_MEMBERS.filter((name) => name in key && !(secretAllowed && name === 'k'))
    if (leaked.length === 0) return key
    warnings.push(
      options.published
        ? warn(
            'jwks',
            'TOKEN_JWKS_PRIVATE_KEYS',
            `${capitalise(options.where)} publishes private key material (${leaked.join(', ')}) in key ${key.kid ?? '(no kid)'}; it was ignored, and the provider should rotate that key now.`,
            'RFC 7517 §9.3',
          )
        : warn(
            'jwks',
            'TOKEN_PRIVATE_KEY_GIVEN',
            `${capitalise(options.where)} holds private members (${leaked.join(', ')}); only the public half was used. Verifying never needs a private key.`,
            'RFC 7517 §9.3',
          ),
    )
    return withoutMembers(key, leaked)
  })
  return { ok: true, keys: publicKeys, warnings }
}

function withoutMembers(key: JWK, names: readonly string[]): JWK {
  return Object.fromEntries(Object.entries(key).filter(([name]) => !names.includes(name))) as JWK
}

function invalid(message: string): JwksRead {
  return { ok: false, check: fail('jwks', 'TOKEN_JWKS_INVALID', message, REF) }
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1)
}
