// Who may talk to the web host: only pages it served itself, on the loopback address it bound,
// holding a session key of this launch. Guards against other local users and programs, DNS
// rebinding (a foreign Host) and cross-site requests from any page the browser has open (a
// foreign Origin).
import type { IncomingHttpHeaders } from 'node:http'
import type { WireError } from '../../../shared/wire-error'

export type GuardFailure = { status: number; error: WireError }

export function allowedHosts(port: number): Set<string> {
  return new Set([`127.0.0.1:${port}`, `localhost:${port}`])
}

/** Checks Host and Origin. Returns the failure to send, or null when the request may go on. */
export function checkHostAndOrigin(
  headers: IncomingHttpHeaders,
  port: number,
): GuardFailure | null {
  const hosts = allowedHosts(port)
  if (!hosts.has(headers.host ?? '')) {
    return {
      status: 421,
      error: {
        code: 'WEB_FORBIDDEN_HOST',
        message: `Refused: the Host header "${headers.host ?? ''}" is not this app's address.`,
        hint: `Open http://127.0.0.1:${port}/ itself; the app does not answer under other names.`,
      },
    }
  }
  const origin = headers.origin
  if (origin !== undefined && !isOwnOrigin(origin, hosts)) {
    return {
      status: 403,
      error: {
        code: 'WEB_FORBIDDEN_ORIGIN',
        message: `Refused: a page from ${origin} may not call Auth Flow Explorer.`,
      },
    }
  }
  return null
}

function isOwnOrigin(origin: string, hosts: Set<string>): boolean {
  try {
    const url = new URL(origin)
    return url.protocol === 'http:' && hosts.has(url.host)
  } catch {
    return false
  }
}

/**
 * The session key from `Authorization: Bearer`, the only place one is accepted. Never a cookie:
 * browsers send cookies to every port of 127.0.0.1 alike, so any other local server the browser
 * visits would receive it.
 * @see RFC 6750 §2.1 https://www.rfc-editor.org/rfc/rfc6750#section-2.1
 * @see RFC 6265 §8.5 (cookies do not isolate ports) https://www.rfc-editor.org/rfc/rfc6265#section-8.5
 */
export function bearerKey(headers: IncomingHttpHeaders): string | undefined {
  return /^Bearer\s+(\S+)$/i.exec(headers.authorization ?? '')?.[1]
}

export const unauthorized: GuardFailure = {
  status: 401,
  error: {
    code: 'WEB_UNAUTHORIZED',
    message:
      'Refused: this request does not carry a session key of this Auth Flow Explorer launch.',
    hint: 'Open the address "afx web" printed (it ends in #k=…) in a new tab; keys change at every launch.',
  },
}
