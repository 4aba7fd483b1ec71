// The headers and the strict Content-Security-Policy of everything the loopback listener serves:
// nothing loads from elsewhere, and the only scripts are ours, allowed by hash or by 'self'.
// @see https://www.w3.org/TR/CSP3/ ; RFC 9700 §4.2.4 (Referrer-Policy) https://www.rfc-editor.org/rfc/rfc9700#section-4.2.4
import { createHash } from 'node:crypto'
import { SafeHtml } from '../html/html-template'

const STYLE = `body{font:16px/1.5 system-ui,sans-serif;margin:0;background:#f4f5f7;color:#1d1f23}
main{max-width:32rem;margin:3rem auto;padding:1.5rem;background:#fff;border-radius:8px;box-shadow:0 1px 3px #0003;border-top:6px solid #15803d}
main.error{border-top-color:#b91c1c}h1{font-size:1.4rem;margin-top:0}p{overflow-wrap:anywhere}`

/**
 * Drops the answer from the address bar and history once a result page is up (RFC 9700 §4.3.1):
 * inline, allowed by its hash, so it needs no second request to a listener that may have closed.
 */
const CLEAN_URL_SCRIPT = "history.replaceState(null, '', location.pathname)"

// Built as plain strings: the hash covers the element's exact text, which a formatter must not
// re-indent.
export const STYLE_ELEMENT = new SafeHtml(`<style>${STYLE}</style>`)
export const CLEAN_URL_ELEMENT = new SafeHtml(`<script>${CLEAN_URL_SCRIPT}</script>`)

const COMMON_POLICY = [
  "default-src 'none'",
  `style-src '${sha256(STYLE)}'`,
  // The empty icon keeps the browser from asking for /favicon.ico, a stray on every sign-in.
  'img-src data:',
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
]

export const RESULT_POLICY = [...COMMON_POLICY, `script-src '${sha256(CLEAN_URL_SCRIPT)}'`].join(
  '; ',
)

/** The relay page loads its script from the listener and posts the fragment back to it. */
export const RELAY_POLICY = [...COMMON_POLICY, "script-src 'self'", "connect-src 'self'"].join('; ')

/**
 * Headers for every response: never cached (answers are single use), never framed, no Referer
 * carrying a code onwards, no content sniffing.
 * @see RFC 9700 §4.2.4 https://www.rfc-editor.org/rfc/rfc9700#section-4.2.4
 */
export function pageHeaders(type: string, policy?: string): Record<string, string> {
  return {
    'Content-Type': `${type}; charset=utf-8`,
    'Cache-Control': 'no-store',
    'Referrer-Policy': 'no-referrer',
    'X-Content-Type-Options': 'nosniff',
    'X-Frame-Options': 'DENY',
    'Cross-Origin-Resource-Policy': 'same-origin',
    ...(policy === undefined ? {} : { 'Content-Security-Policy': policy }),
  }
}

function sha256(text: string): string {
  return `sha256-${createHash('sha256').update(text).digest('base64')}`
}
