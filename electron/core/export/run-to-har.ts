// Turns a run into a HAR file, the format browsers' network panels and HTTP tools read: one entry
// per HTTP exchange. Secrets are not in it: each marker reads "[redacted: <label>]", and a live
// run's tokens "[redacted: <label>, sha256 <fingerprint>]" (see token-fingerprints.ts).
// @see HAR 1.2 http://www.softwareishard.com/blog/har-12-spec/
import { STATUS_CODES } from 'node:http'
import { SECRET_MARKER, type HttpExchange, type Run, type Step } from '../../../shared/run-model'
import { hasSecretMarker } from './secret-variables'

export type HarNameValue = { name: string; value: string }
export type HarCreator = { name: string; version: string }

export type HarRequest = {
  method: string
  url: string
  httpVersion: string
  cookies: HarNameValue[]
  headers: HarNameValue[]
  queryString: HarNameValue[]
  postData?: { mimeType: string; text: string; params: HarNameValue[] }
  headersSize: number
  bodySize: number
}

export type HarResponse = {
  status: number
  statusText: string
  httpVersion: string
  cookies: HarNameValue[]
  headers: HarNameValue[]
  content: { size: number; mimeType: string; text?: string; comment?: string }
  redirectURL: string
  headersSize: number
  bodySize: number
  /** Why no response came, in words (a custom field, as HAR allows with a leading "_"). */
  _error?: string
}

export type HarEntry = {
  pageref: string
  startedDateTime: string
  time: number
  request: HarRequest
  response: HarResponse
  cache: Record<string, never>
  timings: { send: number; wait: number; receive: number }
  comment: string
}

export type HarLog = {
  version: '1.2'
  creator: HarCreator
  pages: { startedDateTime: string; id: string; title: string; pageTimings: object }[]
  entries: HarEntry[]
}

export type Har = { log: HarLog }

/** Said for a request that was sent and got no answer (HAR has no status for that: 0). */
const NO_ANSWER = 'No answer came.'

/**
 * The run as a HAR log: one page for the run, one entry per exchange, in order.
 * @see HAR 1.2 §log, §entries http://www.softwareishard.com/blog/har-12-spec/#entries
 */
export function runToHar(run: Run, creator: HarCreator): Har {
  const entries = run.steps.flatMap((step) =>
    step.exchange ? [entryOf(run, step, step.exchange)] : [],
  )
  return {
    log: {
      version: '1.2',
      creator,
      pages: [
        {
          startedDateTime: run.createdAt,
          id: run.id,
          title: unmark(run.title),
          pageTimings: {},
        },
      ],
      entries,
    },
  }
}

/** The HAR as the text of a .har file. */
export function runToHarJson(run: Run, creator: HarCreator): string {
  return `${JSON.stringify(runToHar(run, creator), null, 2)}\n`
}

function entryOf(run: Run, step: Step, exchange: HttpExchange): HarEntry {
  const wait = exchange.durationMs ?? 0
  return {
    pageref: run.id,
    startedDateTime: step.startedAt ?? run.createdAt,
    time: wait,
    request: requestOf(exchange.request),
    response: responseOf(exchange),
    cache: {},
    // Only the whole wait is measured; send and receive are inside it.
    timings: { send: 0, wait, receive: 0 },
    comment: unmark(step.title),
  }
}

function requestOf(request: HttpExchange['request']): HarRequest {
  const mimeType = headerOf(request.headers, 'content-type') ?? ''
  return {
    method: request.method,
    url: unmark(request.url),
    httpVersion: 'HTTP/1.1',
    cookies: [],
    headers: headersOf(request.headers),
    queryString: queryOf(request.url),
    ...(request.body === undefined
      ? {}
      : {
          postData: {
            mimeType,
            text: unmark(request.body),
            params: /^application\/x-www-form-urlencoded\b/i.test(mimeType)
              ? pairsOf(new URLSearchParams(request.body))
              : [],
          },
        }),
    headersSize: -1,
    bodySize: request.body === undefined ? 0 : sizeOf(request.body),
  }
}

function responseOf(exchange: HttpExchange): HarResponse {
  const response = exchange.response
  if (response === undefined) {
    return {
      status: 0,
      statusText: '',
      httpVersion: '',
      cookies: [],
      headers: [],
      content: { size: 0, mimeType: 'x-unknown' },
      redirectURL: '',
      headersSize: -1,
      bodySize: -1,
      _error: unmark(exchange.error ?? NO_ANSWER),
    }
  }
  const body = response.body ?? ''
  const declaredLength = Number(headerOf(response.headers, 'content-length') ?? Number.NaN)
  return {
    status: response.status,
    statusText: STATUS_CODES[response.status] ?? '',
    httpVersion: 'HTTP/1.1',
    cookies: [],
    headers: headersOf(response.headers),
    content: {
      size: new TextEncoder().encode(unmark(body)).length,
      mimeType: headerOf(response.headers, 'content-type') ?? 'x-unknown',
      ...(response.body === undefined ? {} : { text: unmark(body) }),
      ...(response.bodyTruncated ? { comment: 'The body was cut at the display limit.' } : {}),
    },
    redirectURL: unmark(headerOf(response.headers, 'location') ?? ''),
    headersSize: -1,
    // What the wire carried: the declared length, or the text's own when nothing was replaced.
    bodySize: Number.isSafeInteger(declaredLength)
      ? declaredLength
      : response.bodyTruncated
        ? -1
        : sizeOf(body),
  }
}

/** "[redacted: client_secret]" for every marker: a HAR is read, not run. */
function unmark(text: string): string {
  return text.replace(
    SECRET_MARKER,
    (_marker, _id, label: string) => `[redacted: ${label || 'secret'}]`,
  )
}

/** The byte size of a recorded body, or -1 when a secret in it was replaced (its size unknown). */
function sizeOf(text: string): number {
  return hasSecretMarker(text) ? -1 : new TextEncoder().encode(text).length
}

function headerOf(headers: Record<string, string>, name: string): string | undefined {
  return Object.entries(headers).find(([key]) => key.toLowerCase() === name)?.[1]
}

function headersOf(headers: Record<string, string>): HarNameValue[] {
  return Object.entries(headers).map(([name, value]) => ({ name, value: unmark(value) }))
}

function queryOf(url: string): HarNameValue[] {
  const at = url.indexOf('?')
  if (at < 0) return []
  return pairsOf(new URLSearchParams(url.slice(at + 1).split('#')[0]))
}

/** Decoded name-value pairs; markers survive decoding (they travel unencoded) and are replaced. */
function pairsOf(params: URLSearchParams): HarNameValue[] {
  return [...params].map(([name, value]) => ({ name: unmark(name), value: unmark(value) }))
}
