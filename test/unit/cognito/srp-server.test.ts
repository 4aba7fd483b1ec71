import { describe, expect, it } from 'vitest'
import {
  computePasswordVerifierResponse,
  createSrpClientSession,
} from '../../../electron/core/cognito/srp'
import { N } from '../../../electron/core/cognito/srp-group'
import { AfxError } from '../../../electron/core/errors'
import {
  createSrpServerChallenge,
  createSrpVerifier,
  verifyPasswordClaim,
  type SrpServerChallenge,
  type SrpVerifier,
} from '../../../electron/core/sandbox/cognito/srp-server'
import vectors from '../../fixtures/cognito-srp-vectors.json'
import { acijPasswordClaim, signInWithCognitoUser } from '../../helpers/acij-oracle'
import { createSeededRandom } from '../../helpers/seeded-random'

const POOL_ID = 'us-east-1_Sandbox01'
const POOL_NAME = 'Sandbox01'
const ALIAS = 'alice@example.test'
const SUB = '7d3f5a3e-1c9b-4e0a-9f6d-2b8c4a1e5f70'
const PASSWORD = 'Pässwörd-🔐-测试!'
const TIMESTAMP = 'Tue Jan 7 09:05:03 UTC 2025'

function thrownBy(run: () => unknown): AfxError {
  try {
    run()
  } catch (error) {
    if (error instanceof AfxError) return error
    throw error
  }
  throw new Error('expected an AfxError')
}

/** A user of the sandbox pool who signs in with an alias; the pool knows them by their sub. */
const verifier = createSrpVerifier(POOL_NAME, SUB, PASSWORD)

describe('SRP server: known answers from amazon-cognito-identity-js', () => {
  it.each(vectors.srp.map((vector) => [vector.name, vector] as const))('%s', (_name, vector) => {
    const poolName = vector.poolId.split('_')[1] ?? ''
    const made = createSrpVerifier(poolName, vector.userIdForSrp, vector.password, () =>
      Buffer.from(vector.salt, 'hex'),
    )
    const challenge = createSrpServerChallenge(made, vector.expected.SRP_A, (bytes) =>
      bytes === 128 ? Buffer.from(vector.b, 'hex') : Buffer.from(vector.SECRET_BLOCK, 'base64'),
    )

    expect(made).toEqual({ salt: vector.salt, verifier: vector.verifier })
    expect(challenge.B).toBe(vector.SRP_B)
    expect(challenge.secretBlock).toBe(vector.SECRET_BLOCK)
    expect(
      verifyPasswordClaim({
        poolName,
        userIdForSrp: vector.userIdForSrp,
        verifier: made,
        challenge,
        srpA: vector.expected.SRP_A,
        secretBlock: vector.SECRET_BLOCK,
        timestamp: vector.TIMESTAMP,
        signature: vector.expected.PASSWORD_CLAIM_SIGNATURE,
      }),
    ).toBe(true)
  })
})

describe('SRP server against CognitoUser.authenticateUser (alias typed, sub in the challenge)', () => {
  async function signIn(password: string): Promise<boolean> {
    let srpA = ''
    let challenge: SrpServerChallenge | undefined
    const responses = await signInWithCognitoUser({
      poolId: POOL_ID,
      username: ALIAS,
      password,
      initiateAuth: (sentA) => {
        srpA = sentA
        challenge = createSrpServerChallenge(verifier, sentA)
        return {
          USER_ID_FOR_SRP: SUB,
          SRP_B: challenge.B,
          SALT: verifier.salt,
          SECRET_BLOCK: challenge.secretBlock,
        }
      },
    })
    expect(responses.USERNAME).toBe(SUB)
    return verifyPasswordClaim({
      poolName: POOL_NAME,
      userIdForSrp: responses.USERNAME ?? '',
      verifier,
      challenge: challenge!,
      srpA,
      secretBlock: responses.PASSWORD_CLAIM_SECRET_BLOCK ?? '',
      timestamp: responses.TIMESTAMP ?? '',
      signature: responses.PASSWORD_CLAIM_SIGNATURE ?? '',
    })
  }

  it('accepts the right password', async () => {
    expect(await signIn(PASSWORD)).toBe(true)
  })

  it('refuses a wrong password', async () => {
    expect(await signIn('Pässwörd-🔐-测试?')).toBe(false)
  })
})

