// Fetches a small JSON document (discovery metadata, a JWKS) through an injected fetch, with a
// timeout, a size bound and no redirects, so a slow or hostile endpoint cannot hang or flood us.
// @see OpenID Connect Discovery 1.0 §4, RFC 7517 §5, RFC 9700 §2.6 (TLS)
import { explainNetworkError } from '../runs/explain-network-error'

export type FetchJsonOptions = {
  fetch: typeof fetch
  timeoutMs?: number
  maxBytes?: number
}

export type FetchProblem = 'insecure' | 'network' | 'timeout' | 'status' | 'too_large' | 'not_json'

export type FetchJsonResult =
  { ok: true; value: unknown } | { ok: false; problem: FetchProblem; message: string }

const DEFAULT_TIMEOUT_MS = 5_000
const DEFAULT_MAX_BYTES = 1024 * 1024

/**
 * GETs `url` and parses its body as JSON; every failure comes back as words, never as a throw.
 * @see RFC 9700 §4.12 (redirects are not followed: a 30x is a failure here)
 */
export async function fetchJson(url: string, options: FetchJsonOptions): Promise<FetchJsonResult> {
  const insecure = insecureUrlProblem(url)
  if (insecure !== null) return { ok: false, problem: 'insecure', message: insecure }
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES
  let response: Response
  let body: string | null
  try {
    response = await options.fetch(url, {
      headers: { accept: 'application/json' },
      redirect: 'manual',
      signal: AbortSignal.timeout(timeoutMs),
    })
    if (!response.ok) {
      await response.body?.cancel()
      return {
        ok: false,
        problem: 'status',
        message: `GET ${url} answered HTTP ${response.status}${isRedirect(response.status) ? ' (a redirect, which is not followed)' : ''}.`,
      }
    }
    body = await readBounded(response, maxBytes)
  } catch (error) {
    const timedOut = error instanceof Error && error.name === 'TimeoutError'
    return timedOut
      ? { ok: false, problem: 'timeout', message: `GET ${url} took longer than ${timeoutMs} ms.` }
      : {
          ok: false,
          problem: 'network',
          message: `GET ${url}: ${explainNetworkError(error, timeoutMs).message}`,
        }
  }
  if (body === null) {
    return {
      ok: false,
      problem: 'too_large',
      message: `GET ${url} answered more than ${maxBytes} bytes; that is not a key set or metadata.`,
    }
  }
  try {
    return { ok: true, value: JSON.parse(body) }
  } catch {
    const type = response.headers.get('content-type') ?? 'no Content-Type'
    return {
      ok: false,
      problem: 'not_json',
      message: `GET ${url} answered ${type}, not JSON; it starts with ${JSON.stringify(body.slice(0, 40))}.`,
    }
  }
}

/** https, or http to this machine only (RFC 8252 §8.3): anything else could be tampered with. */
function insecureUrlProblem(url: string): string | null {
  let parsed: URL
  try {
    parsed = new URL(url)
  } catch {
    return `${JSON.stringify(url)} is not a URL.`
  }
  if (parsed.protocol === 'https:') return null
  if (parsed.protocol === 'http:' && isLoopback(parsed.hostname)) return null
  return `${parsed.origin} is not https; keys and metadata are fetched over https only (plain http is allowed for loopback addresses).`
}

function isLoopback(hostname: string): boolean {
  return hostname === 'localhost' || hostname === '[::1]' || /^127(\.\d{1,3}){3}$/.test(hostname)
}

function isRedirect(status: number): boolean {
  return status >= 300 && status < 400
}

/** The body as text, or null once it passes `maxBytes` (the rest is not read). */
async function readBounded(response: Response, maxBytes: number): Promise<string | null> {
  const declared = Number(response.headers.get('content-length'))
  if (Number.isFinite(declared) && declared > maxBytes) {
    await response.body?.cancel()
    return null
  }
  if (response.body === null) return ''
  const reader = response.body.getReader()
  const chunks: Uint8Array[] = []
  let total = 0
  for (;;) {
    const { done, value } = await reader.read()
    if (done) break
    total += value.byteLength
    if (total > maxBytes) {
      await reader.cancel()
      return null
    }
    chunks.push(value)
  }
  const bytes = new Uint8Array(total)
  let offset = 0
  for (const chunk of chunks) {
    bytes.set(chunk, offset)
    offset += chunk.byteLength
  }
  return new TextDecoder().decode(bytes)
}
