// Who may talk to the web host: only pages it served itself, on the loopback address it bound,
// holding this launch's secret. Guards against other local users and programs, DNS rebinding
// (a foreign Host) and cross-site requests from any page the browser has open (a foreign Origin).
import { timingSafeEqual } from 'node:crypto'
import type { IncomingHttpHeaders } from 'node:http'
import type { WireError } from '../../../shared/wire-error'

export type GuardFailure = { status: number; error: WireError }

export const secretCookieName = (port: number) => `afx_key_${port}`

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

/** The launch secret from the `Authorization: Bearer` header or this port's cookie. */
export function presentedSecret(headers: IncomingHttpHeaders, port: number): string | undefined {
  const bearer = /^Bearer\s+(\S+)$/i.exec(headers.authorization ?? '')?.[1]
  if (bearer) return bearer
  const name = secretCookieName(port)
  for (const pair of (headers.cookie ?? '').split(';')) {
    const [key, ...value] = pair.trim().split('=')
    if (key === name) return value.join('=')
  }
  return undefined
}

export function isSecretEqual(presented: string | undefined | null, secret: string): boolean {
  if (!presented) return false
  const a = Buffer.from(presented)
  const b = Buffer.from(secret)
  return a.length === b.length && timingSafeEqual(a, b)
}

export const unauthorized: GuardFailure = {
  status: 401,
  error: {
    code: 'WEB_UNAUTHORIZED',
    message: 'Refused: this request does not carry the key of this Auth Flow Explorer session.',
    hint: 'Open the full address that "afx web" printed (it ends in ?k=…); the key changes at every launch.',
  },
}