describe('SRP server against AuthenticationHelper', () => {
  const random = createSeededRandom('srp-server-helper')
  const a = random(128).toString('hex')
  // The helper computes its own A from a; srp.test.ts proves it equal to ours.
  const { A: srpA } = createSrpClientSession({
    poolId: POOL_ID,
    random: () => Buffer.from(a, 'hex'),
  })
  const challenge = createSrpServerChallenge(verifier, srpA, random)
  const claim = (changes: { password?: string; secretBlock?: string; timestamp?: string }) =>
    acijPasswordClaim({
      poolName: POOL_NAME,
      a,
      userIdForSrp: SUB,
      password: changes.password ?? PASSWORD,
      srpB: challenge.B,
      salt: verifier.salt,
      secretBlock: changes.secretBlock ?? challenge.secretBlock,
      timestamp: changes.timestamp ?? TIMESTAMP,
    }).signature
  const goodSignature = claim({})
  const verify = (changes: Partial<Parameters<typeof verifyPasswordClaim>[0]>) =>
    verifyPasswordClaim({
      poolName: POOL_NAME,
      userIdForSrp: SUB,
      verifier,
      challenge,
      srpA,
      secretBlock: challenge.secretBlock,
      timestamp: TIMESTAMP,
      signature: goodSignature,
      ...changes,
    })
  const flipFirstBit = (base64: string) => {
    const bytes = Buffer.from(base64, 'base64')
    bytes[0] = (bytes[0] ?? 0) ^ 1
    return bytes.toString('base64')
  }
  const tamperedBlock = flipFirstBit(challenge.secretBlock)

  it('accepts the right password', () => {
    expect(verify({})).toBe(true)
  })

  it('refuses a wrong password', () => {
    expect(verify({ signature: claim({ password: 'password' }) })).toBe(false)
  })

  it('refuses a TIMESTAMP other than the one signed', () => {
    expect(verify({ timestamp: 'Tue Jan 7 09:05:04 UTC 2025' })).toBe(false)
  })

  it('refuses a tampered SECRET_BLOCK, signed and echoed by the client', () => {
    const signature = claim({ secretBlock: tamperedBlock })
    expect(verify({ secretBlock: tamperedBlock, signature })).toBe(false)
  })

  it('refuses a signature over a tampered SECRET_BLOCK with the original echoed', () => {
    expect(verify({ signature: claim({ secretBlock: tamperedBlock }) })).toBe(false)
  })

  it('refuses the alias in place of USER_ID_FOR_SRP', () => {
    expect(verify({ userIdForSrp: ALIAS })).toBe(false)
  })

  it.each([
    ['empty', ''],
    ['not base64', 'not a signature'],
    ['with a trailing newline', `${goodSignature}\n`],
    ['one bit off', flipFirstBit(goodSignature)],
  ])('refuses a signature %s', (_name, signature) => {
    expect(verify({ signature })).toBe(false)
  })
})

describe('SRP server refuses bad SRP_A (RFC 5054 §2.5.4)', () => {
  it.each([
    ['0', '0'],
    ['N', N.toString(16)],
    ['2N', (2n * N).toString(16)],
  ])('refuses SRP_A = %s', (_name, srpA) => {
    const error = thrownBy(() => createSrpServerChallenge(verifier, srpA))
    expect(error.code).toBe('COGNITO_SRP_INVALID_A')
    expect(error.ref).toBe('RFC 5054 §2.5.4')
  })

  it.each([
    ['empty', ''],
    ['not hex', 'zz'],
    ['100 KB of hex', 'a'.repeat(100_000)],
  ])('refuses an SRP_A that is %s, before any maths', (_name, srpA) => {
    const started = performance.now()
    expect(thrownBy(() => createSrpServerChallenge(verifier, srpA)).code).toBe(
      'COGNITO_SRP_BAD_PARAMETER',
    )
    expect(performance.now() - started).toBeLessThan(50)
  })
})

describe('SRP: our client and our server', () => {
  const users = Array.from({ length: 8 }, (_, index) => {
    const random = createSeededRandom(`round-trip-${index}`)
    return {
      label: `user ${index}`,
      poolName: `Pool${index}x${random(4).toString('hex')}`,
      userIdForSrp: index % 2 === 0 ? random(16).toString('hex') : `user-${index}`,
      password: `${['ß🔐', 'Password1!', 'пароль', '密码🙂'][index % 4]}-${index}`,
      random,
    }
  })

  function roundTrip(
    user: (typeof users)[number],
    stored: SrpVerifier,
    password: string,
    now: Date,
  ): boolean {
    const session = createSrpClientSession({ poolId: `eu-west-1_${user.poolName}` })
    const challenge = createSrpServerChallenge(stored, session.A, user.random)
    const response = computePasswordVerifierResponse({
      session,
      userIdForSrp: user.userIdForSrp,
      password,
      srpB: challenge.B,
      salt: stored.salt,
      secretBlock: challenge.secretBlock,
      now: () => now,
    })
    return verifyPasswordClaim({
      poolName: user.poolName,
      userIdForSrp: user.userIdForSrp,
      verifier: stored,
      challenge,
      srpA: session.A,
      secretBlock: response.challengeResponses.PASSWORD_CLAIM_SECRET_BLOCK,
      timestamp: response.challengeResponses.TIMESTAMP,
      signature: response.challengeResponses.PASSWORD_CLAIM_SIGNATURE,
    })
  }

  it.each(users.map((user) => [user.label, user] as const))(
    '%s signs in with the right password and not with a wrong one',
    (_label, user) => {
      const stored = createSrpVerifier(user.poolName, user.userIdForSrp, user.password, user.random)
      const now = new Date(Date.UTC(2026, 4, 3, 4, 5, 6))
      expect(roundTrip(user, stored, user.password, now)).toBe(true)
      expect(roundTrip(user, stored, `${user.password}x`, now)).toBe(false)
    },
  )

  it('keeps no trace of the password and salts every verifier afresh', () => {
    const first = createSrpVerifier(POOL_NAME, SUB, PASSWORD)
    const second = createSrpVerifier(POOL_NAME, SUB, PASSWORD)
    expect(first.salt).toMatch(/^[0-9a-f]{32}$/)
    expect(first.salt).not.toBe(second.salt)
    expect(first.verifier).not.toBe(second.verifier)
    expect(JSON.stringify(first)).not.toContain(PASSWORD)
  })
})
