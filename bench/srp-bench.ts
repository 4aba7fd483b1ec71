// SRP speed: our client (SRP_A, then PASSWORD_CLAIM_SIGNATURE) against amazon-cognito-identity-js's
// AuthenticationHelper on the same known-answer inputs, driven by the tests' oracle.
// @see RFC 5054 §2.6; AWS Cognito API Reference, RespondToAuthChallenge (PASSWORD_VERIFIER)
import {
  computePasswordVerifierResponse,
  createSrpClientSession,
} from '../electron/core/cognito/srp'
import vectors from '../test/fixtures/cognito-srp-vectors.json'
import { acijPasswordClaim } from '../test/helpers/acij-oracle'
import { median, round, sampleSideBySide } from './measure'

/** acij takes a fifth to a half of a second per sign-in here: 11 rounds keep the bench short. */
const ROUNDS = 11
const WARMUP = 1
/** Ours takes a few milliseconds: a batch per round lifts it well above timer resolution. */
const OURS_PER_ROUND = 20

export type SrpResult = {
  value: number
  goal: string
  oursMedianMs: number
  acijMedianMs: number
  rounds: number
}

/** srpSpeedup = acij's median time per sign-in / ours. */
export async function benchSrp(): Promise<SrpResult> {
  const vector = vectors.srp[0]!
  const ours = () => {
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
    }).signature
  }
  const acij = () =>
    acijPasswordClaim({
      poolName: vector.poolId.slice(vector.poolId.indexOf('_') + 1),
      a: vector.a,
      userIdForSrp: vector.userIdForSrp,
      password: vector.password,
      srpB: vector.SRP_B,
      salt: vector.salt,
      secretBlock: vector.SECRET_BLOCK,
      timestamp: vector.TIMESTAMP,
    }).signature
  // Timing two programs only means something if they compute the same answer.
  if (ours() !== vector.expected.PASSWORD_CLAIM_SIGNATURE || acij() !== ours()) {
    throw new Error('SRP: our signature and acij’s differ on the known-answer vector')
  }
  const samples = await sampleSideBySide({
    rounds: ROUNDS,
    warmup: WARMUP,
    ours: () => {
      for (let i = 0; i < OURS_PER_ROUND; i++) ours()
    },
    peer: acij,
  })
  const oursMs = median(samples.ours) / OURS_PER_ROUND
  const acijMs = median(samples.peer)
  return {
    value: round(acijMs / oursMs, 1),
    goal: '>= 40',
    oursMedianMs: round(oursMs),
    acijMedianMs: round(acijMs),
    rounds: ROUNDS,
  }
}
