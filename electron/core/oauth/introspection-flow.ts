// Token introspection: the provider says whether a token is active, and what it knows about it.
// @see RFC 7662 https://www.rfc-editor.org/rfc/rfc7662
import * as oidc from 'openid-client'
import type { IntrospectionInput } from '../../../shared/flow-input'
import type { Diagnostic } from '../../../shared/run-model'
import type { FlowDefinition } from '../runs/flow-registry'
import { configureClient } from './configure-client'
import { requireEndpoint } from './require-endpoint'

export const introspectionFlow: FlowDefinition<IntrospectionInput> = {
  title: (input) => `Introspection (${input.client.clientId})`,
  async run(ctx, input) {
    ctx.secrets.add(input.token, input.tokenTypeHint ?? 'token')
    const config = await configureClient(ctx, input.provider, input.client)
    requireEndpoint(config, 'introspection_endpoint')
    config[oidc.customFetch] = ctx.fetchFor({
      title: 'Ask the introspection endpoint whether the token is active',
      explain: 'oauth.introspection',
    })
    const answer = await oidc.tokenIntrospection(
      config,
      input.token,
      input.tokenTypeHint ? { token_type_hint: input.tokenTypeHint } : {},
    )
    ctx.check(
      { title: "Read the provider's verdict on the token", explain: 'oauth.introspection-verdict' },
      [describeVerdict(answer.active)],
      { ...answer },
    )
    return { failed: false }
  },
}

/** @see RFC 7662 §2.2 https://www.rfc-editor.org/rfc/rfc7662#section-2.2 */
function describeVerdict(active: boolean): Diagnostic {
  return active
    ? {
        code: 'OAUTH_TOKEN_ACTIVE',
        severity: 'info',
        message: 'The token is active: the provider would accept it now.',
        ref: 'RFC 7662 §2.2',
      }
    : {
        code: 'OAUTH_TOKEN_INACTIVE',
        severity: 'info',
        message:
          'The token is not active: it expired, was revoked, was never issued by this provider, or belongs to another client.',
        hint: 'The provider says no more on purpose, so that introspection cannot be used to probe tokens.',
        ref: 'RFC 7662 §2.2',
      }
}
