// The contract client of browser mode: calls go over HTTP to the web host, events over its
// Server-Sent Events stream, read with fetch because EventSource cannot send a header.
//
// The key: the address afx prints ends in #k=<one-time code>. Browsers never send a fragment to a
// server nor put it in a Referer; the page takes it off the address bar at once and trades the
// code, once, for a session key (POST /api/session). The key goes in `Authorization: Bearer` on
// every request and lives in sessionStorage, which belongs to this tab and this origin (scheme,
// host and port): a reload keeps working, pages of other 127.0.0.1 ports cannot read it, and it
// is gone with the tab. Not localStorage, which is written to disk and outlives the tab; not a
// cookie, which browsers send to every port of 127.0.0.1, to whatever local server listens there.
import type { Client } from '../shared/contract'
import { methodNames, type EventName, type MethodName } from '../shared/contract-names'
import { fail, type Result } from '../shared/result'
import type { WireError } from '../shared/wire-error'

/**
 * Dispatched on window each time the event stream (re)connects. Every event after it arrives, so
 * whatever shows engine state re-reads it then and misses nothing that happened in between.
 */
export const RESYNC_EVENT = 'afx:resync'

const SESSION_ITEM = 'afx.session'
const FIRST_RETRY_MS = 500
const LAST_RETRY_MS = 10_000

type Session = { key: string } | { error: WireError }
type Deliver = (event: string, data: string) => void
type Listener = (payload: unknown) => void

const NO_KEY: WireError = {
  code: 'WEB_UNAUTHORIZED',
  message:
    'Open the address afx printed in its terminal (it ends in #k=…) to use Auth Flow Explorer in this tab.',
  hint: 'This tab holds no key. Keys come only with that address, which opens one tab, within five minutes of being printed; start "afx web" again for a fresh one.',
}

export function createWebClient(): Client {
  const session = openSession()
  const calls = Object.fromEntries(
    methodNames.map((method) => [method, (input: unknown) => callOverHttp(session, method, input)]),
  )
  return { ...calls, on: streamEvents(session) } as Client
}

async function openSession(): Promise<Session> {
  const code = takeCodeFromAddress()
  const stored = sessionStorage.getItem(SESSION_ITEM)
  if (code === null) return stored === null ? { error: NO_KEY } : { key: stored }
  const result = await postJson<{ session: string }>('/api/session', { code })
  if (result.ok) {
    sessionStorage.setItem(SESSION_ITEM, result.value.session)
    return { key: result.value.session }
  }
  // The printed address opened again in a tab that has a session already: that session holds.
  return stored === null ? { error: result.error } : { key: stored }
}

function takeCodeFromAddress(): string | null {
  const code = new URLSearchParams(location.hash.slice(1)).get('k')
  // Out of the address bar and this history entry, so no bookmark or copied link carries it.
  if (code !== null) history.replaceState(history.state, '', location.pathname + location.search)
  return code
}

async function callOverHttp(
  session: Promise<Session>,
  method: MethodName,
  input: unknown,
): Promise<Result<unknown>> {
  const opened = await session
  if ('error' in opened) return fail(opened.error)
  return postJson(`/api/call/${method}`, input, opened.key)
}

async function postJson<T>(path: string, body: unknown, key?: string): Promise<Result<T>> {
  try {
    const response = await fetch(path, {
      method: 'POST',
      headers: {
        'Content-Type': 'application/json',
        ...(key !== undefined && { Authorization: `Bearer ${key}` }),
      },
      body: JSON.stringify(body ?? {}),
    })
    if (!(response.headers.get('content-type') ?? '').startsWith('application/json')) {
      return fail({
        code: 'INTERNAL_ERROR',
        message: `The engine answered ${path} with HTTP ${response.status} and no result.`,
      })
    }
    return (await response.json()) as Result<T>
  } catch {
    return fail({
      code: 'HOST_UNREACHABLE',
      message: "Auth Flow Explorer's engine is not answering.",
      hint: 'Is "afx web" still running? Start it again and open the address it prints.',
    })
  }
}

/** One stream for the page, opened as soon as the session is, whoever listens. */
function streamEvents(session: Promise<Session>): Client['on'] {
  const listeners = new Map<string, Set<Listener>>()
  const deliver: Deliver = (event, data) => {
    if (event === 'ready') return void window.dispatchEvent(new CustomEvent(RESYNC_EVENT))
    let payload: unknown
    try {
      payload = JSON.parse(data)
    } catch (error) {
      return reportError(error) // one malformed event must not tear the stream down
    }
    for (const listener of listeners.get(event) ?? []) {
      try {
        listener(payload)
      } catch (error) {
        reportError(error) // one broken listener must not end the stream for the others
      }
    }
  }
  void session.then((opened) => {
    if ('key' in opened) void followStream(opened.key, deliver)
  })
  return ((event: EventName, listener: Listener) => {
    const forEvent = listeners.get(event) ?? new Set()
    listeners.set(event, forEvent.add(listener))
    return () => void forEvent.delete(listener)
  }) as Client['on']
}

/** Reads the stream for the life of the page, reconnecting with backoff, until it is refused. */
async function followStream(key: string, deliver: Deliver): Promise<void> {
  let retryMs = FIRST_RETRY_MS
  const onEvent: Deliver = (event, data) => {
    if (event === 'ready') retryMs = FIRST_RETRY_MS
    deliver(event, data)
  }
  // A refusal (4xx) means the key is not good here any more (afx restarted): retrying cannot help.
  while (!(await readStream(key, onEvent))) {
    await new Promise((resolve) => setTimeout(resolve, retryMs))
    retryMs = Math.min(retryMs * 2, LAST_RETRY_MS)
  }
}

/** One connection, until it ends. True when the host refused it. */
async function readStream(key: string, deliver: Deliver): Promise<boolean> {
  try {
    const response = await fetch('/api/events', { headers: { Authorization: `Bearer ${key}` } })
    if (response.status >= 400 && response.status < 500) return true
    if (!response.ok || response.body === null) return false
    const reader = response.body.pipeThrough(new TextDecoderStream()).getReader()
    const parse = createSseParser(deliver)
    for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) {
      parse(chunk.value)
    }
    return false
  } catch {
    return false // the host went away or the connection dropped: try again
  }
}

/**
 * Cuts the stream's text into events. Reads `event:` and `data:` fields and skips comments, which
 * is all the host writes.
 * @see https://html.spec.whatwg.org/multipage/server-sent-events.html#event-stream-interpretation
 */
function createSseParser(deliver: Deliver): (text: string) => void {
  let pending = ''
  let event = 'message'
  let data: string[] = []
  return (text) => {
    const lines = (pending + text).split('\n')
    pending = lines.pop() ?? ''
    for (const raw of lines) {
      const line = raw.endsWith('\r') ? raw.slice(0, -1) : raw
      if (line === '') {
        if (data.length > 0) deliver(event, data.join('\n'))
        event = 'message'
        data = []
      } else if (!line.startsWith(':')) {
        const colon = line.indexOf(':')
        const field = colon === -1 ? line : line.slice(0, colon)
        const value = colon === -1 ? '' : line.slice(colon + 1).replace(/^ /, '')
        if (field === 'event') event = value
        if (field === 'data') data.push(value)
      }
    }
  }
}
