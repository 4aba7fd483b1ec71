// The public half of the private JWK in a client's form, to register with the provider: the same
// key without its private members, which must never be published.
// @see RFC 7517 §9.3 (private keys), RFC 7518 §6.2.2 and §6.3.2 (the private members)

/** Members a public JWK must not carry; key_ops of a private key say "sign", not "verify". */
const NOT_PUBLIC = new Set(['d', 'p', 'q', 'dp', 'dq', 'qi', 'oth', 'key_ops'])

/** The public JWK of a private asymmetric JWK; undefined for any other text. */
export function publicJwkOf(text: string): Record<string, unknown> | undefined {
  let value: unknown
  try {
    value = JSON.parse(text)
  } catch {
    return undefined
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined
  const jwk = value as Record<string, unknown>
  if (typeof jwk.kty !== 'string' || jwk.kty === 'oct' || typeof jwk.d !== 'string')
    return undefined
  return Object.fromEntries(Object.entries(jwk).filter(([name]) => !NOT_PUBLIC.has(name)))
}
