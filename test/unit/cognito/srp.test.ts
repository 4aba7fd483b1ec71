import { getDiffieHellman } from 'node:crypto'
import { afterEach, describe, expect, it, vi } from 'vitest'
import {
  computePasswordVerifierResponse,
  createSrpClientSession,
  formatCognitoTimestamp,
  type PasswordVerifierInput,
} from '../../../electron/core/cognito/srp'
import { g, k, N, padHex } from '../../../electron/core/cognito/srp-group'
import { AfxError } from '../../../electron/core/errors'
import {
  createSrpServerChallenge,
  createSrpVerifier,
} from '../../../electron/core/sandbox/cognito/srp-server'
import vectors from '../../fixtures/cognito-srp-vectors.json'
import { acij, acijPasswordClaim } from '../../helpers/acij-oracle'
import { createSeededRandom } from '../../helpers/seeded-random'

function thrownBy(run: () => unknown): AfxError {
  try {
    run()
  } catch (error) {
    if (error instanceof AfxError) return error
    throw error
  }
  throw new Error('expected an AfxError')
}

function formatUuid(bytes: Buffer): string {
  const hex = bytes.toString('hex')
  return [
    hex.slice(0, 8),
    hex.slice(8, 12),
    hex.slice(12, 16),
    hex.slice(16, 20),
    hex.slice(20),
  ].join('-')
}

describe('Cognito SRP group', () => {
  it('is the 3072-bit group of RFC 3526 §4 with g = 2 and k = H(PAD(N) | PAD(g))', () => {
    const rfc3526 = getDiffieHellman('modp15')
    expect(N.toString(16)).toBe(rfc3526.getPrime('hex'))
    expect(g).toBe(BigInt(`0x${rfc3526.getGenerator('hex')}`))
    expect(k.toString(16)).toBe(vectors.srp[0]?.expected.k)
  })

  it.each([
    [0n, '00'],
    [20n, '14'],
    [56n, '38'],
    [200n, '00c8'],
    [236n, '00ec'],
    [0xabcn, '0abc'],
    [0x8abcn, '008abc'],
  ])('pads %s as Java BigInteger.toByteArray does: %s', (value, hex) => {
    expect(padHex(value)).toBe(hex)
  })
})

describe('SRP client: known answers from amazon-cognito-identity-js', () => {
  it.each(vectors.srp.map((vector) => [vector.name, vector] as const))('%s', (_name, vector) => {
    const session = createSrpClientSession({
      poolId: vector.poolId,
      random: () => Buffer.from(vector.a, 'hex'),
    })
    const response = computePasswordVerifierResponse({
      session,
      userIdForSrp: vector.userIdForSrp,
      password: vector.password,
      srpB: vector.SRP_B,
      salt: vector.salt,
      secretBlock: vector.SECRET_BLOCK,
      now: () => new Date(vector.now),
    })

    expect(session.A).toBe(vector.expected.SRP_A)
    expect(response).toEqual({
      k: vector.expected.k,
      u: vector.expected.u,
      x: vector.expected.x,
      S: vector.expected.S,
      hkdfKey: vector.expected.hkdfKey,
      timestamp: vector.TIMESTAMP,
      signature: vector.expected.PASSWORD_CLAIM_SIGNATURE,
      challengeResponses: {
        USERNAME: vector.userIdForSrp,
        PASSWORD_CLAIM_SECRET_BLOCK: vector.SECRET_BLOCK,
        PASSWORD_CLAIM_SIGNATURE: vector.expected.PASSWORD_CLAIM_SIGNATURE,
        TIMESTAMP: vector.TIMESTAMP,
      },
    })
  })
})

