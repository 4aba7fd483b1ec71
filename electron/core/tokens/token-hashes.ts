// The hashes an ID token carries for the values that travel next to it: at_hash (access token),
// c_hash (authorization code), s_hash (state). Each is the left-most half of a hash of the ASCII
// value, base64url-encoded, with the hash function of the ID token's own `alg`.
// @see OpenID Connect Core 1.0 §3.1.3.6 (at_hash), §3.3.2.11 (c_hash); FAPI 1.0 Advanced §5.1 (s_hash)
import { createHash } from 'node:crypto'

/**
 * The hash function a JWS `alg` implies: SHA-256 for *256, SHA-384 for *384, SHA-512 for *512
 * and for EdDSA over Ed25519; null for algorithms with no agreed hash here (Ed448, none).
 * @see OpenID Connect Core 1.0 §3.1.3.6 (errata set 2: EdDSA with Ed25519 uses SHA-512)
 */
export function hashNameForAlg(alg: string): 'sha256' | 'sha384' | 'sha512' | null {
  const bits = /^(?:HS|RS|PS|ES)(256|384|512)$/.exec(alg)?.[1]
  if (bits !== undefined) return `sha${bits}` as 'sha256' | 'sha384' | 'sha512'
  // jose verifies EdDSA over Ed25519 only, so a verified EdDSA token is an Ed25519 one.
  return alg === 'EdDSA' || alg === 'Ed25519' ? 'sha512' : null
}

/**
 * Computes at_hash / c_hash / s_hash of `value` for an ID token signed with `alg`, or null when
 * no hash is defined for that algorithm.
 * @see OpenID Connect Core 1.0 §3.1.3.6, §3.3.2.11
 */
export function computeTokenHash(value: string, alg: string): string | null {
  const hashName = hashNameForAlg(alg)
  if (hashName === null) return null
  const digest = createHash(hashName).update(value, 'ascii').digest()
  return digest.subarray(0, digest.length / 2).toString('base64url')
}
