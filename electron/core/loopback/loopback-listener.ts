// The loopback redirect listener: receives the browser's redirect back from the provider on
// 127.0.0.1, [::1] or localhost, and hands each sign-in the callback carrying its `state`.
// @see RFC 8252 §7.3, §8.3 https://www.rfc-editor.org/rfc/rfc8252#section-7.3
import type { IncomingMessage, Server, ServerResponse } from 'node:http'
import { bindLoopback } from './bind-loopback'
import { rawAnswer, refusalAnswer, sendAnswer } from './callback-pages'
import { CallbackRegistry, type ExpectOptions, type LoopbackCallback } from './callback-registry'
import { createCallbackServer } from './callback-server'
import { ConnectionTracker } from './connection-tracker'
import { handleCallbackRequest, type RequestContext } from './handle-callback-request'
import {
  allowedHostHeaders,
  buildRedirectUri,
  resolveLoopbackOptions,
  type LoopbackHost,
  type LoopbackOptions,
} from './loopback-options'
import { describeRefusal, type LoopbackStray, type RefusalReason } from './refusals'

export type { ExpectOptions, LoopbackCallback, ResponseMode } from './callback-registry'
export type { LoopbackHost, LoopbackOptions } from './loopback-options'
export type { LoopbackStray, RefusalReason } from './refusals'

/** The most recent strays are kept; a flood of them must not grow memory. */
const MAX_STRAYS = 200

export class LoopbackListener {
  readonly #servers: Server[]
  readonly #tracker: ConnectionTracker
  readonly #registry: CallbackRegistry
  readonly #context: Omit<RequestContext, 'refuse'>
  readonly #strays: LoopbackStray[] = []
  readonly #strayListeners = new Set<(stray: LoopbackStray) => void>()
  #closing: Promise<void> | undefined

  private constructor(
    /** Exactly what to send the provider, e.g. `http://127.0.0.1:53123/callback`. */
    readonly redirectUri: string,
    readonly port: number,
    /** Facts about the binding worth showing, e.g. that ::1 was unavailable for localhost. */
    readonly notes: readonly string[],
    servers: Server[],
    tracker: ConnectionTracker,
    context: Omit<RequestContext, 'refuse' | 'registry'>,
  ) {
    this.#servers = servers
    this.#tracker = tracker
    this.#registry = new CallbackRegistry(redirectUri)
    this.#context = { ...context, registry: this.#registry }
  }

