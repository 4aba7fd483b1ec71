// Sorts an HTTP exchange into the class of its status (2xx … 5xx) or "no response", the buckets
// the timeline filters by.
// @see RFC 9110 §15 (Status Codes) https://www.rfc-editor.org/rfc/rfc9110#section-15
import type { HttpExchange } from './run-model'

export const STATUS_CLASSES = ['2xx', '3xx', '4xx', '5xx', 'none'] as const
export type StatusClass = (typeof STATUS_CLASSES)[number]

/**
 * The class of the exchange's final status; `none` when no response came (refused, timed out).
 * A 1xx never reaches a run (fetch consumes interim responses), so it falls in with 2xx.
 * @see RFC 9110 §15 https://www.rfc-editor.org/rfc/rfc9110#section-15
 */
export function statusClassOf(exchange: Pick<HttpExchange, 'response'>): StatusClass {
  const status = exchange.response?.status
  if (status === undefined) return 'none'
  if (status >= 500) return '5xx'
  if (status >= 400) return '4xx'
  if (status >= 300) return '3xx'
  return '2xx'
}
