// Lists every claim of a token with its value, what it means, and for times the date in words.
// Built for every token inspected, so it builds each line once, without intermediate copies.
// @see RFC 7519 §4 (claims), §2 (NumericDate)
import type { ClaimLine } from '../../../shared/token-report'
import { describeTimeClaims } from '../../../shared/claim-times'
import { lookupClaim } from './claim-dictionary'

const UNKNOWN_CLAIM =
  'Not a registered or known claim: a private claim of this provider or application.'

/**
 * One line per claim, in the token's order; claims the dictionary does not know say so.
 * @see RFC 7519 §4.1–4.3 (registered, public and private claim names)
 */
export function describeClaims(payload: Record<string, unknown>, nowMs: number): ClaimLine[] {
  const times = describeTimeClaims(payload, nowMs)
  return Object.keys(payload).map((name) => {
    const entry = lookupClaim(name)
    const line: ClaimLine =
      entry === undefined
        ? { name, value: payload[name], known: false, description: UNKNOWN_CLAIM }
        : { name, value: payload[name], known: true, ...entry }
    const time = times.find((described) => described.claim === name)
    if (time?.ok === true) line.time = { utc: time.utc, relative: time.relative }
    return line
  })
}
