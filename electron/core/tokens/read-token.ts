// Reads whatever was pasted into the shape of a token: a JWS (compact or JSON serialisation), a
// JWE (header only until decrypted), an opaque reference, or something malformed, said in words.
// @see RFC 7515 §7 (JWS serialisations), RFC 7516 §7 (JWE serialisations), RFC 7519 §7.2
import type { FlattenedJWE, FlattenedJWSInput } from 'jose'
import { TokenCheckCode, type TokenSerialization } from '../../../shared/token-report'
import { AfxError } from '../errors'
import { decodeJwt } from './decode-jwt'

type JsonObject = Record<string, unknown>

export type ReadToken =
  | { kind: 'opaque' }
  | { kind: 'malformed'; code: TokenCheckCode; message: string; ref: string }
  | { kind: 'jwe'; serialization: TokenSerialization; header: JsonObject; jwe: FlattenedJWE }
  | {
      kind: 'jws'
      serialization: TokenSerialization
      /** The protected header joined with any unprotected one. */
      header: JsonObject
      payload: JsonObject
      jws: FlattenedJWSInput
      signatureCount: number
    }

/**
 * Reads a pasted token. Throws only for an empty input (there is nothing to report on).
 * @see RFC 7515 §7.1 (compact), §7.2 (JSON); RFC 7516 §7.1, §7.2
 */
export function readToken(input: string): ReadToken {
  const trimmed = input.trim()
  return trimmed.startsWith('{') ? readJsonSerialization(trimmed) : readCompact(input)
}

function readCompact(input: string): ReadToken {
  let decoded: ReturnType<typeof decodeJwt>
  try {
    decoded = decodeJwt(input)
  } catch (error) {
    if (!(error instanceof AfxError) || error.code === 'TOKEN_EMPTY') throw error
    if (
      error.code === 'TOKEN_WRONG_PART_COUNT' &&
      !input.trim().split(/\s+/).at(-1)?.includes('.')
    ) {
      return { kind: 'opaque' }
    }
    return malformedFrom(error)
  }
  // decodeJwt accepted it, so the token is the last word: a compact JWT holds no whitespace, and
  // what may precede it is an "Authorization: Bearer" prefix (splitting is skipped without one).
  const trimmed = input.trim()
  const token = /\s/.test(trimmed) ? (trimmed.split(/\s+/).at(-1) ?? '') : trimmed
  const parts = token.split('.')
  if (decoded.kind === 'jwe') {
    const [protectedHeader = '', encryptedKey, iv, ciphertext = '', tag] = parts
    return {
      kind: 'jwe',
      serialization: 'compact',
      header: decoded.header,
      jwe: {
        protected: protectedHeader,
        ciphertext,
        ...(encryptedKey ? { encrypted_key: encryptedKey } : {}),
        ...(iv ? { iv } : {}),
        ...(tag ? { tag } : {}),
      },
    }
  }
  const [protectedHeader = '', payload = '', signature = ''] = parts
  return {
    kind: 'jws',
    serialization: 'compact',
    header: decoded.header,
    payload: decoded.payload,
    jws: { protected: protectedHeader, payload, signature },
    signatureCount: 1,
  }
}

function readJsonSerialization(text: string): ReadToken {
  let value: unknown
  try {
    value = JSON.parse(text)
  } catch {
    return invalidJson('It starts with "{" but is not valid JSON.')
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return invalidJson('It is JSON, but not an object.')
  }
  const object = value as JsonObject
  if (typeof object.ciphertext === 'string') return readJsonJwe(object)
  if (typeof object.payload === 'string') return readJsonJws(object)
  const tokenField = ['id_token', 'access_token'].find((name) => name in object)
  return invalidJson(
    tokenField === undefined
      ? 'It is JSON, but neither a JWS (payload and signature) nor a JWE (ciphertext).'
      : `It looks like a whole token response; paste its ${tokenField} on its own.`,
  )
}

function readJsonJws(object: JsonObject): ReadToken {
  const general = Array.isArray(object.signatures)
  const signatures = general ? (object.signatures as unknown[]) : [object]
  const first = signatures[0] as JsonObject | undefined
  if (first === undefined || typeof first.signature !== 'string') {
    return invalidJson('It is a JWS in JSON form without a signature.')
  }
  if (typeof first.protected !== 'string') {
    return invalidJson(
      'Its signature has no protected header, so its "alg" is not covered by the signature.',
    )
  }
  const unprotected = isObject(first.header) ? first.header : {}
  const compact = `${first.protected}.${object.payload as string}.${first.signature}`
  let decoded: ReturnType<typeof decodeJwt>
  try {
    decoded = decodeJwt(compact)
  } catch (error) {
    if (error instanceof AfxError) return malformedFrom(error)
    throw error
  }
  if (decoded.kind !== 'jws') return invalidJson('Its parts do not form a JWS.')
  return {
    kind: 'jws',
    serialization: general ? 'json_general' : 'json_flattened',
    header: { ...unprotected, ...decoded.header },
    payload: decoded.payload,
    jws: {
      protected: first.protected,
      payload: object.payload as string,
      signature: first.signature,
      ...(isObject(first.header) ? { header: first.header } : {}),
    },
    signatureCount: signatures.length,
  }
}

function readJsonJwe(object: JsonObject): ReadToken {
  const recipients = Array.isArray(object.recipients) ? (object.recipients as unknown[]) : [object]
  const recipient = (recipients[0] ?? {}) as JsonObject
  let protectedHeader: JsonObject = {}
  if (typeof object.protected === 'string') {
    try {
      // Of a five-part token, decodeJwt reads only the header: the error handling comes for free.
      const decoded = decodeJwt([object.protected, '', '', '', ''].join('.'))
      protectedHeader = decoded.kind === 'jwe' ? decoded.header : {}
    } catch (error) {
      if (error instanceof AfxError) return malformedFrom(error)
      throw error
    }
  }
  const header = {
    ...(isObject(object.unprotected) ? object.unprotected : {}),
    ...(isObject(recipient.header) ? recipient.header : {}),
    ...protectedHeader,
  }
  // The general form lists recipients; jose decrypts the flattened form, one recipient.
  const shared = Object.fromEntries(
    Object.entries(object).filter(([name]) => name !== 'recipients'),
  )
  const jwe = {
    ...shared,
    ...(typeof recipient.encrypted_key === 'string'
      ? { encrypted_key: recipient.encrypted_key }
      : {}),
    ...(isObject(recipient.header) ? { header: recipient.header } : {}),
  } as unknown as FlattenedJWE
  return {
    kind: 'jwe',
    serialization: Array.isArray(object.recipients) ? 'json_general' : 'json_flattened',
    header,
    jwe,
  }
}

function malformedFrom(error: AfxError): ReadToken {
  const parsed = TokenCheckCode.safeParse(error.code)
  const hint = error.hint === undefined ? '' : ` ${error.hint}`
  return {
    kind: 'malformed',
    code: parsed.success ? parsed.data : 'TOKEN_MALFORMED',
    message: `${error.message}${hint}`,
    ref: error.ref ?? 'RFC 7519 §7.2',
  }
}

function invalidJson(message: string): ReadToken {
  return {
    kind: 'malformed',
    code: 'TOKEN_JSON_SERIALIZATION_INVALID',
    message,
    ref: 'RFC 7515 §7.2',
  }
}

function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}
