// Lines up the claims of two tokens, claim by claim, and says how each differs: the same, changed,
// only in the first, only in the second. Used for "hosted-login vs SRP ID token of the same user",
// "before vs after refresh", "the same user at two providers".

export type ClaimDifference = 'same' | 'changed' | 'only_left' | 'only_right'

export type ClaimComparison = {
  name: string
  left?: unknown
  right?: unknown
  difference: ClaimDifference
}

/** Time claims differ on every new token; they are compared, but listed last. */
const EXPECTED_TO_CHANGE = new Set([
  'iat',
  'exp',
  'nbf',
  'auth_time',
  'jti',
  'at_hash',
  'c_hash',
  'nonce',
  'origin_jti',
  'event_id',
])

export function compareClaims(
  left: Record<string, unknown>,
  right: Record<string, unknown>,
): ClaimComparison[] {
  const names = [...new Set([...Object.keys(left), ...Object.keys(right)])]
  const rows = names.map((name): ClaimComparison => {
    const inLeft = Object.hasOwn(left, name)
    const inRight = Object.hasOwn(right, name)
    const difference: ClaimDifference = !inRight
      ? 'only_left'
      : !inLeft
        ? 'only_right'
        : sameJson(left[name], right[name])
          ? 'same'
          : 'changed'
    return {
      name,
      ...(inLeft ? { left: left[name] } : {}),
      ...(inRight ? { right: right[name] } : {}),
      difference,
    }
  })
  // Differences that matter first, then what is the same, then what always changes.
  const rank = (row: ClaimComparison) =>
    EXPECTED_TO_CHANGE.has(row.name) ? 2 : row.difference === 'same' ? 1 : 0
  return rows.sort((a, b) => rank(a) - rank(b) || a.name.localeCompare(b.name))
}

/** Whether a claim is one that differs on every new token (a time, an id, a hash). */
export const isExpectedToChange = (name: string) => EXPECTED_TO_CHANGE.has(name)

/** Deep equality for JSON values, key order ignored. */
function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false
  if (Array.isArray(a) !== Array.isArray(b)) return false
  const keysA = Object.keys(a)
  const keysB = Object.keys(b)
  if (keysA.length !== keysB.length) return false
  return keysA.every((key) =>
    sameJson((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key]),
  )
}
