// The relay page's script: fragments never reach a server, so this script reads the answer in
// `location.hash`, drops it from the address bar and history at once, posts it to the listener
// and shows the listener's answer. Served as a file of its own so the CSP stays script-src 'self'.
// @see OAuth 2.0 Multiple Response Type Encoding Practices §2.1 (fragment) https://openid.net/specs/oauth-v2-multiple-response-types-1_0.html#ResponseModes
// @see RFC 9700 §4.3.2 (access token leakage in browser history) https://www.rfc-editor.org/rfc/rfc9700#section-4.3.2

/** Sub-paths of the callback path: the script, and the endpoint it posts to. */
export function relayPaths(callbackPath: string): { script: string; endpoint: string } {
  const base = callbackPath.replace(/\/$/, '')
  return { script: `${base}/relay.js`, endpoint: `${base}/relay` }
}

/**
 * Posts `{ fragment }` as JSON: a cross-site page cannot send JSON without a CORS preflight, which
 * the listener never approves, and the listener also checks that Origin is its own. The answer is
 * `{ tone, title, lines }`, rendered as text only.
 */
export const RELAY_SCRIPT = `'use strict'
;(() => {
  const endpoint = document.currentScript.dataset.endpoint
  const result = document.getElementById('afx-result')
  const show = ({ tone, title, lines }) => {
    const heading = document.createElement('h1')
    heading.textContent = title
    const paragraphs = lines.map((line) => {
      const p = document.createElement('p')
      p.textContent = line
      return p
    })
    result.className = tone
    result.replaceChildren(heading, ...paragraphs)
  }
  const fragment = location.hash.slice(1)
  history.replaceState(null, '', location.pathname)
  if (fragment === '') {
    show({
      tone: 'error',
      title: 'No sign-in answer here',
      lines: [
        'This address carries no answer after "#", so there is nothing to deliver.',
        'If you came here after signing in, return to Auth Flow Explorer: the run says what it received.',
      ],
    })
    return
  }
  fetch(endpoint, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ fragment }),
    credentials: 'omit',
    cache: 'no-store',
  })
    .then((response) => response.json())
    .then(show, () =>
      show({
        tone: 'error',
        title: 'Auth Flow Explorer did not answer',
        lines: ['The sign-in answer could not be delivered: the app may have stopped waiting.'],
      }),
    )
})()
`
