// Sends the CSP as a response header for pages loaded over http (the dev server). Pages from
// app:// get it from app-protocol.ts, since custom schemes bypass webRequest; <meta> is the fallback.
import type { Session } from 'electron'
import { CONTENT_SECURITY_POLICY } from '../../shared/content-security-policy'

export function applyContentSecurityPolicy(session: Session): void {
  session.webRequest.onHeadersReceived((details, callback) => {
    callback({
      responseHeaders: {
        ...details.responseHeaders,
        'Content-Security-Policy': [CONTENT_SECURITY_POLICY],
      },
    })
  })
}
