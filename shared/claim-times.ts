// Turns the time claims of a JWT into words: a UTC date and how far it is from now.
// @see RFC 7519 §2 (NumericDate) https://www.rfc-editor.org/rfc/rfc7519#section-2

export const TIME_CLAIMS = ['exp', 'nbf', 'iat', 'auth_time'] as const
export type TimeClaimName = (typeof TIME_CLAIMS)[number]

export type TimeClaim =
  | { claim: TimeClaimName; ok: true; seconds: number; utc: string; relative: string }
  | { claim: TimeClaimName; ok: false; problem: string }

/** Describes each time claim present in a payload, in the order exp, nbf, iat, auth_time. */
export function describeTimeClaims(payload: Record<string, unknown>, nowMs: number): TimeClaim[] {
  return TIME_CLAIMS.filter((claim) => claim in payload).map((claim) => {
    const seconds = payload[claim]
    if (typeof seconds !== 'number' || !Number.isFinite(seconds)) {
      return { claim, ok: false, problem: 'is not a number of seconds since 1970 (a NumericDate)' }
    }
    const date = new Date(seconds * 1000)
    if (Number.isNaN(date.getTime())) {
      return { claim, ok: false, problem: 'is too far from today to be a date' }
    }
    return {
      claim,
      ok: true,
      seconds,
      utc: formatUtc(date),
      relative: relativeText(claim, seconds * 1000 - nowMs),
    }
  })
}

/** "2026-11-23 01:20:00 UTC" */
export function formatUtc(date: Date): string {
  return `${date.toISOString().slice(0, 19).replace('T', ' ')} UTC`
}

function relativeText(claim: TimeClaimName, deltaMs: number): string {
  const span = formatDuration(Math.abs(deltaMs))
  const future = deltaMs > 0
  switch (claim) {
    case 'exp':
      return future ? `expires in ${span}` : `expired ${span} ago`
    case 'nbf':
      return future ? `not valid for another ${span}` : `valid since ${span} ago`
    case 'iat':
      return future
        ? `issued ${span} in the future (are the clocks in step?)`
        : `issued ${span} ago`
    case 'auth_time':
      return future
        ? `signed in ${span} in the future (are the clocks in step?)`
        : `signed in ${span} ago`
  }
}

const UNITS = [
  ['day', 86_400_000],
  ['hour', 3_600_000],
  ['minute', 60_000],
  ['second', 1000],
] as const

/** The two largest non-zero units: "3 days 4 hours", "59 minutes", "0 seconds". */
export function formatDuration(ms: number): string {
  const parts: string[] = []
  let rest = Math.floor(ms / 1000) * 1000
  for (const [name, size] of UNITS) {
    const count = Math.floor(rest / size)
    rest -= count * size
    if (count > 0 && parts.length < 2) parts.push(`${count} ${name}${count === 1 ? '' : 's'}`)
    else if (parts.length > 0) break
  }
  return parts.length > 0 ? parts.join(' ') : '0 seconds'
}
