// A misbehaving OAuth provider on 127.0.0.1:0 for fault tests (a test double, named as such):
// sane defaults for every endpoint, and one route replaced by the fault under test. It remembers
// each request and, when closed, cuts every connection still open (a stalled one included).
import { execFile, execFileSync } from 'node:child_process'
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import {
  createServer as createHttpServer,
  type IncomingMessage,
  type ServerResponse,
} from 'node:http'
import { createServer as createHttpsServer } from 'node:https'
import { connect, createServer as createNetServer, type AddressInfo, type Socket } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'

export type FaultRoute = (
  req: IncomingMessage,
  res: ServerResponse,
  provider: FaultProvider,
) => unknown

export type FaultProvider = {
  /** The issuer URL (no trailing slash), which is also the server's origin. */
  issuer: string
  port: number
  /** "GET /path" for each request received, in order. */
  requests: string[]
  /** Bytes written by `streamBody` routes before the client went away or the body ended. */
  bytesStreamed: number
  close: () => Promise<void>
}

export const DISCOVERY_PATH = '/.well-known/openid-configuration'

/** The provider's metadata when no route replaces it. */
export const metadataOf = (issuer: string) => ({
  issuer,
  authorization_endpoint: `${issuer}/authorize`,
  token_endpoint: `${issuer}/token`,
  userinfo_endpoint: `${issuer}/userinfo`,
  revocation_endpoint: `${issuer}/revoke`,
  jwks_uri: `${issuer}/jwks`,
  response_types_supported: ['code'],
  subject_types_supported: ['public'],
  id_token_signing_alg_values_supported: ['RS256'],
})

const DEFAULT_ROUTES: Record<string, FaultRoute> = {
  [`GET ${DISCOVERY_PATH}`]: (_req, res, provider) => sendJson(res, metadataOf(provider.issuer)),
  'POST /token': (_req, res) =>
    sendJson(res, { access_token: 'at-from-fault-provider', token_type: 'Bearer', expires_in: 60 }),
  'GET /userinfo': (_req, res) => sendJson(res, { sub: 'alice' }),
  'POST /revoke': (_req, res) => res.end(),
  'GET /jwks': (_req, res) => sendJson(res, { keys: [] }),
}

export function sendJson(res: ServerResponse, value: unknown, status = 200): void {
  res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(value))
}

export function sendText(res: ServerResponse, body: string, type: string, status = 200): void {
  res.writeHead(status, { 'content-type': type }).end(body)
}

/**
 * Answers `totalBytes` of `type`, written from one reused chunk as the client reads (so the
 * provider itself never holds the body: memory measured around it is the client's).
 */
export function streamBody(totalBytes: number, type = 'application/json'): FaultRoute {
  return (_req, res, provider) => {
    const chunk = Buffer.alloc(64 * 1024, 0x20)
    res.writeHead(200, { 'content-type': type })
    res.write('{"padding":"')
    const pump = () => {
      while (provider.bytesStreamed < totalBytes) {
        provider.bytesStreamed += chunk.byteLength
        if (!res.write(chunk)) return void res.once('drain', pump)
      }
      res.end('"}')
    }
    res.on('error', () => {})
    pump()
  }
}

/** Reads the request, then holds the connection open without a byte of answer. */
export const stall: FaultRoute = (req) => {
  req.resume()
}

export async function startFaultProvider(
  routes: Record<string, FaultRoute> = {},
  options: { tls?: { key: string; cert: string } } = {},
): Promise<FaultProvider> {
  const sockets = new Set<Socket>()
  const table = { ...DEFAULT_ROUTES, ...routes }
  const provider: FaultProvider = {
    issuer: '',
    port: 0,
    requests: [],
    bytesStreamed: 0,
    close: async () => {},
  }
  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname
    const key = `${req.method} ${path}`
    provider.requests.push(key)
    const route = table[key]
    if (!route) return sendJson(res, { error: 'not_found' }, 404)
    await route(req, res, provider)
  }
  const server = options.tls ? createHttpsServer(options.tls, handle) : createHttpServer(handle)
  server.on(options.tls ? 'secureConnection' : 'connection', (socket: Socket) => {
    sockets.add(socket)
    socket.on('close', () => sockets.delete(socket))
  })
  // A client refusing our certificate shows up here; it is the fault under test, not a failure.
  server.on('tlsClientError', () => {})
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  provider.port = (server.address() as AddressInfo).port
  provider.issuer = `${options.tls ? 'https' : 'http'}://127.0.0.1:${provider.port}`
  provider.close = async () => {
    const closed = new Promise<void>((resolve) => server.close(() => resolve()))
    for (const socket of sockets) socket.destroy()
    server.closeAllConnections()
    await closed
  }
  return provider
}

