// The sign-ins waiting on one listener, keyed by their `state`: routes each callback to its run,
// at most once, and remembers ended sign-ins so a late or repeated callback is answered in words.
// @see RFC 6749 §10.12 https://www.rfc-editor.org/rfc/rfc6749#section-10.12, RFC 8252 §8.9
import { createHash } from 'node:crypto'
import { DEFAULT_CALLBACK_TIMEOUT_MS } from '../../../shared/flow-input'
import { AfxError } from '../errors'

export type ResponseMode = 'query' | 'fragment' | 'form_post'

export type LoopbackCallback = {
  /** The response parameters, each name once (repeats are refused before this point). */
  params: Record<string, string>
  responseMode: ResponseMode
  /**
   * The redirect URI with the answer as it arrived: `?query` for query and form_post (the body,
   * as openid-client itself rebuilds a form_post for the code flow), `#fragment` for fragment.
   */
  url: string
  /** ISO 8601. */
  receivedAt: string
}

export type ExpectOptions = {
  /** Default: DEFAULT_CALLBACK_TIMEOUT_MS (5 minutes). */
  timeoutMs?: number
  /** When given, an answer delivered another way fails the sign-in instead of settling it. */
  responseMode?: ResponseMode
  signal?: AbortSignal
}

export type Waiter = {
  responseMode: ResponseMode | undefined
  resolve(callback: LoopbackCallback): void
  reject(error: AfxError): void
}

export type EndedHow = 'already-completed' | 'cancelled' | 'timed-out'

/** Remembered so late answers get the right page; older ones are forgotten, as unknown. */
const MAX_ENDED = 1_000

type Entry = Waiter & { stop(): void }

export class CallbackRegistry {
  readonly #waiting = new Map<string, Entry>()
  readonly #ended = new Map<string, EndedHow>()
  #closed = false

  constructor(private readonly redirectUri: string) {}

  /** Waits for the callback carrying `state`; see LoopbackListener.expect. */
  expect(state: string, options: ExpectOptions = {}): Promise<LoopbackCallback> {
    const { timeoutMs = DEFAULT_CALLBACK_TIMEOUT_MS, responseMode, signal } = options
    if (this.#closed) return Promise.reject(closedError())
    if (typeof state !== 'string' || state === '') {
      return Promise.reject(invalid('expect() needs the state sent in the authorization request.'))
    }
    if (!(Number.isInteger(timeoutMs) && timeoutMs > 0 && timeoutMs <= 2 ** 31 - 1)) {
      return Promise.reject(invalid(`The callback timeout must be a positive number of ms.`))
    }
    const key = keyOf(state)
    if (this.#waiting.has(key) || this.#ended.has(key)) {
      return Promise.reject(invalid('This state was already used: every sign-in needs its own.'))
    }
    if (signal?.aborted) {
      this.#remember(key, 'cancelled')
      return Promise.reject(cancelledError())
    }
    return new Promise((resolve, reject) => {
      const onAbort = () => this.#end(key, 'cancelled')?.reject(cancelledError())
      const timer = setTimeout(
        () => this.#end(key, 'timed-out')?.reject(this.#timeoutError(timeoutMs)),
        timeoutMs,
      )
      signal?.addEventListener('abort', onAbort, { once: true })
      const stop = () => {
        clearTimeout(timer)
        signal?.removeEventListener('abort', onAbort)
      }
      this.#waiting.set(key, { responseMode, resolve, reject, stop })
    })
  }

  /**
   * Takes the waiter for `state` out of the registry (so a second callback finds it completed);
   * the caller settles it once the browser has its answer. Otherwise says why there is none.
   */
  claim(state: string): Waiter | EndedHow | 'unknown' {
    const key = keyOf(state)
    return this.#end(key, 'already-completed') ?? this.#ended.get(key) ?? 'unknown'
  }

  /** Rejects the sign-in waiting on `state` with LOOPBACK_CANCELLED; false if none was waiting. */
  cancel(state: string): boolean {
    const waiter = this.#end(keyOf(state), 'cancelled')
    waiter?.reject(cancelledError())
    return waiter !== undefined
  }

  /** Rejects every waiting sign-in with LOOPBACK_CLOSED, and any later expect() too. */
  close(): void {
    this.#closed = true
    for (const key of [...this.#waiting.keys()]) this.#end(key, 'cancelled')?.reject(closedError())
  }

  #end(key: string, how: EndedHow): Entry | undefined {
    const entry = this.#waiting.get(key)
    if (entry === undefined) return undefined
    this.#waiting.delete(key)
    entry.stop()
    this.#remember(key, how)
    return entry
  }

  #remember(key: string, how: EndedHow): void {
    this.#ended.set(key, how)
    if (this.#ended.size > MAX_ENDED) this.#ended.delete(this.#ended.keys().next().value as string)
  }

  #timeoutError(timeoutMs: number): AfxError {
    return new AfxError(
      'LOOPBACK_TIMEOUT',
      `No callback arrived at ${this.redirectUri} within ${formatDuration(timeoutMs)}.`,
      {
        hint: 'Common causes: the browser blocked the redirect, the redirect URI is not registered exactly as sent, or the provider showed an error page. Start a new sign-in, or paste the final URL from the browser.',
        ref: 'RFC 8252 §7.3',
      },
    )
  }
}

/**
 * States are looked up by their SHA-256, so the time a lookup takes says nothing about how much
 * of a guessed state was right.
 */
function keyOf(state: string): string {
  return createHash('sha256').update(state).digest('base64url')
}

/** A wait in words: "800 ms", "1.5 s", "5 min", "2 min 30 s". */
export function formatDuration(ms: number): string {
  if (ms < 1_000) return `${ms} ms`
  if (ms < 60_000) return `${Math.round(ms / 100) / 10} s`
  const minutes = Math.floor(ms / 60_000)
  const seconds = Math.round((ms % 60_000) / 1_000)
  return seconds === 0 ? `${minutes} min` : `${minutes} min ${seconds} s`
}

function invalid(message: string): AfxError {
  return new AfxError('LOOPBACK_INVALID_OPTIONS', message)
}

function cancelledError(): AfxError {
  return new AfxError(
    'LOOPBACK_CANCELLED',
    'The sign-in was cancelled before its callback arrived.',
    {
      hint: 'A callback arriving now gets a "sign-in cancelled" page and is ignored.',
    },
  )
}

function closedError(): AfxError {
  return new AfxError('LOOPBACK_CLOSED', 'The loopback listener is closed.', {
    hint: 'The run that opened it has ended; start a new sign-in.',
  })
}
