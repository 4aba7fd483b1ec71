// Token revocation: the client tells the provider it no longer needs a token.
// @see RFC 7009 https://www.rfc-editor.org/rfc/rfc7009
import * as oidc from 'openid-client'
import type { RevocationInput } from '../../../shared/flow-input'
import type { FlowDefinition } from '../runs/flow-registry'
import { configureClient } from './configure-client'
import { requireEndpoint } from './require-endpoint'

export const revocationFlow: FlowDefinition<RevocationInput> = {
  title: (input) => `Revocation (${input.client.clientId})`,
  async run(ctx, input) {
    ctx.secrets.add(input.token, input.tokenTypeHint ?? 'token')
    const config = await configureClient(ctx, input.provider, input.client)
    requireEndpoint(config, 'revocation_endpoint')
    config[oidc.customFetch] = ctx.fetchFor({
      title: 'Ask the revocation endpoint to revoke the token',
      explain: 'oauth.revocation',
    })
    await oidc.tokenRevocation(
      config,
      input.token,
      input.tokenTypeHint ? { token_type_hint: input.tokenTypeHint } : {},
    )
    ctx.check({ title: 'Read what the answer means', explain: 'oauth.revocation-answer' }, [
      {
        code: 'OAUTH_TOKEN_REVOKED',
        severity: 'info',
        message:
          'The provider accepted the revocation: the token no longer works, or never did (HTTP 200 is the answer for an unknown token too).',
        hint: 'Revoking a refresh token usually revokes the access tokens of the same grant; introspect one to see.',
        ref: 'RFC 7009 §2.2',
      },
    ])
    return { failed: false }
  },
}
