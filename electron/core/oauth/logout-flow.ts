// Signing out at the provider. `oidc`: RP-Initiated Logout, the browser sent to the
// end_session_endpoint with id_token_hint and state, and back to the loopback listener.
// `cognito`: the hosted UI's /logout, which sends the browser to logout_uri with nothing to match.
// @see OpenID Connect RP-Initiated Logout 1.0 §2–3 https://openid.net/specs/openid-connect-rpinitiated-1_0.html
import * as oidc from 'openid-client'
import type { LogoutInput } from '../../../shared/flow-input'
import type { FlowDefinition, FlowDeps, FlowOutcome } from '../runs/flow-registry'
import type { RunContext } from '../runs/run-context'
import { openRedirectListener, sendBrowserAndWait } from './browser-round-trip'
import { buildCognitoLogoutUrl } from './cognito-logout-url'
import { configureClient } from './configure-client'
import { requireEndpoint } from './require-endpoint'

export const logoutFlow: FlowDefinition<LogoutInput> = {
  title: (input) =>
    `${input.variant === 'cognito' ? 'Cognito logout' : 'RP-initiated logout'} (${input.client.clientId})`,
  run: (ctx, input, deps) =>
    input.variant === 'cognito' ? cognitoLogout(ctx, input) : rpInitiatedLogout(ctx, input, deps),
}

/** @see OpenID Connect RP-Initiated Logout 1.0 §2, §3 */
async function rpInitiatedLogout(
  ctx: RunContext,
  input: LogoutInput,
  deps: FlowDeps,
): Promise<FlowOutcome> {
  if (input.idTokenHint) ctx.secrets.add(input.idTokenHint, 'id_token_hint')
  const config = await configureClient(ctx, input.provider, input.client)
  requireEndpoint(config, 'end_session_endpoint')
  const listener = await openRedirectListener(ctx, deps, input.redirect)
  try {
    const state = await ctx.compute(
      { title: 'Make state', explain: 'oauth.state' },
      {},
      () => oidc.randomState(),
      (made) => ({ state: made }),
    )
    await sendBrowserAndWait(ctx, deps, {
      listener,
      url: oidc.buildEndSessionUrl(config, {
        ...(input.idTokenHint ? { id_token_hint: input.idTokenHint } : {}),
        post_logout_redirect_uri: listener.redirectUri,
        state,
        ...input.client.extraParams,
      }),
      responseMode: 'query',
      browser: input.browser,
      timeoutMs: input.callbackTimeoutMs,
      browserStep: { title: 'Send the user to the provider to sign out', explain: 'oauth.logout' },
      callbackStep: {
        title: 'Receive the browser back at post_logout_redirect_uri',
        explain: 'oauth.logout-callback',
      },
    })
    return { failed: false }
  } finally {
    await listener.close()
  }
}

/** @see https://docs.aws.amazon.com/cognito/latest/developerguide/logout-endpoint.html */
async function cognitoLogout(ctx: RunContext, input: LogoutInput): Promise<FlowOutcome> {
  const url = await ctx.compute(
    { title: "Build Cognito's logout URL", explain: 'cognito.logout' },
    { logout_endpoint: input.logoutEndpoint, logout_uri: input.logoutUri },
    () =>
      buildCognitoLogoutUrl(
        input.logoutEndpoint ?? '',
        input.client.clientId,
        input.logoutUri ?? '',
      ),
    (built) => ({
      url: built.href,
      note: 'Cognito clears its session cookie and sends the browser to logout_uri with no parameters, so there is no answer to wait for here.',
    }),
  )
  await ctx.browser(
    { title: 'Send the user to Cognito to sign out', explain: 'cognito.logout' },
    url,
    { open: input.browser === 'system' },
  )
  return { failed: false }
}