  /**
   * Listens on the loopback address(es) of `options.host`, on `options.port` (0: a free one).
   * Fails with LOOPBACK_PORT_IN_USE when a fixed port is taken, never moving to another one.
   * @see RFC 8252 §7.3 https://www.rfc-editor.org/rfc/rfc8252#section-7.3
   */
  static async open(options: LoopbackOptions = {}): Promise<LoopbackListener> {
    const { host, port, path, now } = resolveLoopbackOptions(options)
    const tracker = new ConnectionTracker()
    // Requests can arrive once the first address is bound, before the listener exists: without
    // a redirect URI no sign-in can be waiting yet, so they get 503.
    const ready: { listener?: LoopbackListener } = {}
    const makeServer = () =>
      createCallbackServer(tracker, {
        onRequest: (req, res) =>
          ready.listener ? ready.listener.#onRequest(req, res) : res.writeHead(503).end(),
        onClientError: (reason) => {
          if (ready.listener) ready.listener.#record(reason, {})
          return rawAnswer(refusalAnswer(describeRefusal(reason)))
        },
      })
    const bound = await bindLoopback(host, port, makeServer)
    const redirectUri = buildRedirectUri(host, bound.port, path)
    const listener = new LoopbackListener(
      redirectUri,
      bound.port,
      bound.notes,
      bound.servers,
      tracker,
      {
        path,
        redirectUri,
        allowedHosts: allowedHostHeaders(bound.port),
        now,
      },
    )
    for (const server of bound.servers) {
      // An error after listening (EMFILE on accept) must not crash the app: it is recorded.
      server.on('error', (error) => listener.#record('internal-error', {}, error))
    }
    ready.listener = listener
    return listener
  }

  /** Which of the three host kinds the redirect URI uses. */
  get host(): LoopbackHost {
    return new URL(this.redirectUri).hostname as LoopbackHost
  }

  get path(): string {
    return this.#context.path
  }

  get isClosed(): boolean {
    return this.#closing !== undefined
  }

  /** Requests refused so far (most recent last), for "a stray callback arrived". */
  get strays(): readonly LoopbackStray[] {
    return [...this.#strays]
  }

  /**
   * Calls `listener` for every refused request as it happens. Returns the unsubscribe function.
   * @see RFC 6749 §10.12 https://www.rfc-editor.org/rfc/rfc6749#section-10.12
   */
  onStray(listener: (stray: LoopbackStray) => void): () => void {
    this.#strayListeners.add(listener)
    return () => this.#strayListeners.delete(listener)
  }

  /**
   * Resolves with the callback whose `state` is `state`: call it before sending the browser.
   * Rejects with LOOPBACK_TIMEOUT (default 5 minutes), LOOPBACK_CANCELLED (`signal` or
   * cancel()), LOOPBACK_CLOSED, or LOOPBACK_RESPONSE_MODE_MISMATCH when `responseMode` is given
   * and the answer came another way. A provider's `error` answer resolves: the run judges it.
   * @see RFC 6749 §4.1.2 https://www.rfc-editor.org/rfc/rfc6749#section-4.1.2
   */
  expect(state: string, options?: ExpectOptions): Promise<LoopbackCallback> {
    return this.#registry.expect(state, options)
  }

  /**
   * Stops waiting for `state` (LOOPBACK_CANCELLED); its callback, should it come, is refused.
   * @see RFC 6749 §10.12 https://www.rfc-editor.org/rfc/rfc6749#section-10.12
   */
  cancel(state: string): boolean {
    return this.#registry.cancel(state)
  }

  /**
   * Closes the port and every connection (keep-alive and half-sent ones too), and rejects the
   * sign-ins still waiting with LOOPBACK_CLOSED. Safe to call more than once.
   * @see RFC 8252 §8.3 https://www.rfc-editor.org/rfc/rfc8252#section-8.3
   */
  close(): Promise<void> {
    this.#closing ??= this.#shutdown()
    return this.#closing
  }

  async #shutdown(): Promise<void> {
    this.#registry.close()
    const closed = this.#servers.map((server) => new Promise((done) => server.close(done)))
    this.#tracker.destroyAll()
    await Promise.all(closed)
  }

  #onRequest(req: IncomingMessage, res: ServerResponse): void {
    const refuse = (reason: RefusalReason, as: 'html' | 'json', state?: string) => {
      this.#record(reason, { method: req.method, path: pathOf(req.url), state })
      if (reason === 'body-too-large') res.setHeader('Connection', 'close')
      sendAnswer(res, refusalAnswer(describeRefusal(reason)), as)
    }
    handleCallbackRequest(req, res, { ...this.#context, refuse }).catch((error: unknown) => {
      this.#record('internal-error', { method: req.method, path: pathOf(req.url) }, error)
      if (res.headersSent) res.destroy()
      else sendAnswer(res, refusalAnswer(describeRefusal('internal-error')), 'html')
    })
  }

  #record(
    reason: RefusalReason,
    where: Pick<LoopbackStray, 'method' | 'path' | 'state'>,
    error?: unknown,
  ): void {
    const { status, message, hint, ref } = describeRefusal(reason)
    const stray: LoopbackStray = {
      code: 'LOOPBACK_BAD_REQUEST',
      reason,
      status,
      message: error instanceof Error ? `${message} (${error.message})` : message,
      ...definedOnly({ hint, ref, ...where }),
      at: this.#context.now().toISOString(),
    }
    this.#strays.push(stray)
    if (this.#strays.length > MAX_STRAYS) this.#strays.shift()
    // Delivered after the answer is written: a subscriber's mistake must not change what the
    // browser sees, and it surfaces as the bug it is.
    for (const notify of this.#strayListeners) queueMicrotask(() => notify(stray))
  }
}

function definedOnly<T extends object>(fields: T): Partial<T> {
  return Object.fromEntries(
    Object.entries(fields).filter(([, value]) => value !== undefined),
  ) as Partial<T>
}

/** The path alone: a query may hold a code, and strays are shown and logged. */
function pathOf(url: string | undefined): string {
  return (url ?? '').split('?')[0]!.slice(0, 200)
}
