import { describe, expect, it } from 'vitest'
import { describeTimeClaims, formatDuration } from '../../../shared/claim-times'

const now = Date.UTC(2026, 10, 23, 12, 0, 0)
const at = (offsetSeconds: number) => now / 1000 + offsetSeconds

describe('describeTimeClaims', () => {
  it('gives each time claim a UTC date and words relative to now', () => {
    const times = describeTimeClaims(
      { exp: at(3540), nbf: at(-60), iat: at(-60), auth_time: at(-7200), sub: 'x' },
      now,
    )
    expect(times).toEqual([
      {
        claim: 'exp',
        ok: true,
        seconds: at(3540),
        utc: '2026-11-23 12:59:00 UTC',
        relative: 'expires in 59 minutes',
      },
      {
        claim: 'nbf',
        ok: true,
        seconds: at(-60),
        utc: '2026-11-23 11:59:00 UTC',
        relative: 'valid since 1 minute ago',
      },
      {
        claim: 'iat',
        ok: true,
        seconds: at(-60),
        utc: '2026-11-23 11:59:00 UTC',
        relative: 'issued 1 minute ago',
      },
      {
        claim: 'auth_time',
        ok: true,
        seconds: at(-7200),
        utc: '2026-11-23 10:00:00 UTC',
        relative: 'signed in 2 hours ago',
      },
    ])
  })

  it('says when a token has expired or is not valid yet', () => {
    const [exp, nbf] = describeTimeClaims({ exp: at(-90_000), nbf: at(30) }, now)
    expect(exp).toMatchObject({ relative: 'expired 1 day 1 hour ago' })
    expect(nbf).toMatchObject({ relative: 'not valid for another 30 seconds' })
  })

  it('names a time claim that is not a NumericDate', () => {
    expect(describeTimeClaims({ exp: '2026-11-23' }, now)).toEqual([
      { claim: 'exp', ok: false, problem: 'is not a number of seconds since 1970 (a NumericDate)' },
    ])
  })
})

describe('formatDuration', () => {
  it.each([
    [0, '0 seconds'],
    [999, '0 seconds'],
    [61_000, '1 minute 1 second'],
    [3 * 86_400_000 + 5_000, '3 days'],
  ])('%i ms reads as %s', (ms, text) => expect(formatDuration(ms)).toBe(text))
})
