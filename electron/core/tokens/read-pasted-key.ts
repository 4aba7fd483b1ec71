// Turns a key the user pasted (a JWK, a JWK Set, a PEM public key or certificate, an HMAC secret)
// into what the verifier works with. Only a key that cannot be read at all is an error.
// @see RFC 7517 §4 and §5 (JWK, JWK Set), RFC 7468 (PEM), OpenID Connect Core 1.0 §10.1 (HMAC)
import { createPublicKey } from 'node:crypto'
import type { JWK } from 'jose'
import type { TokenCheck, TokenKeyInput } from '../../../shared/token-report'
import { AfxError } from '../errors'
import { warn } from './check-line'
import { KeyCache } from './key-cache'
import { readJwks } from './load-jwks'

export type PastedKey =
  | { kind: 'jwks'; keys: JWK[]; label: string; warnings: TokenCheck[] }
  | { kind: 'jwk'; jwk: JWK; label: string; warnings: TokenCheck[] }
  | { kind: 'hmac'; secret: Uint8Array; label: string; warnings: TokenCheck[] }

type PastedKeyInput = Extract<TokenKeyInput, { kind: 'jwk' | 'pem' | 'hmac' }>

/** Public halves of PEM keys read lately: reading a PEM costs far more than verifying with it. */
const pemKeys = new KeyCache<JWK>(16)

/**
 * Pasted public JWKs and JWK Sets read lately, frozen: a batch of tokens checked with one pasted
 * key reads it once, and importPublicJwk finds the import of a frozen JWK without hashing it.
 */
const jwkReads = new KeyCache<PastedKey>(16)

/**
 * Reads a pasted key; throws an AfxError with a hint when it is not a key at all.
 * @see RFC 7517 §4, §5; RFC 7468 §13 (SPKI), §5 (certificates)
 */
export function readPastedKey(input: PastedKeyInput): PastedKey {
  switch (input.kind) {
    case 'hmac': {
      // OIDC Core §10.1: the MAC key is the octets of the UTF-8 representation of the secret.
      const secret = new TextEncoder().encode(input.secret)
      return {
        kind: 'hmac',
        secret,
        label: `HMAC secret (${secret.byteLength} bytes)`,
        warnings: [],
      }
    }
    case 'jwk':
      return readJwkJsonOnce(input.json)
    case 'pem':
      return readPem(input.pem)
  }
}

function readJwkJsonOnce(json: string): PastedKey {
  const kept = jwkReads.lookup(json)
  if (kept !== undefined) return kept
  const read = readJwkJson(json)
  const keys = read.kind === 'jwks' ? read.keys : read.kind === 'jwk' ? [read.jwk] : []
  // Kept only when public and with nothing to warn about: a shared secret (oct) or a pasted
  // private key is read afresh each time, so no secret outlives the inspection it was given to.
  if (read.warnings.length === 0 && keys.every((jwk) => jwk.kty !== 'oct')) {
    // Frozen, because every later inspection with this key gets these very objects.
    for (const jwk of keys) Object.freeze(jwk)
    if (read.kind === 'jwks') Object.freeze(read.keys)
    jwkReads.keep(json, Object.freeze(read))
  }
  return read
}

function readJwkJson(json: string): PastedKey {
  let value: unknown
  try {
    value = JSON.parse(json)
  } catch (cause) {
    throw unreadable(
      'The pasted key is not JSON.',
      'Paste a JWK such as {"kty":"RSA","n":"…","e":"AQAB"} or a JWK Set {"keys":[…]}.',
      cause,
    )
  }
  const isSet = typeof value === 'object' && value !== null && 'keys' in value
  const read = readJwks(isSet ? value : { keys: [value] }, {
    where: 'the pasted key',
    published: false,
  })
  if (!read.ok) {
    throw unreadable(
      read.check.message,
      'A JWK is a JSON object with at least "kty"; a JWK Set is {"keys":[…]}.',
    )
  }
  if (isSet) {
    return {
      kind: 'jwks',
      keys: read.keys,
      label: `pasted JWK Set (${read.keys.length} keys)`,
      warnings: read.warnings,
    }
  }
  const jwk = read.keys[0] as JWK
  return { kind: 'jwk', jwk, label: `pasted JWK (${jwk.kty})`, warnings: read.warnings }
}

function readPem(pem: string): PastedKey {
  const label = /-----BEGIN ([A-Z0-9 ]+)-----/.exec(pem)?.[1]
  if (label === undefined) {
    throw unreadable('The pasted text is not PEM: it has no "-----BEGIN …-----" line.', PEM_HINT)
  }
  const jwk = publicJwkOf(pem, label)
  const isPrivate = label.includes('PRIVATE')
  const warnings = isPrivate
    ? [
        warn(
          'jwks',
          'TOKEN_PRIVATE_KEY_GIVEN',
          `The pasted ${label} is a private key; only its public half was used. Verifying never needs a private key.`,
          'RFC 7517 §9.3',
        ),
      ]
    : []
  const kind = label === 'CERTIFICATE' ? 'certificate' : isPrivate ? 'private key' : 'public key'
  return { kind: 'jwk', jwk, label: `pasted PEM ${kind} (${jwk.kty})`, warnings }
}

/** The public half of a PEM key as a JWK; only that half is kept, keyed by the PEM's hash. */
function publicJwkOf(pem: string, label: string): JWK {
  const kept = pemKeys.lookup(pem)
  if (kept !== undefined) return kept
  let jwk: JWK
  try {
    // Node reads every PEM flavour (SPKI, PKCS#1, X.509, and private keys, from which it takes
    // the public half), so one path covers what people paste.
    jwk = Object.freeze(createPublicKey(pem).export({ format: 'jwk' }) as JWK)
  } catch (cause) {
    throw unreadable(`The pasted ${label} could not be read as a key.`, PEM_HINT, cause)
  }
  pemKeys.keep(pem, jwk)
  return jwk
}

const PEM_HINT =
  'Paste a PEM block that starts with "-----BEGIN PUBLIC KEY-----" or "-----BEGIN CERTIFICATE-----", with its END line.'

function unreadable(message: string, hint: string, cause?: unknown): AfxError {
  return new AfxError('TOKEN_KEY_UNREADABLE', message, { hint, ref: 'RFC 7517 §4', cause })
}
