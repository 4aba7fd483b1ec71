// The hybrid flow, response_type `code id_token`: an ID token comes back in the fragment with the
// code, its c_hash binding the two, and the code is then redeemed (with PKCE) at the token endpoint.
// @see OIDC Core §3.3 https://openid.net/specs/openid-connect-core-1_0.html#HybridFlowAuth
import * as oidc from 'openid-client'
import type { HybridFlowInput } from '../../../shared/flow-input'
import type { FlowDefinition } from '../runs/flow-registry'
import type { RunContext } from '../runs/run-context'
import { DiagnosedFailure, describeRunFailure } from '../runs/describe-run-failure'
import { openRedirectListener, sendBrowserAndWait } from './browser-round-trip'
import { checkIdToken } from './check-id-token'
import { configureClient } from './configure-client'
import { keepTokens } from './keep-tokens'
import { makeRequestSecrets, pkceParameters } from './request-secrets'

export const hybridFlow: FlowDefinition<HybridFlowInput> = {
  title: (input) => `Hybrid, response_type code id_token (${input.client.clientId})`,
  async run(ctx, input, deps) {
    const config = await configureClient(ctx, input.provider, input.client)
    oidc.useCodeIdTokenResponseType(config)
    const listener = await openRedirectListener(ctx, deps, input.redirect)
    try {
      const secrets = await makeRequestSecrets(ctx, { pkce: input.pkce })
      const callback = await sendBrowserAndWait(ctx, deps, {
        listener,
        url: oidc.buildAuthorizationUrl(config, {
          redirect_uri: listener.redirectUri,
          scope: input.client.scope ?? 'openid',
          state: secrets.state,
          nonce: secrets.nonce,
          ...pkceParameters(secrets),
          ...input.client.extraParams,
        }),
        responseMode: 'fragment',
        browser: input.browser,
        timeoutMs: input.callbackTimeoutMs,
        browserStep: {
          title: 'Send the user to the provider to sign in',
          explain: 'oauth.authorize',
        },
        callbackStep: {
          title: 'Receive the code and ID token from the fragment, relayed by the callback page',
          explain: 'oauth.callback-fragment',
        },
      })
      const endpoints = stepsByEndpoint(ctx, config)
      config[oidc.customFetch] = endpoints.fetch
      const tokens = await oidc
        .authorizationCodeGrant(config, new URL(callback.url), {
          pkceCodeVerifier: secrets.pkce?.verifier,
          expectedState: secrets.state,
          expectedNonce: secrets.nonce,
        })
        .catch((error: unknown) => {
          throw endpoints.redeemed() ? error : fragmentTokenRefused(ctx, error)
        })
      keepTokens(ctx, tokens)
      // The front-channel ID token is the one the hybrid flow adds: c_hash binds the code to it.
      const passed = await checkIdToken(ctx, callback.params.id_token ?? '', {
        issuer: config.serverMetadata().issuer,
        metadata: config.serverMetadata(),
        clientId: input.client.clientId,
        nonce: secrets.nonce,
        code: callback.params.code,
        flow: 'hybrid',
      })
      return { failed: !passed }
    } finally {
      await listener.close()
    }
  },
}

/**
 * openid-client first fetches the keys (to check the fragment's ID token), then redeems the code:
 * each request gets the step title of the endpoint it goes to; `redeemed` says whether the code
 * has gone to the token endpoint yet.
 */
function stepsByEndpoint(ctx: RunContext, config: oidc.Configuration) {
  const jwks = ctx.fetchFor({
    title: "Fetch the provider's keys for openid-client's check of the fragment's ID token",
    explain: 'tokens.jwks',
  })
  const token = ctx.fetchFor({ title: 'Exchange the code for tokens', explain: 'oauth.token-code' })
  const jwksUri = config.serverMetadata().jwks_uri
  let redeemed = false
  const fetch: typeof globalThis.fetch = (input, init) => {
    const url = input instanceof Request ? input.url : String(input)
    if (url === jwksUri) return jwks(input, init)
    redeemed = true
    return token(input, init)
  }
  return { fetch, redeemed: () => redeemed }
}

/**
 * openid-client refused the fragment's ID token before the code was redeemed: the refusal is
 * about that token (its signature, its claims), not the keys fetched to check it, so it gets a
 * check step of its own.
 * @see OIDC Core §3.3.2.12 (ID token validation in the hybrid flow)
 */
function fragmentTokenRefused(ctx: RunContext, error: unknown): DiagnosedFailure {
  const diagnostics = describeRunFailure(error)
  ctx.check(
    { title: "Check the fragment's ID token (openid-client)", explain: 'tokens.id-token-checks' },
    diagnostics,
  )
  return new DiagnosedFailure(diagnostics, { cause: error })
}