/** A port that was bound a moment ago and is now free: connecting to it is refused. */
export async function releasedPort(): Promise<number> {
  const server = createNetServer()
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  await new Promise<void>((resolve) => server.close(() => resolve()))
  return port
}

/** Whether anything accepts a TCP connection on 127.0.0.1:port. */
export function isListening(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host: '127.0.0.1', port })
    socket.once('connect', () => {
      socket.destroy()
      resolve(true)
    })
    socket.once('error', () => resolve(false))
  })
}

/** A server that answers every connection with `banner` and hangs up: not HTTP at all. */
export async function startNonHttpServer(
  banner = 'SSH-2.0-OpenSSH_9.6\r\n',
): Promise<{ port: number; close: () => Promise<void> }> {
  const sockets = new Set<Socket>()
  const server = createNetServer((socket) => {
    sockets.add(socket)
    socket.on('close', () => sockets.delete(socket))
    socket.on('error', () => {})
    socket.end(banner)
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  return {
    port: (server.address() as AddressInfo).port,
    close: async () => {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()))
      for (const socket of sockets) socket.destroy()
      await closed
    },
  }
}

/** Whether the openssl command line is installed (the TLS cases need it to make certificates). */
export const HAS_OPENSSL = (() => {
  try {
    execFileSync('openssl', ['version'], { stdio: 'ignore', timeout: 5_000 })
    return true
  } catch {
    return false
  }
})()

export type TestCertificates = {
  /** A certificate for 127.0.0.1 signed by its own key. */
  selfSigned: { key: string; cert: string }
  /** A certificate for 127.0.0.1 signed by a private CA nobody trusts. */
  privateCa: { key: string; cert: string }
}

/**
 * Certificates for 127.0.0.1, made by the openssl command line (node:crypto makes keys, not
 * certificates). Undefined when openssl is not installed.
 */
export async function makeTestCertificates(): Promise<TestCertificates | undefined> {
  const dir = await mkdtemp(join(tmpdir(), 'afx-fault-tls-'))
  const file = (name: string) => join(dir, name)
  const openssl = (args: string[]) =>
    promisify(execFile)('openssl', args, { timeout: 10_000, cwd: dir })
  const newKey = ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes']
  const forLoopback = ['-subj', '/CN=127.0.0.1']
  try {
    await writeFile(file('leaf.ext'), 'subjectAltName=IP:127.0.0.1\n')
    await openssl([
      'req',
      '-x509',
      ...newKey,
      '-days',
      '1',
      ...forLoopback,
      '-addext',
      'subjectAltName=IP:127.0.0.1',
      '-keyout',
      'self.key',
      '-out',
      'self.pem',
    ])
    await openssl([
      'req',
      '-x509',
      ...newKey,
      '-days',
      '1',
      '-subj',
      '/CN=afx fault test CA',
      '-keyout',
      'ca.key',
      '-out',
      'ca.pem',
    ])
    await openssl(['req', ...newKey, ...forLoopback, '-keyout', 'leaf.key', '-out', 'leaf.csr'])
    await openssl([
      'x509',
      '-req',
      '-in',
      'leaf.csr',
      '-CA',
      'ca.pem',
      '-CAkey',
      'ca.key',
      '-CAcreateserial',
      '-days',
      '1',
      '-extfile',
      'leaf.ext',
      '-out',
      'leaf.pem',
    ])
    const read = (name: string) => readFile(file(name), 'utf8')
    return {
      selfSigned: { key: await read('self.key'), cert: await read('self.pem') },
      privateCa: { key: await read('leaf.key'), cert: await read('leaf.pem') },
    }
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined
    throw error
  } finally {
    await rm(dir, { recursive: true, force: true })
  }
}
