// Picks the key that should verify a token from a key set, and says why: by `kid`, or the only
// key that fits when the header has none. Several fitting keys and no `kid` is ambiguous.
// @see OpenID Connect Core 1.0 §10.1, RFC 7515 §4.1.4 (kid), RFC 7517 §4.5
import type { JWK } from 'jose'
import { keyMismatch } from './alg-policy'

export type KeySelection =
  | { outcome: 'selected'; jwk: JWK; why: string }
  | { outcome: 'kid_not_found'; kid: string; availableKids: string[] }
  | { outcome: 'unfit'; why: string }
  | { outcome: 'none_applicable'; why: string }
  | { outcome: 'ambiguous'; candidates: JWK[] }

/**
 * Selects the verification key for a JWS header from `keys`.
 * @see OpenID Connect Core 1.0 §10.1 (with several keys the header MUST carry a kid)
 */
export function selectJwk(
  keys: JWK[],
  header: { alg: string; kid?: string | undefined },
): KeySelection {
  const { alg, kid } = header
  if (kid !== undefined) {
    const sameKid = keys.filter((key) => key.kid === kid)
    if (sameKid.length === 0) {
      return {
        outcome: 'kid_not_found',
        kid,
        availableKids: keys.map((key) => key.kid ?? '(no kid)'),
      }
    }
    const fitting = sameKid.find((key) => keyMismatch(key, alg) === null)
    if (fitting === undefined) {
      return { outcome: 'unfit', why: keyMismatch(sameKid[0] as JWK, alg) ?? '' }
    }
    return { outcome: 'selected', jwk: fitting, why: `the key with kid ${kid}` }
  }
  const fitting = keys.filter((key) => keyMismatch(key, alg) === null)
  if (fitting.length === 1) {
    return {
      outcome: 'selected',
      jwk: fitting[0] as JWK,
      why: `no kid in the header, and ${keys.length === 1 ? 'the set has one key' : `one of the ${keys.length} keys`} fits ${alg}`,
    }
  }
  if (fitting.length === 0) {
    const reasons = keys.map((key) => keyMismatch(key, alg)).filter((why) => why !== null)
    return {
      outcome: 'none_applicable',
      why: keys.length === 0 ? 'the set is empty' : reasons.join('; '),
    }
  }
  return { outcome: 'ambiguous', candidates: fitting }
}
