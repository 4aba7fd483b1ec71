// The implicit flow: the answer comes straight back in the URL fragment, relayed to the loopback
// listener by its relay page. `id_token` and `id_token token` go through openid-client, which
// checks the ID token but not at_hash, so the ID token checks then bind the access token to it;
// `token` alone (plain OAuth 2.0, deprecated) is read by hand.
// @see OIDC Core §3.2, RFC 6749 §4.2, RFC 9700 §2.1.2 (why implicit is deprecated)
import * as oidc from 'openid-client'
import type { ImplicitFlowInput } from '../../../shared/flow-input'
import type { FlowDefinition, FlowOutcome } from '../runs/flow-registry'
import type { RunContext } from '../runs/run-context'
import type { LoopbackCallback } from '../loopback/loopback-listener'
import { openRedirectListener, sendBrowserAndWait } from './browser-round-trip'
import { checkIdToken } from './check-id-token'
import { configureClient } from './configure-client'
import { makeRequestSecrets, type RequestSecrets } from './request-secrets'
import { readTokenFragment } from './token-fragment'

export const implicitFlow: FlowDefinition<ImplicitFlowInput> = {
  title: (input) => `Implicit, response_type ${input.responseType} (${input.client.clientId})`,
  async run(ctx, input, deps) {
    const config = await configureClient(ctx, input.provider, input.client)
    if (input.responseType !== 'token') oidc.useIdTokenResponseType(config)
    const listener = await openRedirectListener(ctx, deps, input.redirect)
    try {
      const secrets = await makeRequestSecrets(ctx, { pkce: 'off' })
      const callback = await sendBrowserAndWait(ctx, deps, {
        listener,
        url: oidc.buildAuthorizationUrl(config, {
          redirect_uri: listener.redirectUri,
          response_type: input.responseType,
          scope: input.client.scope ?? 'openid',
          state: secrets.state,
          nonce: secrets.nonce,
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
          title: 'Receive the answer from the fragment, relayed by the callback page',
          explain: 'oauth.callback-fragment',
        },
      })
      return input.responseType === 'token'
        ? checkTokenAnswer(ctx, config, callback, secrets)
        : checkIdTokenAnswer(ctx, config, callback, secrets, input.client.clientId)
    } finally {
      await listener.close()
    }
  },
}

/** @see OIDC Core §3.2.2.11 (ID token validation), §3.2.2.9 (access token validation) */
async function checkIdTokenAnswer(
  ctx: RunContext,
  config: oidc.Configuration,
  callback: LoopbackCallback,
  secrets: RequestSecrets,
  clientId: string,
): Promise<FlowOutcome> {
  config[oidc.customFetch] = ctx.fetchFor({
    title: "Fetch the provider's keys for openid-client's check of the ID token",
    explain: 'tokens.jwks',
  })
  await oidc.implicitAuthentication(config, new URL(callback.url), secrets.nonce, {
    expectedState: secrets.state,
  })
  const idToken = callback.params.id_token ?? ''
  const accessToken = callback.params.access_token
  ctx.keepToken('id_token', idToken)
  if (accessToken) ctx.keepToken('access_token', accessToken)
  const passed = await checkIdToken(ctx, idToken, {
    issuer: config.serverMetadata().issuer,
    metadata: config.serverMetadata(),
    clientId,
    nonce: secrets.nonce,
    accessToken,
    flow: 'implicit',
  })
  return { failed: !passed }
}

function checkTokenAnswer(
  ctx: RunContext,
  config: oidc.Configuration,
  callback: LoopbackCallback,
  secrets: RequestSecrets,
): FlowOutcome {
  const metadata = config.serverMetadata()
  const answer = readTokenFragment(new URLSearchParams(callback.params), {
    state: secrets.state,
    issuer: metadata.issuer,
    issRequired: metadata.authorization_response_iss_parameter_supported === true,
  })
  const passed = ctx.check(
    { title: 'Check the answer: iss, state, token_type', explain: 'oauth.token-fragment' },
    answer.diagnostics,
    answer.outputs,
  )
  if (answer.accessToken) ctx.keepToken('access_token', answer.accessToken)
  return { failed: !passed }
}
