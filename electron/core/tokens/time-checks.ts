// The time claims every JWT shares: exp, iat and nbf, each compared with the clock and the
// clock skew the caller allows, with the time in words.
// @see RFC 7519 §4.1.4 (exp), §4.1.5 (nbf), §4.1.6 (iat); OpenID Connect Core 1.0 §3.1.3.7 steps 9–10
import type { TokenCheck } from '../../../shared/token-report'
import { formatDuration, formatUtc } from '../../../shared/claim-times'
import { fail, pass, warn } from './check-line'
import { nowSeconds, type ClaimContext } from './claim-context'

/** Tokens issued longer ago than this are stale for a freshly delivered ID token (oauth4webapi). */
const STALE_AFTER_SECONDS = 3600

type Presence = { required: boolean; ref: string }

const MISSING_CODE = {
  exp: 'TOKEN_EXP_MISSING',
  iat: 'TOKEN_IAT_MISSING',
  auth_time: 'TOKEN_AUTH_TIME_MISSING',
} as const

/**
 * `exp`: the current time must be before it, give or take the clock skew.
 * @see RFC 7519 §4.1.4, OpenID Connect Core 1.0 §3.1.3.7 step 9
 */
export function checkExpiry(ctx: ClaimContext, rule: Presence): TokenCheck | null {
  const exp = numericClaim(ctx, 'exp', rule)
  if (typeof exp !== 'number') return exp
  const skew = ctx.expect.clockSkewSeconds
  const late = nowSeconds(ctx) - exp
  if (late >= skew) {
    return fail(
      'exp',
      'TOKEN_EXPIRED',
      `Expired ${span(late)} ago; the clock skew allowed is ${skew} s.`,
      rule.ref,
      {
        expected: `before ${utc(exp)} (+${skew} s skew)`,
        actual: `now ${utc(nowSeconds(ctx))}`,
      },
    )
  }
  if (late >= 0) {
    return pass(
      'exp',
      `Expired ${span(late)} ago, within the ${skew} s clock skew allowed.`,
      rule.ref,
    )
  }
  return pass('exp', `Expires in ${span(-late)}.`, rule.ref)
}

/**
 * `iat`: not in the future beyond the skew; optionally not older than an hour.
 * @see RFC 7519 §4.1.6, OpenID Connect Core 1.0 §3.1.3.7 step 10
 */
export function checkIssuedAt(
  ctx: ClaimContext,
  rule: Presence & { staleIs?: 'fail' | 'warn' },
): TokenCheck | null {
  const iat = numericClaim(ctx, 'iat', rule)
  if (typeof iat !== 'number') return iat
  const skew = ctx.expect.clockSkewSeconds
  const age = nowSeconds(ctx) - iat
  if (-age > skew) {
    return fail(
      'iat',
      'TOKEN_IAT_FUTURE',
      `Issued ${span(-age)} in the future, beyond the ${skew} s clock skew allowed; are the clocks in step?`,
      rule.ref,
      { expected: `not after ${utc(nowSeconds(ctx) + skew)}`, actual: utc(iat) },
    )
  }
  if (age > STALE_AFTER_SECONDS && rule.staleIs !== undefined) {
    const build = rule.staleIs === 'fail' ? fail : warn
    return build(
      'iat',
      'TOKEN_IAT_TOO_OLD',
      `Issued ${span(age)} ago; a token delivered just now should be fresher than ${span(STALE_AFTER_SECONDS)}.`,
      rule.ref,
    )
  }
  return pass(
    'iat',
    age >= 0 ? `Issued ${span(age)} ago.` : `Issued ${span(-age)} ahead, within the clock skew.`,
    rule.ref,
  )
}

/**
 * `nbf`: the current time must not be before it, give or take the clock skew.
 * @see RFC 7519 §4.1.5
 */
export function checkNotBefore(ctx: ClaimContext): TokenCheck | null {
  const rule = { required: false, ref: 'RFC 7519 §4.1.5' }
  const nbf = numericClaim(ctx, 'nbf', rule)
  if (typeof nbf !== 'number') return nbf
  const skew = ctx.expect.clockSkewSeconds
  const early = nbf - nowSeconds(ctx)
  if (early > skew) {
    return fail(
      'nbf',
      'TOKEN_NOT_YET_VALID',
      `Not valid for another ${span(early)}, beyond the ${skew} s clock skew allowed; are the clocks in step?`,
      rule.ref,
      { expected: `not before ${utc(nbf)}`, actual: `now ${utc(nowSeconds(ctx))}` },
    )
  }
  return pass('nbf', 'Valid already (nbf has passed).', rule.ref)
}

/** The claim as seconds; otherwise the line to report (missing, or not a number), or null. */
export function numericClaim(
  ctx: ClaimContext,
  name: 'exp' | 'iat' | 'nbf' | 'auth_time',
  rule: Presence,
): number | TokenCheck | null {
  const value = ctx.payload[name]
  if (value === undefined) {
    if (!rule.required || name === 'nbf') return null
    return fail(
      name,
      MISSING_CODE[name],
      `The token has no ${name} claim, and one is required here.`,
      rule.ref,
    )
  }
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    return fail(
      name,
      'TOKEN_CLAIM_NOT_NUMERIC',
      `${name} is not a number of seconds since 1970 (a NumericDate).`,
      'RFC 7519 §2',
    )
  }
  return value
}

function utc(seconds: number): string {
  return formatUtc(new Date(seconds * 1000))
}

function span(seconds: number): string {
  return formatDuration(seconds * 1000)
}
