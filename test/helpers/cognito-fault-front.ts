// A hostile Cognito pool for fault tests (reference/security.md §7.0, a test double named as such):
// a small HTTP front on 127.0.0.1:0 that forwards every call to the real sandbox pool, records
// each exchange as it crossed the wire, and can change the answer to one operation (a bad SRP_B,
// a throttling error) so the engine meets a fault the real pool would never make.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo, Socket } from 'node:net'

/** One call as it crossed the wire: the operation and both bodies, in clear. */
export type WireExchange = { operation: string; request: string; response: string }

/** What the front does to one operation's answer. */
export type CognitoFault =
  /** Forwards the call, then rewrites the JSON answer before the engine sees it. */
  | { rewrite: (answer: Record<string, unknown>) => Record<string, unknown> }
  /** Answers with an AWS JSON 1.1 error and forwards nothing. */
  | { error: { type: string; message: string; status?: number } }

export type CognitoFaultFront = {
  /** The endpoint to give the engine in place of the pool's. */
  endpoint: string
  port: number
  /** Every exchange, in order. */
  wire: WireExchange[]
  /** The fault per operation name (InitiateAuth, RespondToAuthChallenge…); empty: pass-through. */
  faults: Map<string, CognitoFault>
  close(): Promise<void>
}

const TARGET_PREFIX = 'AWSCognitoIdentityProviderService.'

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = []
  for await (const chunk of req) chunks.push(chunk as Buffer)
  return Buffer.concat(chunks).toString('utf8')
}

/** Starts the front before `poolEndpoint` (the sandbox pool's http://127.0.0.1:<port>). */
export async function startCognitoFaultFront(poolEndpoint: string): Promise<CognitoFaultFront> {
  const sockets = new Set<Socket>()
  const front: CognitoFaultFront = {
    endpoint: '',
    port: 0,
    wire: [],
    faults: new Map(),
    close: async () => {},
  }

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const request = await readBody(req)
    const target = String(req.headers['x-amz-target'] ?? '')
    const operation = target.startsWith(TARGET_PREFIX) ? target.slice(TARGET_PREFIX.length) : ''
    const fault = front.faults.get(operation)
    if (fault && 'error' in fault) {
      const body = JSON.stringify({ __type: fault.error.type, message: fault.error.message })
      front.wire.push({ operation, request, response: body })
      res
        .writeHead(fault.error.status ?? 400, {
          'content-type': 'application/x-amz-json-1.1',
          'x-amzn-errortype': fault.error.type,
        })
        .end(body)
      return
    }
    const headers = new Headers()
    for (const name of ['content-type', 'x-amz-target', 'authorization', 'x-amz-date']) {
      const value = req.headers[name]
      if (typeof value === 'string') headers.set(name, value)
    }
    const answer = await fetch(new URL(req.url ?? '/', poolEndpoint), {
      method: req.method,
      headers,
      ...(req.method === 'POST' ? { body: request } : {}),
    })
    let response = await answer.text()
    if (fault && answer.ok) response = JSON.stringify(fault.rewrite(JSON.parse(response)))
    front.wire.push({ operation, request, response })
    res
      .writeHead(answer.status, {
        'content-type': answer.headers.get('content-type') ?? 'application/json',
        ...(answer.headers.has('x-amzn-errortype')
          ? { 'x-amzn-errortype': answer.headers.get('x-amzn-errortype')! }
          : {}),
      })
      .end(response)
  }

  const server = createServer((req, res) => void handle(req, res))
  server.on('connection', (socket: Socket) => {
    sockets.add(socket)
    socket.on('close', () => sockets.delete(socket))
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  front.port = (server.address() as AddressInfo).port
  front.endpoint = `http://127.0.0.1:${front.port}`
  front.close = async () => {
    const closed = new Promise<void>((resolve) => server.close(() => resolve()))
    for (const socket of sockets) socket.destroy()
    await closed
  }
  return front
}

/** The operations the front saw, in order. */
export const operationsOf = (front: CognitoFaultFront): string[] =>
  front.wire.map((exchange) => exchange.operation)
