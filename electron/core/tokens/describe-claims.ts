// Lists every claim of a token with its value, what it means, and for times the date in words.
// @see RFC 7519 §4 (claims), §2 (NumericDate)
import type { ClaimLine } from '../../../shared/token-report'
import { describeTimeClaims } from '../../../shared/claim-times'
import { lookupClaim } from './claim-dictionary'

/**
 * One line per claim, in the token's order; claims the dictionary does not know say so.
 * @see RFC 7519 §4.1–4.3 (registered, public and private claim names)
 */
export function describeClaims(payload: Record<string, unknown>, nowMs: number): ClaimLine[] {
  const times = new Map(
    describeTimeClaims(payload, nowMs).flatMap((time) =>
      time.ok ? [[time.claim as string, { utc: time.utc, relative: time.relative }] as const] : [],
    ),
  )
  return Object.entries(payload).map(([name, value]) => {
    const entry = lookupClaim(name)
    const time = times.get(name)
    return {
      name,
      value,
      known: entry !== undefined,
      ...(entry === undefined
        ? {
            description:
              'Not a registered or known claim: a private claim of this provider or application.',
          }
        : entry),
      ...(time === undefined ? {} : { time }),
    }
  })
}
