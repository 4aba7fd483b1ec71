// The authorization code grant with PKCE, state and nonce, through a loopback redirect.
// @see RFC 6749 §4.1, RFC 7636 (PKCE), RFC 8252 §7.3 (loopback redirect), OIDC Core §3.1
import * as oidc from 'openid-client'
import type { CodeFlowInput } from '../../../shared/flow-input'
import type { FlowDefinition } from '../runs/flow-registry'
import { openRedirectListener, sendBrowserAndWait } from './browser-round-trip'
import { checkIdToken } from './check-id-token'
import { configureClient } from './configure-client'
import { keepTokens } from './keep-tokens'
import { makeRequestSecrets, pkceParameters } from './request-secrets'

export const authorizationCodeFlow: FlowDefinition<CodeFlowInput> = {
  title: (input) =>
    `Authorization code${input.pkce === 'off' ? '' : ` + PKCE (${input.pkce})`} (${input.client.clientId})`,
  async run(ctx, input, deps) {
    const config = await configureClient(ctx, input.provider, input.client)
    const scope = input.client.scope ?? 'openid'
    const listener = await openRedirectListener(ctx, deps, input.redirect)
    try {
      const secrets = await makeRequestSecrets(ctx, {
        pkce: input.pkce,
        codeVerifier: input.codeVerifier,
      })
      const authorizationUrl = oidc.buildAuthorizationUrl(config, {
        redirect_uri: listener.redirectUri,
        scope,
        state: secrets.state,
        nonce: secrets.nonce,
        ...pkceParameters(secrets),
        ...(input.responseMode === 'query' ? {} : { response_mode: input.responseMode }),
        ...input.client.extraParams,
      })
      const callback = await sendBrowserAndWait(ctx, deps, {
        listener,
        url: authorizationUrl,
        responseMode: input.responseMode,
        browser: input.browser,
        timeoutMs: input.callbackTimeoutMs,
        browserStep: {
          title: 'Send the user to the provider to sign in',
          explain: 'oauth.authorize',
        },
        callbackStep: {
          title: 'Receive the redirect back from the provider',
          explain: 'oauth.callback',
        },
      })
      config[oidc.customFetch] = ctx.fetchFor({
        title: 'Exchange the code for tokens',
        explain: 'oauth.token-code',
      })
      // openid-client reads the answer from a URL's query, wherever it arrived (query, fragment
      // relayed by the listener, or form_post): hand it the parameters that way.
      const answer = new URL(listener.redirectUri)
      answer.search = new URLSearchParams(callback.params).toString()
      const tokens = await oidc.authorizationCodeGrant(config, answer, {
        pkceCodeVerifier: secrets.pkce?.verifier,
        expectedState: secrets.state,
        expectedNonce: secrets.nonce,
        idTokenExpected: scope.split(' ').includes('openid'),
      })
      keepTokens(ctx, tokens)
      if (!tokens.id_token) return { failed: false }
      const passed = await checkIdToken(ctx, tokens.id_token, {
        issuer: config.serverMetadata().issuer,
        clientId: input.client.clientId,
        nonce: secrets.nonce,
        accessToken: tokens.access_token,
        flow: 'code',
      })
      return { failed: !passed }
    } finally {
      await listener.close()
    }
  },
}
