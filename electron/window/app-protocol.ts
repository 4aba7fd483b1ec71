// Serves the built renderer from app://afx/ instead of file://, so the window has a real origin
// for the sender check and the CSP, and file:// gets no extra privileges.
// @see https://www.electronjs.org/docs/latest/tutorial/security#18-avoid-usage-of-the-file-protocol-and-prefer-usage-of-custom-protocols
import { net, protocol } from 'electron'
import { pathToFileURL } from 'node:url'
import { resolveStaticFile } from '../core/app/resolve-static-file'
import { CONTENT_SECURITY_POLICY } from '../../shared/content-security-policy'
import { APP_SCHEME } from './app-origin'

/** Must run before the app is ready. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
  ])
}

export function serveAppScheme(rendererDir: string): void {
  protocol.handle(APP_SCHEME, async (request) => {
    const { host, pathname } = new URL(request.url)
    const file = host === 'afx' ? resolveStaticFile(rendererDir, pathname) : null
    if (file === null) return new Response('Not found', { status: 404 })
    const response = await net.fetch(pathToFileURL(file).toString())
    // Custom schemes do not pass through session.webRequest, so the CSP travels here.
    const headers = new Headers(response.headers)
    headers.set('Content-Security-Policy', CONTENT_SECURITY_POLICY)
    headers.set('X-Content-Type-Options', 'nosniff')
    return new Response(response.body, { status: response.status, headers })
  })
}
