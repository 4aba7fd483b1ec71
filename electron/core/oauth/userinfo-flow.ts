// The UserInfo request: the access token presented as a bearer token, the claims it releases.
// @see OIDC Core §5.3 https://openid.net/specs/openid-connect-core-1_0.html#UserInfo
import * as oidc from 'openid-client'
import type { UserinfoInput } from '../../../shared/flow-input'
import type { FlowDefinition } from '../runs/flow-registry'
import { configureClient } from './configure-client'
import { requireEndpoint } from './require-endpoint'

export const userinfoFlow: FlowDefinition<UserinfoInput> = {
  title: (input) => `UserInfo (${input.client.clientId})`,
  async run(ctx, input) {
    ctx.secrets.add(input.accessToken, 'access_token')
    const config = await configureClient(ctx, input.provider, input.client)
    requireEndpoint(config, 'userinfo_endpoint')
    config[oidc.customFetch] = ctx.fetchFor({
      title: 'Ask the UserInfo endpoint about the user, with the access token',
      explain: 'oauth.userinfo',
    })
    // No ID token to compare `sub` with here: the Tokens page checks the two side by side.
    const claims = await oidc.fetchUserInfo(config, input.accessToken, oidc.skipSubjectCheck)
    await ctx.compute(
      { title: 'Read the claims the provider released', explain: 'oauth.userinfo-claims' },
      {},
      () => claims,
      (released) => ({ ...released }),
    )
    return { failed: false }
  },
}
