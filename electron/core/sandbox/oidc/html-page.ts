// The frame of every page the sandbox provider shows: the shared layout with the sandbox banner,
// its stylesheet, and the headers (a strict Content-Security-Policy) sent with every response.
// @see https://cheatsheetseries.owasp.org/cheatsheets/Cross_Site_Scripting_Prevention_Cheat_Sheet.html
import { html, type SafeHtml } from '../../html/html-template'

export const STYLESHEET_PATH = '/assets/sandbox.css'

/** Wraps a page body in the layout every sandbox page shares. */
export function renderPage(title: string, body: SafeHtml): string {
  return html`<!doctype html>
    <html lang="en">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>${title} · Sandbox provider</title>
        <link rel="stylesheet" href="${STYLESHEET_PATH}" />
      </head>
      <body>
        <header><p class="banner">Sandbox provider — demo users only</p></header>
        <main>${body}</main>
      </body>
    </html> `.markup
}

/** Served from STYLESHEET_PATH, so the policy needs no inline style. */
export const STYLESHEET = `body{font:16px/1.5 system-ui,sans-serif;margin:0;background:#f4f5f7;color:#1d1f23}
.banner{margin:0;padding:.5rem 1rem;background:#7a4b00;color:#fff;font-weight:600;text-align:center}
main{max-width:28rem;margin:2rem auto;padding:1.5rem;background:#fff;border-radius:8px;box-shadow:0 1px 3px #0003}
h1{font-size:1.5rem;margin-top:0}label{display:block;font-weight:600;margin-top:1rem}
input[type=text],input[type=password]{box-sizing:border-box;width:100%;padding:.5rem;font-size:1rem;border:1px solid #888;border-radius:4px}
button{margin-top:1rem;margin-right:.5rem;padding:.5rem 1.25rem;font-size:1rem;border-radius:4px;border:1px solid #1d4ed8;background:#1d4ed8;color:#fff;cursor:pointer}
button.secondary{background:#fff;color:#1d4ed8}:focus-visible{outline:3px solid #f59e0b;outline-offset:2px}
[role=alert]{padding:.5rem .75rem;border-left:4px solid #b91c1c;background:#fee2e2;color:#7f1d1d}
table{border-collapse:collapse;width:100%;font-size:.875rem;margin-top:1.5rem}th,td{text-align:left;padding:.25rem .5rem;border-bottom:1px solid #ddd}
code{font-size:.9em;background:#eef;padding:0 .2em;border-radius:3px}.actions{display:flex;gap:.5rem}
.user-code code{font-size:2rem;letter-spacing:.1em}
`

/**
 * No script runs on these pages and styles come only from the stylesheet above. Forms post to
 * the provider, which then redirects to the client's loopback redirect URI; Chromium applies
 * form-action to those redirects too, and a policy cannot name [::1] (IPv6 literals are invalid
 * sources), so the target is allowed by scheme: the provider itself redirects only to
 * registered URIs. script-src stays declared so oidc-provider can add the hash of its own
 * auto-submit form script (response_mode=form_post).
 * @see https://www.w3.org/TR/CSP3/#directive-form-action
 */
export const SANDBOX_PAGE_HEADERS: Readonly<Record<string, string>> = {
  'Content-Security-Policy': [
    "default-src 'none'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self'",
    "form-action 'self' http:",
    "frame-ancestors 'none'",
    "base-uri 'none'",
  ].join('; '),
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
}
