// The one door from the app to the system browser: only URLs main built itself (an authorization
// URL from a profile), checked before they leave, never a URL the renderer hands over.
// @see https://www.electronjs.org/docs/latest/tutorial/security#15-do-not-use-shellopenexternal-with-untrusted-content
import { shell } from 'electron'
import { checkBrowserUrl } from '../core/app/check-browser-url'

export async function openAuthorizationUrl(url: URL): Promise<void> {
  await shell.openExternal(checkBrowserUrl(url))
}
