// One HTTP server of a loopback listener (one per bound address), hardened so that a slow,
// oversize or garbled client can neither hold the listener nor stop the real callback arriving.
// @see https://nodejs.org/docs/latest-v20.x/api/http.html#httpcreateserveroptions-requestlistener
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { Socket } from 'node:net'
import type { ConnectionTracker } from './connection-tracker'
import type { RefusalReason } from './refusals'

/** A browser sends a callback in milliseconds; these only ever stop clients that trickle. */
export const SERVER_LIMITS = {
  headersTimeoutMs: 5_000,
  requestTimeoutMs: 10_000,
  idleTimeoutMs: 10_000,
  keepAliveTimeoutMs: 2_000,
  /** Node's default, stated: the request line and headers together. */
  maxHeaderBytes: 16 * 1024,
}

/** How long a refused client may go on sending before its connection is cut. */
const DRAIN_MS = 2_000

export type CallbackServerHandlers = {
  onRequest(req: IncomingMessage, res: ServerResponse): void
  /** Returns the raw HTTP response refusing a request Node could not even parse. */
  onClientError(reason: RefusalReason): string
}

/**
 * Creates a server whose header, request and idle timeouts are seconds, not Node's minutes, and
 * whose connections are counted by `tracker`.
 * @see https://nodejs.org/docs/latest-v20.x/api/http.html#serverheaderstimeout
 */
export function createCallbackServer(
  tracker: ConnectionTracker,
  handlers: CallbackServerHandlers,
): Server {
  const server = createServer(
    {
      headersTimeout: SERVER_LIMITS.headersTimeoutMs,
      requestTimeout: SERVER_LIMITS.requestTimeoutMs,
      // Node checks those two timeouts on this interval (default 30 s, longer than they are).
      connectionsCheckingInterval: 1_000,
      maxHeaderSize: SERVER_LIMITS.maxHeaderBytes,
      // A missing Host is refused by our own check, with a page and a diagnostic.
      requireHostHeader: false,
    },
    (req, res) => {
      tracker.markBusy(req.socket)
      res.once('close', () => tracker.markIdle(req.socket))
      handlers.onRequest(req, res)
    },
  )
  server.timeout = SERVER_LIMITS.idleTimeoutMs
  server.keepAliveTimeout = SERVER_LIMITS.keepAliveTimeoutMs
  server.on('connection', (socket: Socket) => tracker.add(socket))
  const answered = new WeakSet<Socket>()
  server.on('clientError', (error: NodeJS.ErrnoException, socket: Socket) => {
    // While we drain, Node reports every further chunk of the same bad request again.
    if (answered.has(socket)) return
    answered.add(socket)
    const reason = reasonFor(error.code)
    if (reason === undefined || !socket.writable) return void socket.destroy()
    socket.end(handlers.onClientError(reason))
    // Reading on lets a client still sending (a 1 MB URL) receive the answer, not a reset.
    socket.resume()
    setTimeout(() => socket.destroy(), DRAIN_MS).unref()
  })
  return server
}

function reasonFor(code: string | undefined): RefusalReason | undefined {
  switch (code) {
    case 'ECONNRESET':
    case 'EPIPE':
      return undefined
    case 'HPE_HEADER_OVERFLOW':
      return 'headers-too-large'
    case 'ERR_HTTP_REQUEST_TIMEOUT':
      return 'slow-request'
    default:
      return 'malformed'
  }
}
