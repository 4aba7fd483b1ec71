// Browser mode: the built renderer and the same contract over HTTP (calls) and Server-Sent Events
// (events), on 127.0.0.1 only, behind a secret made at each launch.
import { randomBytes } from 'node:crypto'
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import type { ContractImpl } from '../../shared/contract'
import { isMethodName } from '../../shared/contract-names'
import { fail } from '../../shared/result'
import { dispatchCall } from '../core/dispatch-call'
import { EventBus } from '../core/event-bus'
import { toWireError } from '../core/to-wire-error'
import { openEventStream } from './web/event-stream'
import { readJsonBody } from './web/read-json-body'
import {
  checkHostAndOrigin,
  isSecretEqual,
  presentedSecret,
  secretCookieName,
  unauthorized,
} from './web/request-guard'
import { SECURITY_HEADERS, sendJson, sendText } from './web/respond'
import { serveStatic } from './web/serve-static'

export type WebHostOptions = {
  impl: ContractImpl
  events: EventBus
  rendererDir: string
  /** 0 (the default) picks a free port. */
  port?: number
}

export type WebHost = {
  /** The address to open, carrying the launch secret. */
  url: string
  port: number
  close(): Promise<void>
}

const CALL_PREFIX = '/api/call/'

export async function startWebHost(options: WebHostOptions): Promise<WebHost> {
  const secret = randomBytes(32).toString('base64url')
  let port = 0
  const server = createServer((req, res) => {
    handleRequest(req, res, { ...options, secret, port }).catch((error: unknown) => {
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
    url: `http://127.0.0.1:${port}/?k=${secret}`,
    port,
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve())
        server.closeAllConnections() // open event streams would otherwise keep it alive
      }),
  }
}

type RequestContext = WebHostOptions & { secret: string; port: number }

async function handleRequest(req: IncomingMessage, res: ServerResponse, ctx: RequestContext) {
  for (const [name, value] of Object.entries(SECURITY_HEADERS)) res.setHeader(name, value)
  const guardFailure = checkHostAndOrigin(req.headers, ctx.port)
  if (guardFailure) return sendJson(res, guardFailure.status, fail(guardFailure.error))

  const url = new URL(req.url ?? '/', `http://127.0.0.1:${ctx.port}`)
  const keyInUrl = url.searchParams.get('k')
  if (keyInUrl !== null && req.method === 'GET') {
    if (!isSecretEqual(keyInUrl, ctx.secret)) return sendJson(res, 401, fail(unauthorized.error))
    // Trade the key in the address for a cookie the page's scripts cannot read, and drop it
    // from the address bar and history.
    url.searchParams.delete('k')
    res.setHeader(
      'Set-Cookie',
      `${secretCookieName(ctx.port)}=${ctx.secret}; HttpOnly; SameSite=Strict; Path=/`,
    )
    res.writeHead(303, { Location: url.pathname + url.search })
    return res.end()
  }
  if (!isSecretEqual(presentedSecret(req.headers, ctx.port), ctx.secret)) {
    return sendJson(res, unauthorized.status, fail(unauthorized.error))
  }

  if (url.pathname.startsWith(CALL_PREFIX)) return handleCall(req, res, ctx, url.pathname)
  if (url.pathname === '/api/events' && req.method === 'GET') {
    return openEventStream(ctx.events, req, res)
  }
  if (req.method !== 'GET' && req.method !== 'HEAD') return sendText(res, 405, 'Method not allowed')
  return serveStatic(ctx.rendererDir, url.pathname, res)
}

async function handleCall(
  req: IncomingMessage,
  res: ServerResponse,
  ctx: RequestContext,
  pathname: string,
) {
  const method = pathname.slice(CALL_PREFIX.length)
  if (req.method !== 'POST') return sendText(res, 405, 'Contract calls are POST requests.')
  if (!isMethodName(method)) {
    return sendJson(
      res,
      404,
      fail({ code: 'IPC_UNKNOWN_METHOD', message: `There is no method named "${method}".` }),
    )
  }
  // Requiring JSON makes any cross-site call a CORS preflight, which this host never approves.
  if (!(req.headers['content-type'] ?? '').startsWith('application/json')) {
    return sendJson(
      res,
      415,
      fail({ code: 'IPC_INVALID_INPUT', message: 'Send the input as application/json.' }),
    )
  }
  let input: unknown
  try {
    input = await readJsonBody(req)
  } catch (error) {
    const wire = toWireError(error)
    if (wire.code === 'WEB_BODY_TOO_LARGE') res.setHeader('Connection', 'close')
    return sendJson(res, wire.code === 'WEB_BODY_TOO_LARGE' ? 413 : 400, fail(wire))
  }
  sendJson(res, 200, await dispatchCall(ctx.impl, method, input))
}
