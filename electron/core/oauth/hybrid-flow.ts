// The hybrid flow, response_type `code id_token`: an ID token comes back in the fragment with the
// code, its c_hash binding the two, and the code is then redeemed (with PKCE) at the token endpoint.
// @see OIDC Core §3.3 https://openid.net/specs/openid-connect-core-1_0.html#HybridFlowAuth
import * as oidc from 'openid-client'
import type { HybridFlowInput } from '../../../shared/flow-input'
import type { FlowDefinition } from '../runs/flow-registry'
import type { RunContext } from '../runs/run-context'
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
      config[oidc.customFetch] = stepsByEndpoint(ctx, config)
      const tokens = await oidc.authorizationCodeGrant(config, new URL(callback.url), {
        pkceCodeVerifier: secrets.pkce?.verifier,
        expectedState: secrets.state,
        expectedNonce: secrets.nonce,
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
 * each request gets the step title of the endpoint it goes to.
 */
function stepsByEndpoint(ctx: RunContext, config: oidc.Configuration): typeof fetch {
  const jwks = ctx.fetchFor({
    title: "Fetch the provider's keys for openid-client's check of the fragment's ID token",
    explain: 'tokens.jwks',
  })
  const token = ctx.fetchFor({ title: 'Exchange the code for tokens', explain: 'oauth.token-code' })
  const jwksUri = config.serverMetadata().jwks_uri
  return (input, init) => {
    const url = input instanceof Request ? input.url : String(input)
    return (url === jwksUri ? jwks : token)(input, init)
  }
}
