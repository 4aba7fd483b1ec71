// Serves the built renderer from app://afx/ instead of file://, so the window has a real origin
// for the sender check and the CSP, and file:// gets no extra privileges.
// @see https://www.electronjs.org/docs/latest/tutorial/security#18-avoid-usage-of-the-file-protocol-and-prefer-usage-of-custom-protocols
import { net, protocol } from 'electron'
import { pathToFileURL } from 'node:url'
import { resolveStaticFile } from '../core/app/resolve-static-file'
import { APP_SCHEME } from './app-origin'

/** Must run before the app is ready. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
  ])
}

export function serveAppScheme(rendererDir: string): void {
  protocol.handle(APP_SCHEME, (request) => {
    const { host, pathname } = new URL(request.url)
    const file = host === 'afx' ? resolveStaticFile(rendererDir, pathname) : null
    if (file === null) return new Response('Not found', { status: 404 })
    return net.fetch(pathToFileURL(file).toString())
  })
}
