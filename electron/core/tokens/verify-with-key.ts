// Runs one jose signature verification and turns its outcome into a check code and words.
// @see RFC 7515 §5.2 (message signature validation)
import { errors, flattenedVerify } from 'jose'
import type { CryptoKey, FlattenedJWSInput } from 'jose'

export type VerifyFailure = {
  code: 'TOKEN_SIGNATURE_INVALID' | 'TOKEN_JWS_INVALID'
  message: string
}

/**
 * Verifies `jws` with `key` for exactly `alg`; null when the signature is good.
 * @see RFC 7515 §5.2 https://www.rfc-editor.org/rfc/rfc7515#section-5.2
 */
export async function verifyWithKey(
  jws: FlattenedJWSInput,
  key: CryptoKey | Uint8Array,
  alg: string,
): Promise<VerifyFailure | null> {
  try {
    await flattenedVerify(jws, key, { algorithms: [alg] })
    return null
  } catch (error) {
    if (error instanceof errors.JWSSignatureVerificationFailed) {
      return {
        code: 'TOKEN_SIGNATURE_INVALID',
        message: `The ${alg} signature does not verify: the token was changed after signing, or another key signed it.`,
      }
    }
    // jose's messages name the rule broken (crit, b64, key length) and never carry key material.
    return {
      code: 'TOKEN_JWS_INVALID',
      message: `jose refused the token: ${describeError(error)}.`,
    }
  }
}

/** A thrown value in words, for a check message (jose's messages carry no key material). */
export function describeError(error: unknown): string {
  return error instanceof Error ? error.message : 'unknown reason'
}
