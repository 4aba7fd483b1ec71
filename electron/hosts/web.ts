// Browser mode: the built renderer and the same contract over HTTP (calls) and Server-Sent Events
// (events), on 127.0.0.1 only. The app's files are public code; everything under /api/ needs a
// session key, opened with the one-time code of the printed address (see web/session-keys.ts).
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import type { ContractImpl } from '../../shared/contract'
import { fail } from '../../shared/result'
import { EventBus } from '../core/event-bus'
import { toWireError } from '../core/to-wire-error'
import { openEventStream } from './web/event-stream'
import { handleCall } from './web/handle-call'
import { bearerKey, checkHostAndOrigin, unauthorized } from './web/request-guard'
import { SECURITY_HEADERS, sendJson, sendText } from './web/respond'
import { serveStatic } from './web/serve-static'
import { SessionKeys } from './web/session-keys'
import { exchangeCode, issueAddress, launchAddress } from './web/session-routes'

export type WebHostOptions = {
  impl: ContractImpl
  events: EventBus
  rendererDir: string
  /** 0 (the default) picks a free port. */
  port?: number
  /** The clock one-time codes expire by; tests move it. */
  now?: () => number
  /** Sees each request's method and target exactly as received, before any check. */
  onRequest?: (method: string, target: string) => void
}

export type WebHost = {
  /** The address to open: its fragment carries a one-time code, good for a few minutes. */
  url: string
  port: number
  close(): Promise<void>
}

const CALL_PREFIX = '/api/call/'

export async function startWebHost(options: WebHostOptions): Promise<WebHost> {
  const keys = new SessionKeys(options.now ?? Date.now)
  let port = 0
  const server = createServer((req, res) => {
    handleRequest(req, res, { ...options, keys, port }).catch((error: unknown) => {
      console.error('[afx] web host request failed:', error instanceof Error ? error.name : 'error')
      if (!res.headersSent) sendJson(res, 500, fail(toWireError(error)))
      else res.destroy()
    })
  })
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve())
  })
  port = (server.address() as AddressInfo).port
  return {
    url: launchAddress(port, keys.issueCode()),
    port,
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve())
        server.closeAllConnections() // open event streams would otherwise keep it alive
      }),
  }
}

type RequestContext = WebHostOptions & { keys: SessionKeys; port: number }

async function handleRequest(req: IncomingMessage, res: ServerResponse, ctx: RequestContext) {
  ctx.onRequest?.(req.method ?? '', req.url ?? '')
  for (const [name, value] of Object.entries(SECURITY_HEADERS)) res.setHeader(name, value)
  const guardFailure = checkHostAndOrigin(req.headers, ctx.port)
  if (guardFailure) return sendJson(res, guardFailure.status, fail(guardFailure.error))

  const { pathname } = new URL(req.url ?? '/', `http://127.0.0.1:${ctx.port}`)
  if (pathname === '/api/session') return exchangeCode(ctx.keys, req, res)
  if (pathname.startsWith('/api/')) {
    if (!ctx.keys.isSession(bearerKey(req.headers))) {
      return sendJson(res, unauthorized.status, fail(unauthorized.error))
    }
    return handleApi(req, res, ctx, pathname)
  }
  if (req.method !== 'GET' && req.method !== 'HEAD') return sendText(res, 405, 'Method not allowed')
  // The page and its assets hold no secret: a tab opened without the code can load them and say
  // what to do, instead of showing a bare 401.
  return serveStatic(ctx.rendererDir, pathname, res)
}

function handleApi(
  req: IncomingMessage,
  res: ServerResponse,
  ctx: RequestContext,
  pathname: string,
): Promise<void> | void {
  if (pathname.startsWith(CALL_PREFIX)) {
    return handleCall(ctx.impl, pathname.slice(CALL_PREFIX.length), req, res)
  }
  if (pathname === '/api/session/address') return issueAddress(ctx.keys, ctx.port, req, res)
  if (pathname === '/api/events' && req.method === 'GET') {
    return openEventStream(ctx.events, req, res)
  }
  sendText(res, 404, `Not found: ${pathname}`)
}
