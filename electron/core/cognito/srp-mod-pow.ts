// Modular exponentiation in Cognito's SRP group, done by OpenSSL through Node's Diffie-Hellman
// API (several times faster than BigInt arithmetic on 3072-bit numbers), with a BigInt fallback.
// @see RFC 5054 §2.5 (every SRP value is a power mod N); Node.js DiffieHellman.computeSecret
import { createDiffieHellman, type DiffieHellman } from 'node:crypto'
import { N } from './srp-group'

/** null: this OpenSSL (or BoringSSL, in Electron) failed the known-answer probe; use BigInt. */
let openSslGroup: DiffieHellman | null | undefined

/**
 * Returns base^exponent mod N for any integer base and any non-negative exponent.
 * A Diffie-Hellman object computes peerKey^privateKey mod p, so the exponent goes in as the
 * private key and the base as the peer's public key.
 * @see RFC 5054 §2.5.3-§2.5.4 (A = g^a, B = k*v + g^b, S = (B - k*g^x)^(a + u*x), S = (A*v^u)^b)
 */
export function modPowN(base: bigint, exponent: bigint): bigint {
  if (exponent < 0n) throw new RangeError('modPowN: negative exponent')
  const reduced = ((base % N) + N) % N
  if (exponent === 0n) return 1n
  const group = getOpenSslGroup()
  if (group === null) return modPowBigInt(reduced, exponent)
  try {
    group.setPrivateKey(toBytes(exponent))
    return fromBytes(group.computeSecret(toBytes(reduced)))
  } catch {
    // OpenSSL refuses small-subgroup values as a peer key (0, 1, N-1) or as a result (1, N-1).
    // A sign-in never meets them, arbitrary inputs do: BigInt gives those answers.
    return modPowBigInt(reduced, exponent)
  }
}

function getOpenSslGroup(): DiffieHellman | null {
  if (openSslGroup === undefined) openSslGroup = probeOpenSslGroup()
  return openSslGroup
}

/**
 * Builds the group once and checks it on a known answer. N with g = 2 is RFC 3526's named group,
 * so OpenSSL skips its primality check of N (seconds for an arbitrary generator). The probe uses
 * an exponent longer than N: by Fermat's little theorem 3^(N+1) = 3^2 = 9 (mod N).
 */
function probeOpenSslGroup(): DiffieHellman | null {
  try {
    const group = createDiffieHellman(toBytes(N), 2)
    group.setPrivateKey(toBytes(N + 1n))
    return fromBytes(group.computeSecret(Buffer.from([3]))) === 9n ? group : null
  } catch {
    // A crypto library that refuses these parameters (Electron ships BoringSSL, not OpenSSL)
    // leaves us with BigInt: slower, still right.
    return null
  }
}

function modPowBigInt(base: bigint, exponent: bigint): bigint {
  let result = 1n
  let square = base
  for (let e = exponent; e > 0n; e >>= 1n) {
    if (e & 1n) result = (result * square) % N
    square = (square * square) % N
  }
  return result
}

function toBytes(value: bigint): Buffer {
  const hex = value.toString(16)
  return Buffer.from(hex.length % 2 === 1 ? `0${hex}` : hex, 'hex')
}

function fromBytes(bytes: Buffer): bigint {
  return bytes.length === 0 ? 0n : BigInt(`0x${bytes.toString('hex')}`)
}
