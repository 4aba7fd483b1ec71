// Imports a public JWK for one algorithm, once: importing an RSA key costs about as much as
// verifying with it, and a key used again verifies faster than a freshly imported one (measured).
// Secret (oct) keys are imported every time and never kept, so no shared secret outlives the
// inspection that was given it.
// @see RFC 7517 §4 (JWK), RFC 7518 §6 (key parameters)
import { importJWK } from 'jose'
import type { CryptoKey, JWK } from 'jose'
import { KeyCache } from './key-cache'

/** Every key of a few providers at once; an evicted key is only imported again. */
const imported = new KeyCache<CryptoKey | Uint8Array>(32)

/**
 * Imports of frozen JWKs (a pasted key read once and kept), found by the object itself: a frozen
 * JWK cannot change, so it needs no serialising and hashing per token. Weak: an entry goes with
 * its JWK.
 */
const byFrozenJwk = new WeakMap<JWK, Map<string, CryptoKey | Uint8Array>>()

/**
 * jose's importJWK for `alg`, remembered by the key's members and the algorithm (a key imported
 * for RS256 is not the key for PS256). A key that fails to import is not remembered.
 * @see RFC 7517 §4, RFC 7518 §6 https://www.rfc-editor.org/rfc/rfc7518#section-6
 */
export async function importPublicJwk(jwk: JWK, alg: string): Promise<CryptoKey | Uint8Array> {
  if (jwk.kty === 'oct') return importJWK(jwk, alg)
  const known = byFrozenJwk.get(jwk)?.get(alg)
  if (known !== undefined) return known
  const material = `${alg}\n${JSON.stringify(jwk)}`
  let key = imported.lookup(material)
  if (key === undefined) {
    key = await importJWK(jwk, alg)
    imported.keep(material, key)
  }
  if (Object.isFrozen(jwk)) {
    const forAlgs = byFrozenJwk.get(jwk) ?? new Map<string, CryptoKey | Uint8Array>()
    byFrozenJwk.set(jwk, forAlgs.set(alg, key))
  }
  return key
}
