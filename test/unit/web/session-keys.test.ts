import { describe, expect, it } from 'vitest'
import { BOOTSTRAP_CODE_TTL_MS, SessionKeys } from '../../../electron/hosts/web/session-keys'

function keysAt(start = 1_000_000) {
  let now = start
  return { keys: new SessionKeys(() => now), advance: (ms: number) => (now += ms) }
}

describe('SessionKeys', () => {
  it('trades a code for a session key once; the second trade is refused as used', () => {
    const { keys } = keysAt()
    const code = keys.issueCode()
    const first = keys.exchange(code)
    expect(first).toEqual({ session: expect.stringMatching(/^[\w-]{43}$/) })
    expect(keys.isSession((first as { session: string }).session)).toBe(true)
    expect(keys.exchange(code)).toEqual({ refused: 'used' })
  })

  it('refuses a code from the moment its minute is over', () => {
    const { keys, advance } = keysAt()
    const fresh = keys.issueCode()
    const old = keys.issueCode()
    advance(BOOTSTRAP_CODE_TTL_MS - 1)
    expect('session' in keys.exchange(fresh)).toBe(true)
    advance(1)
    expect(keys.exchange(old)).toEqual({ refused: 'expired' })
  })

  it('refuses a code it never issued, and knows no session it never opened', () => {
    const { keys } = keysAt()
    keys.issueCode()
    expect(keys.exchange('guess')).toEqual({ refused: 'unknown' })
    expect(keys.exchange('')).toEqual({ refused: 'unknown' })
    expect(keys.isSession('guess')).toBe(false)
    expect(keys.isSession(undefined)).toBe(false)
  })

  it('gives each code its own session, and never hands out a code as a session', () => {
    const { keys } = keysAt()
    const [a, b] = [keys.issueCode(), keys.issueCode()]
    expect(keys.isSession(a)).toBe(false)
    const sessionA = (keys.exchange(a) as { session: string }).session
    const sessionB = (keys.exchange(b) as { session: string }).session
    expect(sessionA).not.toBe(sessionB)
    expect(keys.isSession(sessionA) && keys.isSession(sessionB)).toBe(true)
  })

  it('forgets expired codes when it issues new ones', () => {
    const { keys, advance } = keysAt()
    const old = keys.issueCode()
    advance(BOOTSTRAP_CODE_TTL_MS)
    keys.issueCode()
    expect(keys.exchange(old)).toEqual({ refused: 'unknown' })
  })
})
