// Opens a JWE when the user supplies the recipient's key: a private JWK or PEM, or a shared
// secret for direct or key-wrapping encryption. Without one, the token says only its header.
// @see RFC 7516 §5.2 (message decryption), OpenID Connect Core 1.0 §10.2 (encrypted ID tokens)
import { createPrivateKey, type KeyObject } from 'node:crypto'
import { errors, flattenedDecrypt, importJWK } from 'jose'
import type { CryptoKey, FlattenedJWE, JWK } from 'jose'
import type { EncryptionReport, TokenCheck, TokenKeyInput } from '../../../shared/token-report'
import { AfxError } from '../errors'
import { fail, pass, skip } from './check-line'

const REF = 'RFC 7516 §5.2'

export type Decryption =
  | { ok: true; plaintext: Uint8Array; check: TokenCheck; encryption: EncryptionReport }
  | { ok: false; check: TokenCheck; encryption: EncryptionReport }

/**
 * Decrypts a flattened JWE with the key given, or says why it stays encrypted.
 * @see RFC 7516 §5.2 https://www.rfc-editor.org/rfc/rfc7516#section-5.2
 */
export async function decryptJwe(
  jwe: FlattenedJWE,
  header: Record<string, unknown>,
  key: TokenKeyInput | undefined,
): Promise<Decryption> {
  const alg = typeof header.alg === 'string' ? header.alg : undefined
  const enc = typeof header.enc === 'string' ? header.enc : undefined
  const report = (status: EncryptionReport['status'], explanation: string): EncryptionReport => ({
    ...(alg === undefined ? {} : { alg }),
    ...(enc === undefined ? {} : { enc }),
    status,
    explanation,
  })
  if (key === undefined || key.kind === 'issuer' || key.kind === 'jwks_url') {
    const message =
      "The payload is encrypted to its recipient; paste the recipient's private key (JWK or PEM), or the shared secret, to read it."
    return {
      ok: false,
      check: skip('decrypt', message, REF, { code: 'TOKEN_ENCRYPTED' }),
      encryption: report('encrypted', message),
    }
  }
  const decryptionKey = await readDecryptionKey(key, header, alg)
  try {
    const { plaintext } = await flattenedDecrypt(jwe, decryptionKey)
    const message = `Decrypted with the ${key.kind === 'hmac' ? 'shared secret' : `pasted ${key.kind.toUpperCase()} key`} (${alg ?? '?'}, ${enc ?? '?'}).`
    return {
      ok: true,
      plaintext,
      check: pass('decrypt', message, REF),
      encryption: report('decrypted', message),
    }
  } catch (error) {
    const message =
      error instanceof errors.JWEDecryptionFailed
        ? 'The key given does not decrypt this token: it was encrypted to another key.'
        : `jose could not decrypt it: ${error instanceof Error ? error.message : 'unknown reason'}.`
    return {
      ok: false,
      check: fail('decrypt', 'TOKEN_DECRYPT_FAILED', message, REF),
      encryption: report('failed', message),
    }
  }
}

async function readDecryptionKey(
  key: Extract<TokenKeyInput, { kind: 'jwk' | 'pem' | 'hmac' }>,
  header: Record<string, unknown>,
  alg: string | undefined,
): Promise<CryptoKey | KeyObject | Uint8Array> {
  switch (key.kind) {
    case 'hmac':
      return new TextEncoder().encode(key.secret)
    case 'pem':
      try {
        return createPrivateKey(key.pem)
      } catch (cause) {
        throw unreadable(
          'The pasted PEM is not a private key, and only the private key decrypts.',
          cause,
        )
      }
    case 'jwk': {
      const jwk = pickJwk(key.json, header)
      try {
        return await importJWK(jwk, alg)
      } catch (cause) {
        throw unreadable(`The pasted JWK could not be imported for ${alg ?? 'this token'}.`, cause)
      }
    }
  }
}

/** A pasted JWK, or from a pasted set the key with the header's kid (else the only key). */
function pickJwk(json: string, header: Record<string, unknown>): JWK {
  let value: unknown
  try {
    value = JSON.parse(json)
  } catch (cause) {
    throw unreadable('The pasted key is not JSON.', cause)
  }
  const keys = (value as { keys?: unknown })?.keys
  if (!Array.isArray(keys)) return value as JWK
  const byKid = keys.find((jwk: JWK) => jwk.kid === header.kid)
  if (byKid !== undefined) return byKid
  if (keys.length === 1) return keys[0]
  throw unreadable('The pasted key set has no key with the kid of this token.')
}

function unreadable(message: string, cause?: unknown): AfxError {
  return new AfxError('TOKEN_KEY_UNREADABLE', message, {
    hint: 'To decrypt, paste the recipient\'s private key: a JWK with "d", or a PEM "PRIVATE KEY" block.',
    ref: 'RFC 7517 §4',
    cause,
  })
}
