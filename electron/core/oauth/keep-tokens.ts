// Hands the tokens of a token response to the run, where they are kept as secrets, and notes what
// openid-client accepted but a teaching tool should point out about that response.
import type { TokenEndpointResponse } from 'openid-client'
import type { RunContext } from '../runs/run-context'
import { noteTokenResponse } from './token-response-notes'

export function keepTokens(ctx: RunContext, tokens: TokenEndpointResponse): void {
  ctx.noteOnLastAnswer(noteTokenResponse)
  for (const name of ['access_token', 'id_token', 'refresh_token'] as const) {
    const value = tokens[name]
    if (typeof value === 'string' && value !== '') ctx.keepToken(name, value)
  }
}
