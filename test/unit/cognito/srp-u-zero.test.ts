// Security fault #114: u = H(A | B) = 0 must stop the sign-in. No real B hashes to zero, so the
// hash is injected: srp-group's computeU is replaced for this file only, everything else is real.
// @see RFC 5054 §2.5.4; SRP-6a (the client aborts when u is zero, or the key stops depending on x)
import { describe, expect, it, vi } from 'vitest'
import type * as SrpGroup from '../../../electron/core/cognito/srp-group'
import { AfxError } from '../../../electron/core/errors'
import vectors from '../../fixtures/cognito-srp-vectors.json'

const scramble = vi.hoisted(() => ({ zero: true }))

vi.mock('../../../electron/core/cognito/srp-group', async (importOriginal) => {
  const real = await importOriginal<typeof SrpGroup>()
  return {
    ...real,
    computeU: (A: bigint, B: bigint) => (scramble.zero ? 0n : real.computeU(A, B)),
  }
})

const { computePasswordVerifierResponse, createSrpClientSession } =
  await import('../../../electron/core/cognito/srp')

const vector = vectors.srp[0]!

function respond() {
  const session = createSrpClientSession({
    poolId: vector.poolId,
    random: () => Buffer.from(vector.a, 'hex'),
  })
  return computePasswordVerifierResponse({
    session,
    userIdForSrp: vector.userIdForSrp,
    password: vector.password,
    srpB: vector.SRP_B,
    salt: vector.salt,
    secretBlock: vector.SECRET_BLOCK,
    now: () => new Date(vector.now),
  })
}

describe('SRP with a scrambling parameter u of zero (#114)', () => {
  it('stops before computing a key or a signature, and says why in words', () => {
    scramble.zero = true
    let thrown: unknown
    try {
      respond()
    } catch (error) {
      thrown = error
    }
    expect(thrown).toBeInstanceOf(AfxError)
    const error = thrown as AfxError
    expect(error.code).toBe('COGNITO_SRP_INVALID_B')
    expect(error.message).toBe(
      'The server sent an invalid SRP value B: u = H(A | B) is zero, so the sign-in was stopped.',
    )
    expect(error.hint).toMatch(/no longer depends on the password/)
    // Nothing derived from the password or from a reaches the words.
    expect(`${error.message} ${error.hint}`).not.toContain(vector.password)
    expect(`${error.message} ${error.hint}`).not.toContain(vector.a.slice(0, 16))
  })

  it('signs as the known-answer vector says once the real hash is back (the mock is the cause)', () => {
    scramble.zero = false
    expect(respond().signature).toBe(vector.expected.PASSWORD_CLAIM_SIGNATURE)
  })
})
