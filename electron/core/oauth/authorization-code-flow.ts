// The authorization code grant with PKCE, state and nonce, through a loopback redirect.
// @see RFC 6749 §4.1, RFC 7636 (PKCE), RFC 8252 §7.3 (loopback redirect), OIDC Core §3.1
import * as oidc from 'openid-client'
import type { CodeFlowInput } from '../../../shared/flow-input'
import type { FlowDefinition } from '../runs/flow-registry'
import { registerParams } from '../runs/redact-exchange'
import { checkIdToken } from './check-id-token'
import { configureClient } from './configure-client'
import { keepTokens } from './keep-tokens'
import { createPkcePair } from './pkce'
import { AfxError } from '../errors'
import type { LoopbackCallback } from '../loopback/loopback-listener'

export const authorizationCodeFlow: FlowDefinition<CodeFlowInput> = {
  title: (input) =>
    `Authorization code${input.pkce === 'off' ? '' : ` + PKCE (${input.pkce})`} (${input.client.clientId})`,
  async run(ctx, input, deps) {
    const config = await configureClient(ctx, input.provider, input.client)
    const scope = input.client.scope ?? 'openid'
    const listener = await ctx.compute(
      { title: 'Listen for the redirect on a loopback address', explain: 'loopback.listen' },
      { ...input.redirect },
      () => deps.openLoopback({ ...input.redirect }),
      (opened) => ({ redirect_uri: opened.redirectUri }),
    )
    try {
      const secrets = await ctx.compute(
        { title: 'Make state, nonce and the PKCE pair', explain: 'oauth.pkce' },
        { pkce: input.pkce },
        async () => ({
          state: oidc.randomState(),
          nonce: oidc.randomNonce(),
          pkce: await createPkcePair(input.pkce, input.codeVerifier),
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
      const authorizationUrl = oidc.buildAuthorizationUrl(config, {
        redirect_uri: listener.redirectUri,
        scope,
        state: secrets.state,
        nonce: secrets.nonce,
        ...(secrets.pkce
          ? { code_challenge: secrets.pkce.challenge, code_challenge_method: secrets.pkce.method }
          : {}),
        ...(input.responseMode === 'form_post' ? { response_mode: 'form_post' } : {}),
        ...input.client.extraParams,
      })
      // Listen for the state actually sent (a user may have edited it) before any browser can
      // answer; the callback is then checked against the state we made, so an edit shows up
      // as a mismatch.
      let arrival: Promise<LoopbackCallback> | undefined
      await ctx.browser(
        { title: 'Send the user to the provider to sign in', explain: 'oauth.authorize' },
        authorizationUrl,
        {
          open: input.browser === 'system',
          beforeOpen: (sent) => {
            const sentState = sent.searchParams.get('state')
            if (!sentState) throw stateMissing()
            arrival = listener.expect(sentState, {
              timeoutMs: input.callbackTimeoutMs,
              responseMode: input.responseMode,
              signal: ctx.signal,
            })
            arrival.catch(() => {}) // awaited below; never an unhandled rejection meanwhile
          },
        },
      )
      const callback = await ctx.wait(
        {
          kind: 'callback',
          title: 'Receive the redirect back from the provider',
          explain: 'oauth.callback',
        },
        () => arrival as Promise<LoopbackCallback>,
        (arrived) => {
          registerParams(new URLSearchParams(arrived.params), ctx.secrets)
          return { response_mode: arrived.responseMode, parameters: arrived.params }
        },
      )
      config[oidc.customFetch] = ctx.fetchFor({
        title: 'Exchange the code for tokens',
        explain: 'oauth.token-code',
      })
      const tokens = await oidc.authorizationCodeGrant(config, new URL(callback.url), {
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

function stateMissing(): AfxError {
  return new AfxError('OAUTH_STATE_MISSING', 'The authorization request was sent without state.', {
    hint: 'Without state the callback cannot be matched to this run, and CSRF is possible. Keep the state parameter.',
    ref: 'RFC 6749 §10.12',
  })
}
