// Fresh signing keys for each sandbox start, so no token outlives the sandbox that issued it and
// oidc-provider's published development keys (whose private halves anyone can read) are never used.
// @see RFC 7517 §5 (JWK Set) https://www.rfc-editor.org/rfc/rfc7517#section-5
import { calculateJwkThumbprint, exportJWK, generateKeyPair, type JWK } from 'jose'

/** RS256 first: it is what ID tokens default to; ES256 signs the sandbox API's JWT access tokens. */
const ALGORITHMS = ['RS256', 'ES256'] as const

/**
 * Generates one private signing key per algorithm, as the JWK Set oidc-provider expects in `jwks`.
 * @see RFC 7638 (JWK Thumbprint, used as the `kid`) https://www.rfc-editor.org/rfc/rfc7638
 */
export async function generateSigningKeys(): Promise<{ keys: JWK[] }> {
  const keys = await Promise.all(
    ALGORITHMS.map(async (alg) => {
      const { privateKey } = await generateKeyPair(alg, { extractable: true })
      const jwk = await exportJWK(privateKey)
      return { ...jwk, alg, use: 'sig', kid: await calculateJwkThumbprint(jwk) }
    }),
  )
  return { keys }
}
