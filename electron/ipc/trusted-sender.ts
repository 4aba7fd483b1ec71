// Decides whether an IPC message comes from our own renderer: the top frame of a page served from
// the app's own scheme (or, in development only, from electron-vite's dev server).
import type { WebFrameMain } from 'electron'
import { isLoopbackHttpUrl } from '../../shared/loopback-hosts'
import { APP_ORIGIN } from '../window/app-origin'

/**
 * Builds the check for `bindContract`. Origins are compared on the parsed URL, never by prefix:
 * `app://afx.evil.example` must not pass as `app://afx`.
 */
export function createSenderCheck(devServerUrl?: string) {
  const trusted = new Set([APP_ORIGIN])
  if (devServerUrl) trusted.add(originOf(devServerUrl))
  return (frame: WebFrameMain | null): boolean =>
    frame !== null && frame.parent === null && trusted.has(originOf(frame.url))
}

// WHATWG `URL.origin` is "null" for non-special schemes such as app:, so build it by hand.
function originOf(url: string): string {
  try {
    const parsed = new URL(url)
    return `${parsed.protocol}//${parsed.host}`
  } catch {
    return 'invalid'
  }
}

/**
 * The dev server URL (electron-vite sets it in development) is trusted only when it is plain http
 * on this computer: an environment variable must not hand the contract to any site.
 */
export function loopbackDevServer(url: string | undefined): string | undefined {
  if (!url) return undefined
  try {
    return isLoopbackHttpUrl(new URL(url)) ? url : undefined
  } catch {
    return undefined
  }
}
