// The server side of Cognito's SRP-6a for the sandbox pool: the verifier kept instead of the
// password, SRP_B for InitiateAuth, and the check of PASSWORD_CLAIM_SIGNATURE.
// @see RFC 5054 §2.4 (verifier), §2.5.3-§2.5.4 and §2.6 (host); RFC 2945 §3
import { randomBytes, timingSafeEqual } from 'node:crypto'
import {
  computeU,
  computeX,
  derivePasswordClaimKey,
  g,
  k,
  N,
  signPasswordClaim,
} from '../../cognito/srp-group'
import { modPowN } from '../../cognito/srp-mod-pow'
import { decodeSecretBlock, parsePublicValue } from '../../cognito/srp-parameters'

/** Cognito's salts are 16 bytes. */
const SALT_BYTES = 16
/** b as long as the client's a: 1024 bits. */
const PRIVATE_EPHEMERAL_BYTES = 128
/** Opaque to the client, which only echoes it and signs it. */
const SECRET_BLOCK_BYTES = 64

/** What the pool stores per user instead of the password. */
export type SrpVerifier = {
  /** Hex, sent as SALT. */
  salt: string
  /** Hex, v = g^x mod N. */
  verifier: string
}

/**
 * Made once when a user is created or changes password; the password itself is never stored.
 * @see RFC 5054 §2.4 (x = H(s | H(I | ":" | P)), v = g^x % N), Cognito prefixing I with the
 * pool name
 */
export function createSrpVerifier(
  poolName: string,
  userIdForSrp: string,
  password: string,
  random: (bytes: number) => Buffer = randomBytes,
): SrpVerifier {
  const salt = random(SALT_BYTES).toString('hex')
  const x = computeX(BigInt(`0x${salt}`), poolName, userIdForSrp, password)
  return { salt, verifier: modPowN(g, x).toString(16) }
}

/** One PASSWORD_VERIFIER challenge, kept by the pool until the client answers it. */
export type SrpServerChallenge = {
  /** The server's private ephemeral value. Secret. */
  b: bigint
  /** Hex, sent as SRP_B. */
  B: string
  /** Base64, sent as SECRET_BLOCK and echoed back as PASSWORD_CLAIM_SECRET_BLOCK. */
  secretBlock: string
}

/**
 * Answers InitiateAuth(USER_SRP_AUTH) with SRP_B; throws AfxError on an invalid SRP_A
 * (A % N == 0, malformed or oversized hex).
 * @see RFC 5054 §2.5.3 (B = k*v + g^b % N) and §2.5.4 (the host aborts if A % N is zero)
 */
export function createSrpServerChallenge(
  verifier: SrpVerifier,
  srpA: string,
  random: (bytes: number) => Buffer = randomBytes,
): SrpServerChallenge {
  // Checked now, so a bad SRP_A fails InitiateAuth instead of a challenge nobody can answer.
  parsePublicValue('SRP_A', srpA)
  const b = BigInt(`0x${random(PRIVATE_EPHEMERAL_BYTES).toString('hex')}`)
  const v = BigInt(`0x${verifier.verifier}`)
  const B = (k * v + modPowN(g, b)) % N
  return { b, B: B.toString(16), secretBlock: random(SECRET_BLOCK_BYTES).toString('base64') }
}

/**
 * Checks RespondToAuthChallenge(PASSWORD_VERIFIER): recomputes the signature with
 * S = (A·v^u)^b and compares in constant time.
 * @see RFC 5054 §2.6 (host premaster secret); AWS Cognito API Reference, RespondToAuthChallenge
 */
export function verifyPasswordClaim(input: {
  poolName: string
  userIdForSrp: string
  verifier: SrpVerifier
  challenge: SrpServerChallenge
  srpA: string
  secretBlock: string
  timestamp: string
  signature: string
}): boolean {
  const { challenge } = input
  // The claim must carry the block this challenge issued: a swapped block is a different session.
  if (input.secretBlock !== challenge.secretBlock) return false
  const A = parsePublicValue('SRP_A', input.srpA)
  const v = BigInt(`0x${input.verifier.verifier}`)
  const u = computeU(A, BigInt(`0x${challenge.B}`))
  const S = modPowN(A * modPowN(v, u), challenge.b)
  const expected = signPasswordClaim({
    key: derivePasswordClaimKey(S, u),
    poolName: input.poolName,
    userIdForSrp: input.userIdForSrp,
    secretBlock: decodeSecretBlock(challenge.secretBlock),
    timestamp: input.timestamp,
  }).toString('base64')
  // Compared as base64 text, so a signature with stray characters Node's decoder would skip fails.
  const given = Buffer.from(input.signature, 'utf8')
  const wanted = Buffer.from(expected, 'utf8')
  return given.length === wanted.length && timingSafeEqual(given, wanted)
}
