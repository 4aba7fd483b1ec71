// The sandbox's Cognito-compatible user pool: an HTTP server on 127.0.0.1 that speaks the
// AWSCognitoIdentityProviderService JSON protocol (for the AWS SDK and amazon-cognito-identity-js
// with an endpoint override) and serves the pool's JWKS and OpenID configuration.
// @see https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/Welcome.html
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import { listenWithFallback } from '../listen-with-fallback'
import { createDemoPool, DEMO_CLIENTS, describeDemoUsers } from './demo-pool'
import { createOneTimeCode, Outbox, type OutboxMessage } from './outbox'
import { SessionStore } from './session-store'
import { TokenFamilies } from './token-families'
import { createTokenKeys, publicJwks } from './cognito-tokens'
import { readOperationName, readRequestBody, sendError, sendResult } from './aws-json-protocol'
import { findOperation } from './operations/operation-table'
import { cognitoErrors } from './cognito-errors'
import { CUSTOM_ANSWER, CUSTOM_QUESTION } from './custom-challenge'
import {
  DEFAULT_PORT,
  HOST,
  REGION,
  USER_POOL_ID,
  DEVICE_CONFIGURATION,
  DEVICE_TRACKING_LABEL,
} from './pool-config'
import type { PoolContext } from './pool-context'
import type { CognitoSandboxDescription } from '../../../../shared/sandbox-model'

export type { OutboxMessage } from './outbox'

export type CognitoSandboxOptions = {
  /** Default 9401 (any free port when taken); 0 asks for any free port. */
  port?: number
  /** Called for every SMS or email code the pool "sends". */
  onMessage?: (message: OutboxMessage) => void
  /** Epoch milliseconds; injected so tests can move time (sessions, codes, tokens, TIMESTAMP). */
  now?: () => number
  /** Makes each sign-in code (MFA, passwordless); injected so a script's test can know it ahead. */
  createSignInCode?: () => string
}

export type CognitoSandbox = {
  endpoint: string
  port: number
  description: CognitoSandboxDescription
  outbox: OutboxMessage[]
  close(): Promise<void>
}

/**
 * Starts the sandbox user pool with its demo clients and users; nothing is persisted.
 * @see https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_InitiateAuth.html
 */
export async function startCognitoSandbox(
  options: CognitoSandboxOptions = {},
): Promise<CognitoSandbox> {
  const now = options.now ?? Date.now
  const ctx: PoolContext = {
    pool: createDemoPool(),
    sessions: new SessionStore(now),
    families: new TokenFamilies(now),
    keys: await createTokenKeys(),
    outbox: new Outbox(now, options.onMessage),
    now,
    createSignInCode: options.createSignInCode ?? createOneTimeCode,
    issuer: '',
  }
  let port = 0
  const server = createServer((req, res) => void handleRequest(ctx, port, req, res))
  port = await listenWithFallback(server, options.port ?? DEFAULT_PORT, HOST)
  const endpoint = `http://${HOST}:${port}`
  ctx.issuer = `${endpoint}/${USER_POOL_ID}`
  return {
    endpoint,
    port,
    description: describe(endpoint, ctx.issuer),
    outbox: ctx.outbox.messages,
    close: () => closeServer(server),
  }
}

async function handleRequest(
  ctx: PoolContext,
  port: number,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  try {
    // DNS rebinding: a page on another name must not reach the pool through the browser.
    const host = req.headers.host ?? ''
    if (host !== `${HOST}:${port}` && host !== `localhost:${port}`) {
      res.writeHead(421, { 'Content-Type': 'text/plain' }).end('Misdirected request')
      return
    }
    const path = new URL(req.url ?? '/', 'http://sandbox').pathname
    if (req.method === 'GET') return serveWellKnown(ctx, path, res)
    if (req.method !== 'POST' || path !== '/') {
      res.writeHead(405, { Allow: 'POST, GET' }).end()
      return
    }
    const name = readOperationName(req)
    const operation = findOperation(name)
    if (operation === undefined) {
      req.resume()
      throw cognitoErrors.unknownOperation(name)
    }
    sendResult(res, await operation(ctx, await readRequestBody(req), req.headers))
  } catch (error) {
    if (!res.headersSent) sendError(res, error)
  }
}

/**
 * The pool's JWKS and OpenID configuration, at the paths Cognito uses below the issuer.
 * @see https://docs.aws.amazon.com/cognito/latest/developerguide/amazon-cognito-user-pools-using-tokens-verifying-a-jwt.html
 */
function serveWellKnown(ctx: PoolContext, path: string, res: ServerResponse): void {
  const base = `/${USER_POOL_ID}/.well-known/`
  const documents: Record<string, () => object> = {
    [`${base}jwks.json`]: () => publicJwks(ctx.keys),
    [`${base}openid-configuration`]: () => ({
      issuer: ctx.issuer,
      jwks_uri: `${ctx.issuer}/.well-known/jwks.json`,
      subject_types_supported: ['public'],
      id_token_signing_alg_values_supported: ['RS256'],
      response_types_supported: ['code', 'token'],
      scopes_supported: ['openid', 'email', 'phone', 'profile'],
      token_endpoint_auth_methods_supported: ['client_secret_basic', 'client_secret_post'],
    }),
  }
  const document = Object.hasOwn(documents, path) ? documents[path] : undefined
  if (document === undefined) {
    res.writeHead(404, { 'Content-Type': 'text/plain' }).end('Not found')
    return
  }
  const body = JSON.stringify(document())
  res.writeHead(200, { 'Content-Type': 'application/json', 'Cache-Control': 'no-store' }).end(body)
}

function describe(endpoint: string, issuer: string): CognitoSandboxDescription {
  return {
    endpoint,
    region: REGION,
    userPoolId: USER_POOL_ID,
    issuer,
    jwksUri: `${issuer}/.well-known/jwks.json`,
    clients: DEMO_CLIENTS.map((client) => ({
      ...client,
      explicitAuthFlows: [...client.explicitAuthFlows],
    })),
    users: describeDemoUsers(),
    customChallenge: { question: CUSTOM_QUESTION, answer: CUSTOM_ANSWER },
    deviceTracking: {
      challengeRequiredOnNewDevice: DEVICE_CONFIGURATION.ChallengeRequiredOnNewDevice,
      deviceOnlyRememberedOnUserPrompt: DEVICE_CONFIGURATION.DeviceOnlyRememberedOnUserPrompt,
      label: DEVICE_TRACKING_LABEL,
    },
  }
}

// Keep-alive connections would hold the port open after close(): end them all.
function closeServer(server: ReturnType<typeof createServer>): Promise<void> {
  return new Promise((resolve, reject) => {
    server.close((error) => (error === undefined ? resolve() : reject(error)))
    server.closeAllConnections()
  })
}
