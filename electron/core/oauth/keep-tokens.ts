// Hands the tokens of a token response to the run, where they are kept as secrets.
import type { TokenEndpointResponse } from 'openid-client'
import type { RunContext } from '../runs/run-context'

export function keepTokens(ctx: RunContext, tokens: TokenEndpointResponse): void {
  for (const name of ['access_token', 'id_token', 'refresh_token'] as const) {
    const value = tokens[name]
    if (typeof value === 'string' && value !== '') ctx.keepToken(name, value)
  }
}