describe('SRP client: byte-equal to AuthenticationHelper on random inputs', () => {
  const passwords = [
    'Password1!',
    'Pässwörd 🔐 测试',
    '🙂🙃-ß-Ω-ø',
    'パスワード123',
    'correct horse',
  ]
  const cases = Array.from({ length: 25 }, (_, index) => {
    const random = createSeededRandom(`srp-client-${index}`)
    const poolName = `Pool${random(6).toString('hex')}`
    const salt = random(16)
    // Half the salts have their top bit set, so padHex adds a 00 byte in front.
    salt[0] = index % 2 === 0 ? (salt[0] ?? 0) | 0x80 : (salt[0] ?? 0) & 0x7f
    // Alias pools answer with the user's sub as USER_ID_FOR_SRP; the others with the user name.
    const isSub = index % 3 !== 0
    const userIdForSrp = isSub ? formatUuid(random(16)) : `user${index}`
    const password = `${passwords[index % passwords.length]}${index}`
    const verifier = createSrpVerifier(poolName, userIdForSrp, password, () => salt)
    return {
      label: `case ${index}: pool ${poolName}, salt ${salt.toString('hex').slice(0, 2)}…, USER_ID_FOR_SRP ${isSub ? 'a sub' : 'a user name'}`,
      poolName,
      a: random(128).toString('hex'),
      userIdForSrp,
      password,
      salt: verifier.salt,
      verifier,
      secretBlock: random(16 + index * 7).toString('base64'),
      random,
      now: new Date(Date.UTC(2026, index % 12, 1 + index, index % 24, 7, index)),
    }
  })

  it.each(cases.map((c) => [c.label, c] as const))('%s', (_label, c) => {
    const session = createSrpClientSession({
      poolId: `us-west-2_${c.poolName}`,
      random: () => Buffer.from(c.a, 'hex'),
    })
    const challenge = createSrpServerChallenge(c.verifier, session.A, c.random)
    const response = computePasswordVerifierResponse({
      session,
      userIdForSrp: c.userIdForSrp,
      password: c.password,
      srpB: challenge.B,
      salt: c.salt,
      secretBlock: c.secretBlock,
      now: () => c.now,
    })

    const oracle = acijPasswordClaim({
      poolName: c.poolName,
      a: c.a,
      userIdForSrp: c.userIdForSrp,
      password: c.password,
      srpB: challenge.B,
      salt: c.salt,
      secretBlock: c.secretBlock,
      timestamp: response.timestamp,
    })
    expect(session.A).toBe(oracle.srpA)
    expect(response.hkdfKey).toBe(oracle.hkdfKey)
    expect(response.signature).toBe(oracle.signature)
  })
})

describe('formatCognitoTimestamp', () => {
  afterEach(() => {
    vi.useRealTimers()
  })

  // DateHelper reads the real clock, so a fake Date is the only way to hand it an instant.
  function acijTimestamp(date: Date): string {
    vi.setSystemTime(date)
    return new acij.DateHelper().getNowString()
  }

  it('writes "ddd MMM D HH:mm:ss UTC YYYY" with an unpadded day', () => {
    expect(formatCognitoTimestamp(new Date('2025-01-07T09:05:03Z'))).toBe(
      'Tue Jan 7 09:05:03 UTC 2025',
    )
    expect(formatCognitoTimestamp(new Date('2026-12-31T23:59:59.999Z'))).toBe(
      'Thu Dec 31 23:59:59 UTC 2026',
    )
  })

  it('agrees with DateHelper on every day of 2024 and 2025, and on days 1-9 at midnight', () => {
    vi.useFakeTimers({ toFake: ['Date'] })
    const dates: Date[] = []
    for (let day = 0; day < 731; day++) {
      dates.push(new Date(Date.UTC(2024, 0, 1 + day, day % 24, (day * 7) % 60, (day * 13) % 60)))
    }
    for (let month = 0; month < 12; month++) {
      for (let day = 1; day <= 9; day++) dates.push(new Date(Date.UTC(2027, month, day)))
    }

    const mismatches = dates.filter((d) => formatCognitoTimestamp(d) !== acijTimestamp(d))

    expect(mismatches).toEqual([])
  })

  it('uses UTC whatever the local time zone says', () => {
    const zone = process.env.TZ
    process.env.TZ = 'Pacific/Kiritimati' // UTC+14: there it is already the next day
    try {
      const date = new Date('2025-02-28T23:30:00Z')
      expect(date.getDate()).toBe(1)
      expect(formatCognitoTimestamp(date)).toBe('Fri Feb 28 23:30:00 UTC 2025')
    } finally {
      if (zone === undefined) delete process.env.TZ
      else process.env.TZ = zone
    }
  })
})

