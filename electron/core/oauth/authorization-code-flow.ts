// The authorization code grant with PKCE, state and nonce, through a loopback redirect; on request,
// a UserInfo call whose sub must be the ID token's.
// @see RFC 6749 §4.1, RFC 7636 (PKCE), RFC 8252 §7.3 (loopback redirect), OIDC Core §3.1, §5.3.2
import * as oidc from 'openid-client'
import type { CodeFlowInput } from '../../../shared/flow-input'
import type { FlowDefinition } from '../runs/flow-registry'
import type { StepMeta } from '../runs/run-recorder'
import { openRedirectListener, sendBrowserAndWait } from './browser-round-trip'
import { verifyIdToken } from './check-id-token'
import { checkUserinfoSub } from './check-userinfo-sub'
import { CodeFlowBreaker } from './code-flow-breaker'
import { configureClient } from './configure-client'
import { keepTokens } from './keep-tokens'
import { makeRequestSecrets, pkceParameters } from './request-secrets'

export const authorizationCodeFlow: FlowDefinition<CodeFlowInput> = {
  title: (input) => {
    const pkce = input.pkce === 'off' ? '' : ` + PKCE (${input.pkce})`
    const broken = input.breakIt?.length ? ', broken on purpose' : ''
    return `Authorization code${pkce} (${input.client.clientId})${broken}`
  },
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
      const breaker = new CodeFlowBreaker(ctx, input.breakIt)
      const params = await breaker.callbackParams(callback.params)
      // openid-client reads the answer from a URL's query, wherever it arrived (query, fragment
      // relayed by the listener, or form_post), and names that URL as the token request's
      // redirect_uri: hand it the parameters that way.
      const answer = new URL(await breaker.tokenRedirectUri(listener.redirectUri))
      answer.search = new URLSearchParams(params).toString()
      const checks = {
        pkceCodeVerifier: await breaker.codeVerifier(secrets.pkce),
        expectedState: secrets.state,
        expectedNonce: await breaker.expectedNonce(secrets.nonce),
        idTokenExpected: scope.split(' ').includes('openid'),
      }
      const exchange = (step: Omit<StepMeta, 'kind'>) => {
        config[oidc.customFetch] = ctx.fetchFor(step)
        return oidc.authorizationCodeGrant(config, answer, checks)
      }
      const tokens = await breaker.explainRefusal(
        ['state-changed', 'verifier-dropped', 'redirect-uri-altered', 'nonce-changed'],
        () => exchange({ title: 'Exchange the code for tokens', explain: 'oauth.token-code' }),
      )
      keepTokens(ctx, tokens)
      await breaker.replayCode(params.code ?? '', () =>
        exchange({
          title: 'Exchange the same code a second time',
          explain: 'oauth.token-code-replay',
        }),
      )
      if (!tokens.id_token) return { failed: false }
      const failures = await verifyIdToken(ctx, tokens.id_token, {
        issuer: config.serverMetadata().issuer,
        metadata: config.serverMetadata(),
        clientId: input.client.clientId,
        nonce: checks.expectedNonce,
        accessToken: tokens.access_token,
        flow: 'code',
        checkedAtMs: await breaker.idTokenClock(tokens.id_token),
      })
      breaker.explainIdTokenFailures(failures)
      if (failures.length > 0 || !input.callUserinfo || !tokens.access_token) {
        return { failed: failures.length > 0 }
      }
      const sameUser = await checkUserinfoSub(ctx, config, tokens.access_token, {
        ...tokens.claims(),
      })
      return { failed: !sameUser }
    } finally {
      await listener.close()
    }
  },
}
