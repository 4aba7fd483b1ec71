// What every claim check is given: the decoded token, what the caller expects, and the time.
// @see RFC 7519 §7.2 (validating a JWT)
import type { TokenExpectations } from '../../../shared/token-report'

export type ClaimContext = {
  header: Record<string, unknown>
  payload: Record<string, unknown>
  expect: TokenExpectations
  nowMs: number
}

/**
 * `aud` as a list: a single string is a one-element list; anything else is not an audience.
 * @see RFC 7519 §4.1.3
 */
export function audiencesOf(payload: Record<string, unknown>): string[] | null {
  const aud = payload.aud
  if (typeof aud === 'string') return [aud]
  if (Array.isArray(aud) && aud.every((value) => typeof value === 'string')) return aud
  return null
}

/** The seconds of the caller's clock. */
export function nowSeconds(ctx: ClaimContext): number {
  return ctx.nowMs / 1000
}