describe('SRP client safety checks', () => {
  const vector = vectors.srp[0]!
  const session = createSrpClientSession({
    poolId: vector.poolId,
    random: () => Buffer.from(vector.a, 'hex'),
  })
  const respond = (changes: Partial<PasswordVerifierInput>) =>
    computePasswordVerifierResponse({
      session,
      userIdForSrp: vector.userIdForSrp,
      password: vector.password,
      srpB: vector.SRP_B,
      salt: vector.salt,
      secretBlock: vector.SECRET_BLOCK,
      ...changes,
    })

  it.each([
    ['0', '0'],
    ['N', N.toString(16)],
    ['2N', (2n * N).toString(16)],
  ])('aborts when SRP_B is %s, which is 0 mod N (RFC 5054 §2.5.4)', (_name, srpB) => {
    const error = thrownBy(() => respond({ srpB }))
    expect(error.code).toBe('COGNITO_SRP_INVALID_B')
    expect(error.message).toMatch(/server sent an invalid SRP value B/)
    expect(error.ref).toBe('RFC 5054 §2.5.4')
  })

  it('refuses an oversized SRP_B before any big-integer maths', () => {
    const started = performance.now()
    const error = thrownBy(() => respond({ srpB: 'f'.repeat(100_000) }))
    expect(error.code).toBe('COGNITO_SRP_BAD_PARAMETER')
    expect(error.message).toContain('longer than the SRP group')
    expect(performance.now() - started).toBeLessThan(50)
  })

  it.each([
    ['SRP_B', { srpB: '' }],
    ['SRP_B', { srpB: 'xyz' }],
    ['SRP_B', { srpB: '12 34' }],
    ['SRP_B', { srpB: '-1' }],
    ['SALT', { salt: '' }],
    ['SALT', { salt: 'g0' }],
    ['SALT', { salt: 'ab'.repeat(300) }],
    ['SECRET_BLOCK', { secretBlock: '' }],
    ['SECRET_BLOCK', { secretBlock: 'not base64!' }],
    ['SECRET_BLOCK', { secretBlock: 'abc' }],
  ])('names %s in a parse error: %j', (name, changes) => {
    const error = thrownBy(() => respond(changes))
    expect(error.code).toBe('COGNITO_SRP_BAD_PARAMETER')
    expect(error.message).toContain(name)
  })

  it('refuses a pool id without a pool name', () => {
    const error = thrownBy(() => createSrpClientSession({ poolId: 'us-east-1' }))
    expect(error.code).toBe('COGNITO_SRP_BAD_PARAMETER')
  })

  it('refuses a random source that returns zeros for a', () => {
    const error = thrownBy(() =>
      createSrpClientSession({ poolId: vector.poolId, random: (bytes) => Buffer.alloc(bytes) }),
    )
    expect(error.code).toBe('COGNITO_SRP_BAD_PARAMETER')
  })

  it('draws a fresh 1024-bit a by default', () => {
    const first = createSrpClientSession({ poolId: vector.poolId })
    const second = createSrpClientSession({ poolId: vector.poolId })
    expect(first.a).not.toBe(second.a)
    expect(first.a < 2n ** 1024n).toBe(true)
    expect(first.A).toMatch(/^[0-9a-f]+$/)
  })
})
