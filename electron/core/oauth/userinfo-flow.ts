// The UserInfo request: the access token presented as a bearer token, the claims it releases.
// @see OIDC Core §5.3 https://openid.net/specs/openid-connect-core-1_0.html#UserInfo
import * as oidc from 'openid-client'
import type { UserinfoInput } from '../../../shared/flow-input'
import type { FlowDefinition } from '../runs/flow-registry'
import type { RunContext } from '../runs/run-context'
import { configureClient } from './configure-client'
import { requireEndpoint } from './require-endpoint'

export const userinfoFlow: FlowDefinition<UserinfoInput> = {
  title: (input) => `UserInfo (${input.client.clientId})`,
  async run(ctx, input) {
    ctx.secrets.add(input.accessToken, 'access_token')
    const config = await configureClient(ctx, input.provider, input.client)
    // No ID token to compare `sub` with here: the Tokens page checks the two side by side.
    const claims = await requestUserinfo(ctx, config, input.accessToken)
    await ctx.compute(
      { title: 'Read the claims the provider released', explain: 'oauth.userinfo-claims' },
      {},
      () => claims,
      (released) => ({ ...released }),
    )
    return { failed: false }
  },
}

/**
 * Asks the UserInfo endpoint about the user, as an http step. Whose claims they are is left to
 * the caller, which may have an ID token to compare `sub` with.
 * @see OIDC Core §5.3.1 https://openid.net/specs/openid-connect-core-1_0.html#UserInfoRequest
 */
export function requestUserinfo(
  ctx: RunContext,
  config: oidc.Configuration,
  accessToken: string,
): Promise<oidc.UserInfoResponse> {
  requireEndpoint(config, 'userinfo_endpoint')
  config[oidc.customFetch] = ctx.fetchFor({
    title: 'Ask the UserInfo endpoint about the user, with the access token',
    explain: 'oauth.userinfo',
  })
  return oidc.fetchUserInfo(config, accessToken, oidc.skipSubjectCheck)
}
