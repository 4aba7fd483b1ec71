// The one-time values a front-channel request carries: state (binds the answer to this run), nonce
// (binds the ID token to it) and the PKCE pair (binds the code to this client instance).
// @see RFC 6749 §10.12 (state), OIDC Core §3.1.2.1 (nonce), RFC 7636 §4.1–4.2 (PKCE)
import * as oidc from 'openid-client'
import type { RunContext } from '../runs/run-context'
import { createPkcePair, type PkceMethod, type PkcePair } from './pkce'

export type RequestSecrets = { state: string; nonce: string; pkce?: PkcePair }

/**
 * Makes the values as a compute step; the code_verifier is registered as a secret before it is
 * shown, state and nonce are public (they travel in the URL).
 * @see RFC 7636 §4.1 https://www.rfc-editor.org/rfc/rfc7636#section-4.1
 */
export function makeRequestSecrets(
  ctx: RunContext,
  options: { pkce: PkceMethod; codeVerifier?: string | undefined },
): Promise<RequestSecrets> {
  const withPkce = options.pkce !== 'off'
  return ctx.compute(
    {
      title: withPkce ? 'Make state, nonce and the PKCE pair' : 'Make state and nonce',
      explain: withPkce ? 'oauth.pkce' : 'oauth.state',
    },
    { pkce: options.pkce },
    async () => ({
      state: oidc.randomState(),
      nonce: oidc.randomNonce(),
      ...(await pkceOf(options.pkce, options.codeVerifier)),
    }),
    ({ state, nonce, pkce }) => ({
      state,
      nonce,
      ...(pkce
        ? {
            code_verifier: ctx.secrets.add(pkce.verifier, 'code_verifier'),
            code_challenge: pkce.challenge,
            code_challenge_method: pkce.method,
          }
        : {}),
    }),
  )
}

async function pkceOf(method: PkceMethod, verifier: string | undefined) {
  const pkce = await createPkcePair(method, verifier)
  return pkce ? { pkce } : {}
}

/**
 * The authorization request parameters of the PKCE pair, when there is one.
 * @see RFC 7636 §4.3 https://www.rfc-editor.org/rfc/rfc7636#section-4.3
 */
export function pkceParameters(secrets: RequestSecrets): Record<string, string> {
  return secrets.pkce
    ? { code_challenge: secrets.pkce.challenge, code_challenge_method: secrets.pkce.method }
    : {}
}
