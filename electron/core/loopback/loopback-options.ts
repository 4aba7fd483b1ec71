// What a loopback listener is asked for (a host kind, a port, a path) and what follows from it:
// the redirect URI, exactly as the provider will be sent it, and the Host headers it answers.
// @see RFC 8252 §7.3 https://www.rfc-editor.org/rfc/rfc8252#section-7.3
import { AfxError } from '../errors'

export type LoopbackHost = '127.0.0.1' | '[::1]' | 'localhost'

export type LoopbackOptions = {
  /** Default 127.0.0.1, the form RFC 8252 §8.3 recommends. */
  host?: LoopbackHost
  /** 0 (the default) lets the system pick a free port (RFC 8252 §7.3: any port is allowed). */
  port?: number
  /** Default /callback. Compared exactly, as providers compare redirect URIs. */
  path?: string
  /** The clock behind `receivedAt` and the diagnostics' times. */
  now?: () => Date
}

export type ResolvedLoopbackOptions = Required<LoopbackOptions>

const HOSTS: readonly string[] = ['127.0.0.1', '[::1]', 'localhost'] satisfies LoopbackHost[]

/**
 * Fills in the defaults and refuses options no provider could match.
 * @see RFC 8252 §7.3 https://www.rfc-editor.org/rfc/rfc8252#section-7.3
 */
export function resolveLoopbackOptions(options: LoopbackOptions): ResolvedLoopbackOptions {
  const { host = '127.0.0.1', port = 0, path = '/callback', now = () => new Date() } = options
  if (!HOSTS.includes(host)) {
    throw invalid(`The loopback host must be 127.0.0.1, [::1] or localhost, not "${host}".`)
  }
  if (!Number.isInteger(port) || port < 0 || port > 65_535) {
    throw invalid(`The loopback port must be a whole number from 0 to 65535, not ${port}.`)
  }
  // Only a path that URL parsing leaves unchanged can be matched character for character, both
  // by the provider and against the request line (no dot segments, no query, no fragment).
  if (!path.startsWith('/') || new URL(path, 'http://127.0.0.1').pathname !== path) {
    throw invalid(`The callback path "${path}" is not a plain URL path such as /callback.`)
  }
  return { host, port, path, now }
}

/**
 * The redirect URI, serialized by the WHATWG URL parser: openid-client derives redirect_uri from
 * the callback URL the same way, so the two always agree (a port of 80 is left out by both).
 * @see RFC 8252 §7.3 https://www.rfc-editor.org/rfc/rfc8252#section-7.3
 */
export function buildRedirectUri(host: LoopbackHost, port: number, path: string): string {
  return new URL(`http://${host}:${port}${path}`).href
}

/**
 * The Host headers a browser sends to this listener. Every other name is refused: a foreign name
 * resolving to 127.0.0.1 is what DNS rebinding looks like. Loopback literals and `localhost`
 * cannot be rebound, so all three are accepted whichever one the redirect URI uses.
 * @see RFC 8252 §8.3 https://www.rfc-editor.org/rfc/rfc8252#section-8.3
 */
export function allowedHostHeaders(port: number): ReadonlySet<string> {
  const suffix = port === 80 ? '' : `:${port}`
  return new Set(HOSTS.map((host) => host + suffix))
}

function invalid(message: string): AfxError {
  return new AfxError('LOOPBACK_INVALID_OPTIONS', message, { ref: 'RFC 8252 §7.3' })
}
