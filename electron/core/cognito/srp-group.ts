// Cognito's SRP-6a group and the derivations its client and server share: N, g, k, PAD, H, u, x,
// the HKDF "Caldera Derived Key" and the PASSWORD_CLAIM_SIGNATURE.
// @see RFC 5054 §2.5-§2.6 (SRP-6a, here with SHA-256), RFC 3526 §4 (the 3072-bit group);
// Cognito's own choices (PAD, x, HKDF, signature) as amazon-cognito-identity-js makes them.
import { createHash, createHmac, hkdfSync } from 'node:crypto'

const N_HEX =
  'FFFFFFFFFFFFFFFFC90FDAA22168C234C4C6628B80DC1CD129024E088A67CC74' +
  '020BBEA63B139B22514A08798E3404DDEF9519B3CD3A431B302B0A6DF25F1437' +
  '4FE1356D6D51C245E485B576625E7EC6F44C42E9A637ED6B0BFF5CB6F406B7ED' +
  'EE386BFB5A899FA5AE9F24117C4B1FE649286651ECE45B3DC2007CB8A163BF05' +
  '98DA48361C55D39A69163FA8FD24CF5F83655D23DCA3AD961C62F356208552BB' +
  '9ED529077096966D670C354E4ABC9804F1746C08CA18217C32905E462E36CE3B' +
  'E39E772C180E86039B2783A2EC07A28FB5C55DF06F4C52C9DE2BCBF695581718' +
  '3995497CEA956AE515D2261898FA051015728E5A8AAAC42DAD33170D04507A33' +
  'A85521ABDF1CBA64ECFB850458DBEF0A8AEA71575D060C7DB3970F85A6E1E4C7' +
  'ABF5AE8CDB0933D71E8C94E04A25619DCEE3D2261AD2EE6BF12FFA06D98A0864' +
  'D87602733EC86A64521F2B18177B200CBBE117577A615D6C770988C0BAD946E2' +
  '08E24FA074E5AB3143DB5BFCE0FD108E4B82D120A93AD2CAFFFFFFFFFFFFFFFF'

/** The 3072-bit safe prime of RFC 3526 §4 (also RFC 5054 Appendix A), Cognito's modulus. */
export const N = BigInt(`0x${N_HEX}`)
/** Hex digits in N: no honest SRP_A or SRP_B needs more (plus one sign byte, see padHex). */
export const N_HEX_LENGTH = N_HEX.length
/** The generator of the group. */
export const g = 2n
/** The SRP-6a multiplier k = H(PAD(N) | PAD(g)), PAD being Cognito's padHex, not RFC 5054's. */
export const k = hashHexToInt(padHex(N) + padHex(g))

/** The HKDF info string Cognito derives the password-claim key with. */
const HKDF_INFO = 'Caldera Derived Key'
const HKDF_KEY_BYTES = 16

/**
 * Encodes a non-negative integer the way Cognito hashes it: even-length hex, with a 00 byte in
 * front when the top bit is set (Java's BigInteger.toByteArray), instead of RFC 5054's PAD to the
 * length of N. Getting this wrong breaks k, u, x and the HKDF key for about half of all values.
 * @see amazon-cognito-identity-js AuthenticationHelper.padHex
 */
export function padHex(value: bigint): string {
  const hex = value.toString(16)
  const even = hex.length % 2 === 1 ? `0${hex}` : hex
  return /^[89a-f]/.test(even) ? `00${even}` : even
}

/**
 * H of SRP-6a: SHA-256 over the bytes a hex string spells, as 64 hex digits.
 * @see RFC 5054 §2.6 (H), with SHA-256 in place of SHA-1 as Cognito does
 */
export function hashHex(hex: string): string {
  return createHash('sha256').update(Buffer.from(hex, 'hex')).digest('hex')
}

function hashHexToInt(hex: string): bigint {
  return BigInt(`0x${hashHex(hex)}`)
}

/**
 * The scrambling parameter u = H(PAD(A) | PAD(B)), over A and B exactly as they were sent
 * (not reduced mod N), because that is what both Cognito's client and server hash.
 * @see RFC 5054 §2.6 (u = SHA1(PAD(A) | PAD(B)))
 */
export function computeU(A: bigint, B: bigint): bigint {
  return hashHexToInt(padHex(A) + padHex(B))
}

/**
 * The private key x = H(PAD(salt) | H(poolName | userIdForSrp | ":" | password)), with the
 * password as UTF-8. Cognito puts the pool name in front of the user name, and the user name is
 * USER_ID_FOR_SRP (the internal name), never the alias the person typed.
 * @see RFC 5054 §2.4 (x = SHA1(s | SHA1(I | ":" | P)))
 */
export function computeX(
  salt: bigint,
  poolName: string,
  userIdForSrp: string,
  password: string,
): bigint {
  const identityHash = createHash('sha256')
    .update(`${poolName}${userIdForSrp}:${password}`, 'utf8')
    .digest('hex')
  return hashHexToInt(padHex(salt) + identityHash)
}

/**
 * The 16-byte key that signs the password claim: HKDF-SHA256 with ikm = PAD(S), salt = PAD(u)
 * and info "Caldera Derived Key" (the library writes out one HKDF block by hand; same bytes).
 * @see RFC 5869 §2 (HKDF); amazon-cognito-identity-js AuthenticationHelper.computehkdf
 */
export function derivePasswordClaimKey(S: bigint, u: bigint): Buffer {
  const key = hkdfSync(
    'sha256',
    Buffer.from(padHex(S), 'hex'),
    Buffer.from(padHex(u), 'hex'),
    HKDF_INFO,
    HKDF_KEY_BYTES,
  )
  return Buffer.from(key)
}

export type PasswordClaim = {
  key: Buffer
  poolName: string
  userIdForSrp: string
  /** SECRET_BLOCK as its decoded bytes. */
  secretBlock: Buffer
  timestamp: string
}

/**
 * PASSWORD_CLAIM_SIGNATURE before base64: HMAC-SHA256 keyed with the claim key over
 * poolName | userIdForSrp | SECRET_BLOCK bytes | TIMESTAMP (strings as UTF-8).
 * @see AWS Cognito API Reference, RespondToAuthChallenge (PASSWORD_VERIFIER challenge responses)
 */
export function signPasswordClaim(claim: PasswordClaim): Buffer {
  return createHmac('sha256', claim.key)
    .update(
      Buffer.concat([
        Buffer.from(claim.poolName, 'utf8'),
        Buffer.from(claim.userIdForSrp, 'utf8'),
        claim.secretBlock,
        Buffer.from(claim.timestamp, 'utf8'),
      ]),
    )
    .digest()
}
