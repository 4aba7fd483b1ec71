// Reads a compact JWS or JWE without verifying it: the "what does this token say" view.
// @see RFC 7519 §7.2 (Validating a JWT) https://www.rfc-editor.org/rfc/rfc7519#section-7.2
import type { DecodedToken } from '../../../shared/contract'
import { base64UrlByteLength, decodeBase64UrlText } from '../../../shared/base64url'
import { AfxError } from '../errors'

const REF_JWT = 'RFC 7519 §7.2'
/** Real claims nest a few levels (address, act chains); deeper only breaks the faces that show it. */
const MAX_DEPTH = 64

/**
 * Splits a compact JWT and decodes its header and payload (a JWE: its header only).
 * @see RFC 7515 §7.1 (JWS Compact Serialization), RFC 7516 §7.1 (JWE Compact Serialization)
 */
export function decodeJwt(input: string): DecodedToken {
  const token = stripBearer(input)
  if (token === '') {
    throw new AfxError('TOKEN_EMPTY', 'No token was given.', {
      hint: 'Paste a JWT: three base64url parts separated by dots (header.payload.signature).',
    })
  }
  const parts = token.split('.')
  if (parts.length === 5) {
    return { kind: 'jwe', header: decodeJsonPart(parts[0] ?? '', 'header') }
  }
  if (parts.length !== 3) {
    throw new AfxError(
      'TOKEN_WRONG_PART_COUNT',
      `This is not a JWT: it has ${parts.length} part${parts.length === 1 ? '' : 's'} separated by dots; a JWT has 3 (signed) or 5 (encrypted).`,
      {
        hint:
          parts.length === 1
            ? 'It may be an opaque token (a reference only its issuer can look up); ask the issuer to introspect it.'
            : 'Check that the whole token was copied, without line breaks or a trailing quote.',
        ref: REF_JWT,
      },
    )
  }
  const [header, payload, signature] = parts as [string, string, string]
  // Only the signature's length is shown, so it is measured, not decoded; jose decodes it to verify.
  const signatureBytes = base64UrlByteLength(signature)
  if (signatureBytes === null) throw badBase64Url('signature')
  return {
    kind: 'jws',
    header: decodeJsonPart(header, 'header'),
    payload: decodeJsonPart(payload, 'payload'),
    signature: { present: signatureBytes > 0, bytes: signatureBytes },
  }
}

/** Tolerates what people paste: surrounding whitespace and an `Authorization: Bearer` prefix. */
function stripBearer(input: string): string {
  return input
    .trim()
    .replace(/^(authorization:\s*)?bearer\s+/i, '')
    .trim()
}

function decodeJsonPart(part: string, name: 'header' | 'payload'): Record<string, unknown> {
  const text = decodeBase64UrlText(part)
  if (text === null) throw badBase64Url(name)
  let value: unknown
  try {
    value = JSON.parse(text)
  } catch (cause) {
    throw new AfxError('TOKEN_BAD_JSON', `The ${name} decodes, but is not valid JSON.`, {
      hint: `A JWT ${name} is a JSON object; this one starts with ${JSON.stringify(text.slice(0, 24))}.`,
      ref: REF_JWT,
      cause,
    })
  }
  if (nestingDepth(value) > MAX_DEPTH) {
    throw new AfxError(
      'TOKEN_TOO_DEEP',
      `The ${name} nests objects more than ${MAX_DEPTH} levels deep.`,
      {
        hint: 'No issuer writes claims like that; this token was made to break tools that read it.',
      },
    )
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new AfxError('TOKEN_NOT_AN_OBJECT', `The ${name} is JSON, but not a JSON object.`, {
      hint: `A JWT ${name} must be an object such as {"alg":"RS256"}.`,
      ref: REF_JWT,
    })
  }
  return value as Record<string, unknown>
}

function badBase64Url(name: 'header' | 'payload' | 'signature'): AfxError {
  return new AfxError('TOKEN_BAD_BASE64URL', `The ${name} is not valid base64url.`, {
    hint: 'base64url uses only A–Z, a–z, 0–9, "-" and "_", without "=" padding. Was the token cut or edited?',
    ref: 'RFC 7515 §2',
  })
}

/** How deeply arrays and objects nest, counted without recursion (a deep value must not blow the stack). */
function nestingDepth(root: unknown): number {
  let deepest = 0
  const pending: [unknown, number][] = [[root, 0]]
  while (pending.length > 0) {
    const [value, depth] = pending.pop() as [unknown, number]
    if (typeof value !== 'object' || value === null) continue
    deepest = Math.max(deepest, depth + 1)
    if (deepest > MAX_DEPTH) return deepest
    for (const child of Object.values(value)) pending.push([child, depth + 1])
  }
  return deepest
}
