// base64url (RFC 4648 §5) decoding without Node built-ins, so the renderer can use it too.

const BASE64URL = /^[A-Za-z0-9_-]*$/

/**
 * Decodes unpadded base64url to bytes, or returns null when the text is not base64url.
 * @see RFC 7515 §2 (Base64url Encoding) https://www.rfc-editor.org/rfc/rfc7515#section-2
 */
export function decodeBase64Url(text: string): Uint8Array | null {
  // A length of 4n+1 can never come out of an encoder: one leftover character holds 6 bits.
  if (!BASE64URL.test(text) || text.length % 4 === 1) return null
  const base64 = text.replace(/-/g, '+').replace(/_/g, '/')
  const binary = atob(base64 + '='.repeat((4 - (base64.length % 4)) % 4))
  // A plain loop: Uint8Array.from with a mapping function is many times slower on a hot path.
  const bytes = new Uint8Array(binary.length)
  for (let index = 0; index < binary.length; index++) bytes[index] = binary.charCodeAt(index)
  return bytes
}

/** Decodes base64url to UTF-8 text, or returns null when either step fails. */
export function decodeBase64UrlText(text: string): string | null {
  const bytes = decodeBase64Url(text)
  if (bytes === null) return null
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes)
  } catch {
    return null
  }
}
