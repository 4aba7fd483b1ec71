// Sends the CSP as a response header for every page (the renderer's <meta> tag is the fallback).
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
