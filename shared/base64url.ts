// base64url (RFC 4648 §5) decoding without Node built-ins, so the renderer can use it too.

const BASE64URL = /^[A-Za-z0-9_-]*$/
/** A byte of 0x80 or more in a binary string: the text is not plain ASCII. */
const NON_ASCII = /[\x80-\xff]/
/** One decoder for every call: without `stream`, each decode starts afresh. */
const UTF8 = new TextDecoder('utf-8', { fatal: true })

/**
 * How many bytes unpadded base64url text decodes to, or null when it is not base64url: the
 * length of a signature without decoding it (every 4 characters hold 3 bytes).
 * @see RFC 4648 §5
 */
export function base64UrlByteLength(text: string): number | null {
  if (!isBase64Url(text)) return null
  return Math.floor((text.length * 3) / 4)
}

/**
 * Decodes unpadded base64url to UTF-8 text, or returns null when it is not base64url or not UTF-8.
 * @see RFC 7515 §2 (Base64url Encoding) https://www.rfc-editor.org/rfc/rfc7515#section-2
 */
export function decodeBase64UrlText(text: string): string | null {
  const binary = decodeToBinary(text)
  if (binary === null) return null
  // Plain ASCII (nearly every JWT header and payload) is already its own UTF-8 text: skip
  // copying it into bytes and decoding them again.
  if (!NON_ASCII.test(binary)) return binary
  // A plain loop: Uint8Array.from with a mapping function is many times slower on a hot path.
  const bytes = new Uint8Array(binary.length)
  for (let index = 0; index < binary.length; index++) bytes[index] = binary.charCodeAt(index)
  try {
    return UTF8.decode(bytes)
  } catch {
    return null
  }
}

function isBase64Url(text: string): boolean {
  // A length of 4n+1 can never come out of an encoder: one leftover character holds 6 bits.
  return BASE64URL.test(text) && text.length % 4 !== 1
}

/** The decoded bytes as a binary string (one character per byte), as atob gives them. */
function decodeToBinary(text: string): string | null {
  if (!isBase64Url(text)) return null
  const base64 = text.replace(/-/g, '+').replace(/_/g, '/')
  return atob(base64 + '='.repeat((4 - (base64.length % 4)) % 4))
}
