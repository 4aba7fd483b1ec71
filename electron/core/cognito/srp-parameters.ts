// Reads SRP values off the wire (SRP_A, SRP_B, SALT, SECRET_BLOCK) before any maths touches
// them: bounded hex, strict base64, and the public-value checks of SRP-6a.
// @see RFC 5054 §2.5.4 (abort when A % N or B % N is zero)
import { AfxError } from '../errors'
import { N, N_HEX_LENGTH } from './srp-group'

/** N's length plus one sign byte: what padHex would write. Longer is refused unread. */
const MAX_PUBLIC_VALUE_HEX = N_HEX_LENGTH + 2
/** Cognito's salts are 16 bytes; 256 bytes leaves room for other servers and bounds the work. */
const MAX_SALT_HEX = 512
const HEX = /^[0-9a-fA-F]+$/
const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/
const REF_SRP = 'RFC 5054 §2.5.4'
const REF_WIRE = 'AWS Cognito API Reference, InitiateAuth (SRP_A; SRP_B and SALT in the challenge)'

/**
 * Parses SRP_A (at the server) or SRP_B (at the client) and refuses a value that is 0 mod N,
 * which would let the other side force a predictable session key.
 * @see RFC 5054 §2.5.4 (the client MUST abort if B % N is zero; the host if A % N is zero)
 */
export function parsePublicValue(name: 'SRP_A' | 'SRP_B', hex: string): bigint {
  const value = parseHex(name, hex, MAX_PUBLIC_VALUE_HEX)
  if (value % N === 0n) {
    const sender = name === 'SRP_A' ? 'client' : 'server'
    throw new AfxError(
      name === 'SRP_A' ? 'COGNITO_SRP_INVALID_A' : 'COGNITO_SRP_INVALID_B',
      `The ${sender} sent an invalid SRP value ${name.slice(4)}: it is 0 mod N, so the sign-in was stopped.`,
      {
        hint: `A ${name} of 0 or N makes the shared key predictable: an honest ${sender} never sends one.`,
        ref: REF_SRP,
      },
    )
  }
  return value
}

/**
 * Parses SALT: hex, bounded before hashing.
 * @see RFC 5054 §2.4 (s, the salt)
 */
export function parseSalt(hex: string): bigint {
  return parseHex('SALT', hex, MAX_SALT_HEX)
}

/**
 * Decodes SECRET_BLOCK (or PASSWORD_CLAIM_SECRET_BLOCK), refusing anything but padded base64,
 * because Node's decoder would otherwise skip stray characters and sign different bytes.
 * @see AWS Cognito API Reference, RespondToAuthChallenge (PASSWORD_CLAIM_SECRET_BLOCK)
 */
export function decodeSecretBlock(base64: string): Buffer {
  if (base64 === '' || !BASE64.test(base64)) {
    throw new AfxError('COGNITO_SRP_BAD_PARAMETER', 'SECRET_BLOCK is not base64.', {
      hint: 'Pass SECRET_BLOCK back exactly as the PASSWORD_VERIFIER challenge sent it.',
      ref: 'AWS Cognito API Reference, RespondToAuthChallenge',
    })
  }
  return Buffer.from(base64, 'base64')
}

function parseHex(name: string, hex: string, maxLength: number): bigint {
  // Checked before BigInt sees it: a multi-megabyte value would otherwise cost seconds of CPU.
  if (hex.length > maxLength) {
    throw new AfxError(
      'COGNITO_SRP_BAD_PARAMETER',
      `${name} is ${hex.length} hex digits, longer than the SRP group allows (${maxLength}).`,
      { hint: `Check that ${name} was copied alone, without other parameters.`, ref: REF_WIRE },
    )
  }
  if (!HEX.test(hex)) {
    throw new AfxError('COGNITO_SRP_BAD_PARAMETER', `${name} is not hexadecimal.`, {
      hint: `${name} must be hex digits only (0-9, a-f), as Cognito sends it.`,
      ref: REF_WIRE,
    })
  }
  return BigInt(`0x${hex}`)
}
