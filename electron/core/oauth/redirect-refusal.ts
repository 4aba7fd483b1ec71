// Tells early when a provider refuses the redirect URI. It must not redirect to a URI it does not
// trust, so it shows the person an error page and the run would wait in vain: asking for the
// same URL without a browser (and without following redirects) shows the refusal at once.
// @see RFC 6749 §4.1.2.1 (errors that must not be redirected), §3.1.2.2 (registration)
import { AfxError } from '../errors'

/** Enough for any error page's words; the rest is not read. */
const MAX_PAGE_BYTES = 64 * 1024
const PROBE_TIMEOUT_MS = 10_000
/** What Cognito's managed login says, in its redirect to /error, when the URI is not registered. */
const COGNITO_WORDS = 'error=redirect_mismatch'

/**
 * Resolves with OAUTH_REDIRECT_URI_REFUSED when the provider answers `url` with an error page
 * about the redirect URI (oidc-provider, Keycloak, Okta, Google: 400; Cognito: a redirect to its
 * /error page with error=redirect_mismatch), and with undefined otherwise, or when it cannot tell.
 * @see RFC 6749 §4.1.2.1 https://www.rfc-editor.org/rfc/rfc6749#section-4.1.2.1
 */
export async function findRedirectRefusal(
  fetchFn: typeof fetch,
  url: URL,
  signal: AbortSignal,
): Promise<AfxError | undefined> {
  // A pushed request (RFC 9126) may be used once only: the browser must be the one to use it.
  if (url.searchParams.has('request_uri')) return undefined
  try {
    const response = await fetchFn(url, {
      redirect: 'manual',
      signal: AbortSignal.any([signal, AbortSignal.timeout(PROBE_TIMEOUT_MS)]),
    })
    const location = response.headers.get('location') ?? ''
    let page = ''
    if (response.status >= 400) page = await readText(response)
    else await response.body?.cancel()
    const words = refusalWords(response.status, location, page)
    return words === undefined ? undefined : refusal(url, response.status, words)
  } catch {
    return undefined // unreachable or slow: the browser will show what happened
  }
}

/**
 * The provider's words when its answer refuses the redirect URI. Only an error status counts for
 * a page (a sign-in page may well carry redirect_uri in a hidden field).
 * @see RFC 6749 §4.1.2.1 https://www.rfc-editor.org/rfc/rfc6749#section-4.1.2.1
 */
export function refusalWords(status: number, location: string, page: string): string | undefined {
  if (status >= 300 && status < 400 && /[?&]error=redirect_mismatch\b/.test(location)) {
    return COGNITO_WORDS
  }
  if (status < 400) return undefined
  const text = page
    .replace(/<(script|style)[\s\S]*?<\/\1>/gi, ' ')
    .replace(/<[^>]*>/g, ' ')
    .replace(/&#39;|&apos;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ')
    .trim()
  const at = text.search(/redirect[_ -]?ur[il]|redirect_mismatch/i)
  if (at === -1) return undefined
  return text.slice(Math.max(0, at - 120), at + 200).trim()
}

async function readText(response: Response): Promise<string> {
  const reader = response.body?.getReader()
  if (!reader) return ''
  const decoder = new TextDecoder()
  let text = ''
  while (text.length < MAX_PAGE_BYTES) {
    const { done, value } = await reader.read()
    if (done) break
    text += decoder.decode(value, { stream: true })
  }
  await reader.cancel()
  return text
}

function refusal(url: URL, status: number, words: string): AfxError {
  const redirectUri =
    url.searchParams.get('redirect_uri') ??
    url.searchParams.get('post_logout_redirect_uri') ??
    url.searchParams.get('logout_uri') ??
    '(none sent)'
  return new AfxError(
    'OAUTH_REDIRECT_URI_REFUSED',
    `The provider refuses the redirect URI ${redirectUri}: asked for the same URL without a browser, it answered HTTP ${status} with "${words}". It shows the browser this error page instead of coming back.`,
    words === COGNITO_WORDS ? COGNITO_ADVICE : GENERAL_ADVICE,
  )
}

const GENERAL_ADVICE = {
  hint: "Register this exact URI for the client, or send one that is registered: scheme, host, port, path and trailing slash must match character for character. A native client may register http://127.0.0.1/callback and use any port (RFC 8252 §7.3); a web client's port must match too.",
  ref: 'RFC 6749 §3.1.2.2',
}

/**
 * Cognito compares the whole URI, port included, even on loopback: a free port chosen per run
 * never matches what an app client registered (http://localhost:8400/cb, say).
 */
const COGNITO_ADVICE = {
  hint: "Cognito's managed login matches a callback URL whole, port included, even on loopback: a free port chosen for this run cannot match. Use a fixed port: set the redirect's host, port and path to one of the app client's callback URLs (the Redirect port field; --redirect-host and --port on the command line), or add this exact URI to the app client's callback URLs.",
  ref: 'AWS Cognito Developer Guide, Authorize endpoint (redirect_uri must match a callback URL); RFC 6749 §3.1.2.2',
}
