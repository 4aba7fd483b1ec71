// What the browser sees after a sign-in: "you can close this tab", the provider's error in words,
// a refusal, or the relay page for fragment answers. No page ever holds a code or a token, and
// every provider string is escaped and shortened.
// @see RFC 8252 §7.3 https://www.rfc-editor.org/rfc/rfc8252#section-7.3, RFC 9700 §4.3
import { STATUS_CODES, type ServerResponse } from 'node:http'
import { html, type SafeHtml } from '../html/html-template'
import {
  CLEAN_URL_ELEMENT,
  pageHeaders,
  RELAY_POLICY,
  RESULT_POLICY,
  STYLE_ELEMENT,
} from './page-security'
import type { Refusal } from './refusals'

/** A page's content: rendered as HTML, or as JSON for the relay script to render as text. */
export type CallbackAnswer = {
  status: number
  tone: 'done' | 'error'
  title: string
  lines: string[]
}

/** The provider's words are shown, not trusted: at most this many characters of each. */
const MAX_SHOWN = 500

/** @see RFC 8252 §7.3 https://www.rfc-editor.org/rfc/rfc8252#section-7.3 */
export function successAnswer(): CallbackAnswer {
  return {
    status: 200,
    tone: 'done',
    title: 'Sign-in answer received',
    lines: ['You can close this tab and return to Auth Flow Explorer.'],
  }
}

/** @see RFC 6749 §4.1.2.1 https://www.rfc-editor.org/rfc/rfc6749#section-4.1.2.1 */
export function providerErrorAnswer(
  error: string,
  description: string | undefined,
): CallbackAnswer {
  const said = description === undefined ? [] : [`It said: ${shorten(description)}`]
  return {
    status: 200,
    tone: 'error',
    title: 'The provider did not sign you in',
    lines: [
      `The provider answered with the error "${shorten(error)}".`,
      ...said,
      'You can close this tab and return to Auth Flow Explorer, which shows the whole answer.',
    ],
  }
}

/** @see RFC 9110 §15.5 https://www.rfc-editor.org/rfc/rfc9110#section-15.5 */
export function refusalAnswer(refusal: Refusal): CallbackAnswer {
  return { status: refusal.status, tone: 'error', title: refusal.title, lines: [refusal.message] }
}

/** @see OAuth 2.0 Multiple Response Type Encoding Practices §2.1 https://openid.net/specs/oauth-v2-multiple-response-types-1_0.html#ResponseModes */
export function modeMismatchAnswer(expected: string, actual: string): CallbackAnswer {
  return {
    status: 400,
    tone: 'error',
    title: 'The answer came the wrong way',
    lines: [
      `This sign-in asked for its answer by ${expected}, but it arrived by ${actual}.`,
      'You can close this tab and return to Auth Flow Explorer, which explains the difference.',
    ],
  }
}

/**
 * Sends an answer as a page (with the URL-cleaning script) or, to the relay script, as JSON.
 * @see https://www.w3.org/TR/CSP3/#directive-script-src
 */
export function sendAnswer(res: ServerResponse, answer: CallbackAnswer, as: 'html' | 'json'): void {
  if (as === 'json') {
    const { tone, title, lines } = answer
    return send(res, answer.status, 'application/json', JSON.stringify({ tone, title, lines }))
  }
  send(res, answer.status, 'text/html', renderPage(answer), RESULT_POLICY)
}

/** The text of a complete HTTP response, for errors Node reports before a request exists. */
export function rawAnswer(answer: CallbackAnswer): string {
  const body = renderPage(answer)
  const headers = {
    ...pageHeaders('text/html', RESULT_POLICY),
    'Content-Length': String(Buffer.byteLength(body)),
    Connection: 'close',
  }
  const lines = Object.entries(headers).map(([name, value]) => `${name}: ${value}`)
  return [`HTTP/1.1 ${answer.status} ${STATUS_CODES[answer.status]}`, ...lines, '', body].join(
    '\r\n',
  )
}

/**
 * The page at the redirect path when the answer is in the fragment, which browsers never send.
 * @see OAuth 2.0 Multiple Response Type Encoding Practices §2.1 https://openid.net/specs/oauth-v2-multiple-response-types-1_0.html#ResponseModes
 */
export function sendRelayPage(res: ServerResponse, scriptPath: string, endpoint: string): void {
  const body = layout(
    'Delivering the sign-in answer',
    html`<main id="afx-result" class="done">
        <h1>Delivering the sign-in answer…</h1>
        <noscript
          ><p>
            JavaScript is off, so the answer in this address (after "#") cannot reach Auth Flow
            Explorer. Allow JavaScript for this page, or paste the address into the app.
          </p></noscript
        >
      </main>
      <script src="${scriptPath}" data-endpoint="${endpoint}"></script>`,
  )
  send(res, 200, 'text/html', body, RELAY_POLICY)
}

/** Sends the relay script; see fragment-relay.ts. */
export function sendScript(res: ServerResponse, script: string): void {
  send(res, 200, 'text/javascript', script)
}

function renderPage(answer: CallbackAnswer): string {
  return layout(
    answer.title,
    html`<main id="afx-result" class="${answer.tone}">
        <h1>${answer.title}</h1>
        ${answer.lines.map((line) => html`<p>${line}</p>`)}
      </main>
      ${CLEAN_URL_ELEMENT}`,
  )
}

function layout(title: string, body: SafeHtml): string {
  return html`<!doctype html>
    <html lang="en">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>${title} · Auth Flow Explorer</title>
        <link rel="icon" href="data:," />
        ${STYLE_ELEMENT}
      </head>
      <body>
        ${body}
      </body>
    </html>`.markup
}

function send(res: ServerResponse, status: number, type: string, body: string, csp?: string) {
  res.writeHead(status, {
    ...pageHeaders(type, csp),
    'Content-Length': Buffer.byteLength(body),
  })
  res.end(body)
}

/** Control characters could fake lines or, in a terminal, escape sequences: they are dropped. */
function shorten(text: string): string {
  // eslint-disable-next-line no-control-regex
  const clean = text.replace(/[\u0000-\u001f\u007f-\u009f]/g, ' ')
  return clean.length > MAX_SHOWN ? `${clean.slice(0, MAX_SHOWN)}…` : clean
}
