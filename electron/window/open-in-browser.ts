// The one door from the app to the system browser: an authorization URL main built itself, or a
// link a person clicked in the window (a spec reference, the sign-in page of a run), each checked
// before it leaves: https, or http to this computer only.
// @see https://www.electronjs.org/docs/latest/tutorial/security#15-do-not-use-shellopenexternal-with-untrusted-content
import { shell } from 'electron'
import { checkBrowserUrl } from '../core/app/check-browser-url'

export async function openAuthorizationUrl(url: URL): Promise<void> {
  await shell.openExternal(checkBrowserUrl(url))
}

/**
 * A link of the window asked to open a new one (`target="_blank"`): the window itself never opens
 * it; the system browser does, when the URL passes the same check. Anything else is dropped.
 */
export function openClickedLink(href: string): void {
  let url: URL
  try {
    url = new URL(href)
    checkBrowserUrl(url)
  } catch {
    return
  }
  void shell.openExternal(url.href).catch(() => undefined)
}
