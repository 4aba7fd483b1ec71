// What a device flow poll that has no tokens yet means: still waiting for the person, or polling
// too fast. Both belong to the protocol, so such a poll is done, not failed; any other error ends
// the run (access_denied, expired_token).
// @see RFC 8628 §3.5 https://www.rfc-editor.org/rfc/rfc8628#section-3.5
import type { Diagnostic } from '../../../shared/run-model'

/**
 * The note for a poll answered with authorization_pending or slow_down; undefined otherwise.
 * @see RFC 8628 §3.5 https://www.rfc-editor.org/rfc/rfc8628#section-3.5
 */
export function describePendingPoll(status: number, body: string): Diagnostic | undefined {
  if (status !== 400) return undefined
  switch (errorOf(body)) {
    case 'authorization_pending':
      return {
        code: 'OAUTH_AUTHORIZATION_PENDING',
        severity: 'info',
        message: 'authorization_pending: the user has not finished at the verification page yet.',
        hint: 'The client waits the interval, then asks again.',
        ref: 'RFC 8628 §3.5',
      }
    case 'slow_down':
      return {
        code: 'OAUTH_SLOW_DOWN',
        severity: 'warning',
        message: 'slow_down: the client polls too often.',
        hint: 'From now on the client waits 5 seconds longer between polls, as the provider asks.',
        ref: 'RFC 8628 §3.5',
      }
    default:
      return undefined
  }
}

function errorOf(body: string): unknown {
  try {
    return (JSON.parse(body) as { error?: unknown }).error
  } catch {
    return undefined
  }
}
