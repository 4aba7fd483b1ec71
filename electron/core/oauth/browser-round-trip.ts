// The front-channel round trip of every browser flow (code, implicit, hybrid, logout): listen on a
// loopback redirect URI, send the browser to the provider, wait for it to come back with the
// answer for this request's state, and say why when it does not.
// @see RFC 8252 §7.3 (loopback redirect), RFC 6749 §4.1.2 (the answer), §10.12 (state)
import { setTimeout as delay } from 'node:timers/promises'
import type { RedirectInput } from '../../../shared/flow-input'
import type { z } from 'zod'
import { AfxError } from '../errors'
import type {
  LoopbackCallback,
  LoopbackListener,
  ResponseMode,
} from '../loopback/loopback-listener'
import type { FlowDeps } from '../runs/flow-registry'
import { registerParams } from '../runs/redact-exchange'
import type { RunContext } from '../runs/run-context'
import type { StepMeta } from '../runs/run-recorder'
import { findRedirectRefusal } from './redirect-refusal'

/**
 * How long the callback may take before the provider is asked whether it refuses the redirect URI.
 * No person signs in faster, and an answer that comes sooner needs no probe: the probe would be a
 * second authorization request the run does not show, and, against a provider in this process
 * (the sandbox), work that competes with the sign-in the run waits for.
 */
export const PROBE_DELAY_MS = 1_000

/**
 * Opens the loopback listener as a compute step; the caller closes it when the flow ends.
 * @see RFC 8252 §7.3 https://www.rfc-editor.org/rfc/rfc8252#section-7.3
 */
export function openRedirectListener(
  ctx: RunContext,
  deps: FlowDeps,
  redirect: z.output<typeof RedirectInput>,
): Promise<LoopbackListener> {
  return ctx.compute(
    { title: 'Listen for the redirect on a loopback address', explain: 'loopback.listen' },
    { ...redirect },
    () => deps.openLoopback({ ...redirect }),
    (opened) => ({ redirect_uri: opened.redirectUri }),
  )
}

export type RoundTrip = {
  listener: LoopbackListener
  url: URL
  responseMode: ResponseMode
  browser: 'system' | 'none'
  timeoutMs: number
  /** What the person does at the provider, e.g. "Send the user to the provider to sign in". */
  browserStep: Omit<StepMeta, 'kind'>
  callbackStep: Omit<StepMeta, 'kind'>
}

/**
 * The browser step, then the callback step. Waits for the state actually sent (a user may have
 * edited it in a step-by-step run); the flow then checks the answer against the state it made, so
 * an edit shows up as a mismatch. Fails early (after PROBE_DELAY_MS, not the callback timeout)
 * when the provider refuses the redirect URI.
 * @see RFC 6749 §4.1.2 https://www.rfc-editor.org/rfc/rfc6749#section-4.1.2
 */
export async function sendBrowserAndWait(
  ctx: RunContext,
  deps: FlowDeps,
  trip: RoundTrip,
): Promise<LoopbackCallback> {
  let arrival: Promise<LoopbackCallback> | undefined
  let sentState = ''
  const sent = await ctx.browser(trip.browserStep, trip.url, {
    open: trip.browser === 'system',
    // Runs before any browser can answer, so the listener already waits for this very request.
    beforeOpen: (url) => {
      sentState = url.searchParams.get('state') ?? ''
      if (!sentState) throw stateMissing()
      arrival = trip.listener.expect(sentState, {
        timeoutMs: trip.timeoutMs,
        responseMode: trip.responseMode,
        signal: ctx.signal,
      })
      arrival.catch(() => {}) // awaited below; never an unhandled rejection meanwhile
    },
  })
  const answered = arrival as Promise<LoopbackCallback>
  return ctx.wait(
    { kind: 'callback', ...trip.callbackStep },
    async () => {
      const probing = new AbortController()
      const signal = AbortSignal.any([ctx.signal, probing.signal])
      const refused = delay(PROBE_DELAY_MS, undefined, { signal })
        .then(
          () => findRedirectRefusal(deps.fetch, sent, signal),
          () => undefined, // the answer came first, or the run was cancelled: nothing to ask
        )
        .then((refusal) => refusal ?? new Promise<never>(() => {}))
      try {
        const first = await Promise.race([answered, refused])
        if (first instanceof AfxError) {
          trip.listener.cancel(sentState) // a late answer is refused in words, not taken
          throw first
        }
        return first
      } catch (error) {
        throw explainMissingCallback(error, trip.listener)
      } finally {
        probing.abort()
      }
    },
    (callback) => {
      registerParams(new URLSearchParams(callback.params), ctx.secrets)
      return { response_mode: callback.responseMode, parameters: callback.params }
    },
  )
}

/**
 * A timeout with nothing at all reaching the listener means the browser never came back: the
 * provider kept it on an error page, which is what it does with a redirect URI it does not know.
 * @see RFC 6749 §3.1.2.2 https://www.rfc-editor.org/rfc/rfc6749#section-3.1.2.2
 */
function explainMissingCallback(error: unknown, listener: LoopbackListener): unknown {
  if (!(error instanceof AfxError) || error.code !== 'LOOPBACK_TIMEOUT') return error
  if (listener.strays.length > 0) return error
  return new AfxError(
    'LOOPBACK_TIMEOUT',
    `${error.message} Nothing at all reached the listener: the browser never came back.`,
    {
      hint: `A provider shows an error page instead of redirecting when the redirect URI is not registered for the client exactly as sent (${listener.redirectUri}): compare scheme, host, port, path and trailing slash. Otherwise the sign-in was not finished, or the browser blocked the redirect.`,
      ref: 'RFC 6749 §3.1.2.2',
    },
  )
}

function stateMissing(): AfxError {
  return new AfxError('OAUTH_STATE_MISSING', 'The request was sent without state.', {
    hint: 'Without state the answer cannot be matched to this run, and CSRF is possible. Keep the state parameter.',
    ref: 'RFC 6749 §10.12',
  })
}
