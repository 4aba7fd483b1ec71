// The client credentials grant: a service asks for a token with its own credentials, no user.
// @see RFC 6749 §4.4 https://www.rfc-editor.org/rfc/rfc6749#section-4.4
import * as oidc from 'openid-client'
import type { ClientCredentialsInput } from '../../../shared/flow-input'
import type { FlowDefinition } from '../runs/flow-registry'
import { configureClient } from './configure-client'
import { keepTokens } from './keep-tokens'

export const clientCredentialsFlow: FlowDefinition<ClientCredentialsInput> = {
  title: (input) => `Client credentials (${input.client.clientId})`,
  async run(ctx, input) {
    const config = await configureClient(ctx, input.provider, input.client)
    config[oidc.customFetch] = ctx.fetchFor({
      title: "Ask the token endpoint for a token with the client's own credentials",
      explain: 'oauth.client-credentials',
    })
    const parameters: Record<string, string> = { ...input.client.extraParams }
    if (input.client.scope) parameters.scope = input.client.scope
    const tokens = await oidc.clientCredentialsGrant(config, parameters)
    keepTokens(ctx, tokens)
    return { failed: false }
  },
}
