// What one inspection carries through its steps: the parsed request, the clock, the fetch, and the
// issuer's metadata when the caller already holds it.
import type { ParsedInspectTokenInput } from '../../../shared/token-report'
import type { ClaimContext } from './claim-context'
import type { FetchJsonOptions } from './fetch-json'

export type InspectContext = {
  input: ParsedInspectTokenInput
  nowMs: number
  fetch: FetchJsonOptions
  /** The issuer's metadata, already fetched by the caller: read instead of fetched again. */
  issuerMetadata?: Readonly<Record<string, unknown>> | undefined
}

/** The context the claim checks of one token get. */
export function claimContextOf(
  header: Record<string, unknown>,
  payload: Record<string, unknown>,
  ctx: InspectContext,
): ClaimContext {
  return { header, payload, expect: ctx.input.expect, nowMs: ctx.nowMs }
}
