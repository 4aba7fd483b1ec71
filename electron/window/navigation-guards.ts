// Every web contents the app creates may not navigate away, open windows, embed webviews or get
// permissions. A link that asks for a new window goes to the system browser, through the one door.
// @see https://www.electronjs.org/docs/latest/tutorial/security#13-disable-or-limit-navigation
import type { Session, WebContents } from 'electron'
import { openClickedLink } from './open-in-browser'

export function applyNavigationGuards(contents: WebContents): void {
  contents.on('will-navigate', (event) => event.preventDefault())
  contents.on('will-redirect', (event) => event.preventDefault())
  contents.on('will-attach-webview', (event) => event.preventDefault())
  contents.setWindowOpenHandler(({ url }) => {
    openClickedLink(url)
    return { action: 'deny' }
  })
}

/** @see https://www.electronjs.org/docs/latest/tutorial/security#5-handle-session-permission-requests-from-remote-content */
export function denyAllPermissions(session: Session): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false))
  session.setPermissionCheckHandler(() => false)
}
