// Which JWS algorithms the inspector verifies, and which key fits which algorithm: the rules that
// refuse `none` and stop a public key from being used as an HMAC secret (algorithm confusion).
// @see RFC 7518 §3.1 (JWS algorithms), RFC 8725 §2.1 and §3.1 (JWT BCP: algorithm verification)
import type { JWK } from 'jose'

const CURVE_OF: Record<string, string> = { ES256: 'P-256', ES384: 'P-384', ES512: 'P-521' }

const SUPPORTED = new Set([
  'HS256',
  'HS384',
  'HS512',
  'RS256',
  'RS384',
  'RS512',
  'PS256',
  'PS384',
  'PS512',
  'ES256',
  'ES384',
  'ES512',
  'EdDSA',
  'Ed25519',
])

/**
 * Whether `alg` is one jose verifies here (ML-DSA and Ed448 are not, on this Node).
 * @see RFC 7518 §3.1, RFC 8037 §3.1 (EdDSA), RFC 9864 (Ed25519)
 */
export function isSupportedAlg(alg: string): boolean {
  return SUPPORTED.has(alg)
}

/** HS256/384/512: a shared secret, never a public key. @see RFC 7518 §3.2 */
export function isHmacAlg(alg: string): boolean {
  return /^HS(256|384|512)$/.test(alg)
}

/** The key type an algorithm needs, in words: "an RSA key", "an EC key on P-256". */
function keyTypeNeededBy(alg: string): string {
  if (isHmacAlg(alg)) return 'a shared secret (HMAC)'
  if (/^(RS|PS)/.test(alg)) return 'an RSA key'
  const curve = CURVE_OF[alg]
  if (curve !== undefined) return `an EC key on ${curve}`
  return 'an Ed25519 key (OKP)'
}

/**
 * Why `jwk` cannot verify a token signed with `alg`, or null when it can.
 * @see RFC 7517 §4.2 (use), §4.3 (key_ops), §4.4 (alg); RFC 7518 §6 (key types)
 */
export function keyMismatch(jwk: JWK, alg: string): string | null {
  const label = `${jwk.kty ?? 'untyped'} key${jwk.kid === undefined ? '' : ` ${jwk.kid}`}`
  if (!fitsType(jwk, alg)) {
    const curve = jwk.crv === undefined ? '' : ` (${jwk.crv})`
    return `the ${label}${curve} cannot verify ${alg}, which needs ${keyTypeNeededBy(alg)}`
  }
  if (jwk.alg !== undefined && jwk.alg !== alg)
    return `the ${label} is declared for ${jwk.alg}, not ${alg}`
  if (jwk.use !== undefined && jwk.use !== 'sig')
    return `the ${label} is for "${jwk.use}", not signatures`
  if (Array.isArray(jwk.key_ops) && !jwk.key_ops.includes('verify')) {
    return `the ${label} does not allow "verify" in key_ops`
  }
  return null
}

function fitsType(jwk: JWK, alg: string): boolean {
  if (isHmacAlg(alg)) return jwk.kty === 'oct'
  if (/^(RS|PS)/.test(alg)) return jwk.kty === 'RSA'
  const curve = CURVE_OF[alg]
  if (curve !== undefined) return jwk.kty === 'EC' && jwk.crv === curve
  return jwk.kty === 'OKP' && jwk.crv === 'Ed25519'
}
