// The PKCE pair: a random verifier kept by the client, its challenge sent with the request.
// @see RFC 7636 §4.1–4.2 https://www.rfc-editor.org/rfc/rfc7636#section-4.1
import * as oidc from 'openid-client'

export type PkceMethod = 'S256' | 'plain' | 'off'
export type PkcePair = { verifier: string; challenge: string; method: 'S256' | 'plain' }

/** Makes (or takes) a verifier and derives its challenge; `off` sends no PKCE at all. */
export async function createPkcePair(
  method: PkceMethod,
  verifier?: string,
): Promise<PkcePair | undefined> {
  if (method === 'off') return undefined
  const codeVerifier = verifier ?? oidc.randomPKCECodeVerifier()
  const challenge =
    method === 'S256' ? await oidc.calculatePKCECodeChallenge(codeVerifier) : codeVerifier
  return { verifier: codeVerifier, challenge, method }
}
