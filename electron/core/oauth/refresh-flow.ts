// The refresh token grant: new tokens for an old refresh token, and whether the provider rotated
// it (a new refresh token replaces the one sent, which must not work again).
// @see RFC 6749 §6 https://www.rfc-editor.org/rfc/rfc6749#section-6, RFC 9700 §4.14.2 (rotation)
import * as oidc from 'openid-client'
import type { RefreshInput } from '../../../shared/flow-input'
import type { Diagnostic } from '../../../shared/run-model'
import type { FlowDefinition } from '../runs/flow-registry'
import { configureClient } from './configure-client'
import { keepTokens } from './keep-tokens'
import { compareRefreshedIdToken } from './refreshed-id-token'

export const refreshFlow: FlowDefinition<RefreshInput> = {
  title: (input) => `Refresh token (${input.client.clientId})`,
  async run(ctx, input) {
    ctx.secrets.add(input.refreshToken, 'refresh_token')
    if (input.originalIdToken) ctx.secrets.add(input.originalIdToken, 'id_token')
    const config = await configureClient(ctx, input.provider, input.client)
    config[oidc.customFetch] = ctx.fetchFor({
      title: 'Ask the token endpoint for fresh tokens with the refresh token',
      explain: 'oauth.refresh',
    })
    const parameters: Record<string, string> = { ...input.client.extraParams }
    if (input.client.scope) parameters.scope = input.client.scope
    const tokens = await oidc.refreshTokenGrant(config, input.refreshToken, parameters)
    if (input.originalIdToken && tokens.id_token) {
      const kept = ctx.check(
        {
          title: 'Compare the refreshed ID token with the original sign-in’s',
          explain: 'oauth.refreshed-id-token',
        },
        compareRefreshedIdToken(input.originalIdToken, tokens.id_token),
      )
      // Refused tokens are not handed on: the earlier ones stay the ones to use.
      if (!kept) return { failed: true }
    }
    keepTokens(ctx, tokens)
    const rotation = compareRefreshTokens(input.refreshToken, tokens.refresh_token)
    ctx.check(
      { title: 'Compare the refresh token returned with the one sent', explain: 'oauth.rotation' },
      [rotation.diagnostic],
      { rotated: rotation.rotated },
    )
    return { failed: false }
  },
}

/**
 * Whether the refresh token was rotated, said without showing either value.
 * @see RFC 6749 §6 (the provider MAY issue a new refresh token), RFC 9700 §4.14.2
 */
export function compareRefreshTokens(
  sent: string,
  returned: string | undefined,
): { rotated: boolean; diagnostic: Diagnostic } {
  if (returned === undefined || returned === '') {
    return {
      rotated: false,
      diagnostic: info(
        'OAUTH_REFRESH_TOKEN_KEPT',
        'No refresh token came back: keep using the one you sent.',
        'RFC 6749 §6',
      ),
    }
  }
  if (returned === sent) {
    return {
      rotated: false,
      diagnostic: info(
        'OAUTH_REFRESH_TOKEN_KEPT',
        'The same refresh token came back: it stays valid for the next refresh.',
        'RFC 6749 §6',
      ),
    }
  }
  return {
    rotated: true,
    diagnostic: info(
      'OAUTH_REFRESH_TOKEN_ROTATED',
      'A new refresh token came back: use it next time. The one sent is now retired, and presenting it again may revoke the whole grant (replay detection).',
      'RFC 9700 §4.14.2',
    ),
  }
}

const info = (code: string, message: string, ref: string): Diagnostic => ({
  code,
  severity: 'info',
  message,
  ref,
})
