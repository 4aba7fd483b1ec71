// The sandbox OpenID provider: a real oidc-provider on 127.0.0.1 with demo clients and users, so
// every flow works with no cloud account, and every integration test has a provider to talk to.
// @see OpenID Connect Discovery 1.0 §4 https://openid.net/specs/openid-connect-discovery-1_0.html#ProviderConfig
import { createServer, type RequestListener } from 'node:http'
import { listenWithFallback } from '../listen-with-fallback'
import { createDemoClients } from './demo-clients'
import { handleInteractionRoute } from './interaction-routes'
import { SANDBOX_PAGE_HEADERS } from './html-page'
import { loadOidcProvider } from './load-oidc-provider'
import { MemoryStore } from './memory-adapter'
import { buildProviderConfiguration } from './provider-configuration'
import { describeOidcSandbox, type OidcSandboxDescription } from './sandbox-description'
import { generateSigningKeys } from './signing-keys'

export type { OidcSandboxDescription } from './sandbox-description'

export const OIDC_SANDBOX_DEFAULT_PORT = 9400

/** Loopback only: the sandbox's demo secrets and passwords are published. */
const HOST = '127.0.0.1'

export type OidcSandboxOptions = {
  /** Defaults to 9400; when that port is taken, any free one. 0 asks for any free port. */
  port?: number
  /** The port in the web clients' redirect URIs, default 8765 (native clients take any port). */
  webCallbackPort?: number
}

export type OidcSandbox = {
  /** `http://127.0.0.1:<port>`: discovery is at `<issuer>/.well-known/openid-configuration`. */
  issuer: string
  port: number
  description: OidcSandboxDescription
  /** Stops listening, drops every open connection and forgets every grant, session and token. */
  close(): Promise<void>
}

/**
 * Starts the sandbox provider and resolves once it answers requests.
 * @see OpenID Connect Core 1.0 https://openid.net/specs/openid-connect-core-1_0.html
 */
export async function startOidcSandbox(options: OidcSandboxOptions = {}): Promise<OidcSandbox> {
  const [{ default: Provider, errors, interactionPolicy }, jwks] = await Promise.all([
    loadOidcProvider(),
    generateSigningKeys(),
  ])
  const clients = createDemoClients(options.webCallbackPort)
  const store = new MemoryStore()
  // The issuer names the port, so the provider exists only once the port is known.
  let handle: RequestListener = (_req, res) => res.writeHead(503).end()
  const server = createServer((req, res) => {
    for (const [name, value] of Object.entries(SANDBOX_PAGE_HEADERS)) res.setHeader(name, value)
    handle(req, res)
  })
  const port = await listenWithFallback(server, options.port ?? OIDC_SANDBOX_DEFAULT_PORT, HOST)
  const close = async () => {
    await new Promise<void>((resolve) => {
      server.close(() => resolve())
      server.closeAllConnections() // keep-alive clients would otherwise hold the port open
    })
    store.clear()
  }

  const issuer = `http://${HOST}:${port}`
  try {
    const configuration = buildProviderConfiguration({
      oidc: { errors, interactionPolicy },
      clients,
      jwks,
      store,
    })
    const provider = new Provider(issuer, configuration)
    // oidc-provider validates a static client's metadata on first use: do it now, so a bad
    // registration fails the start rather than some later flow.
    await Promise.all(clients.map(({ metadata }) => provider.Client.find(metadata.client_id)))
    const delegate = provider.callback()
    handle = (req, res) => {
      handleInteractionRoute(provider, req, res)
        .then((handled) => (handled ? undefined : delegate(req, res)))
        .catch((error: unknown) => {
          console.error('Sandbox provider: a request failed', error)
          if (res.headersSent) res.destroy()
          else res.writeHead(500).end()
        })
    }
  } catch (error) {
    await close()
    throw error
  }
  return { issuer, port, description: describeOidcSandbox(issuer, clients), close }
}
