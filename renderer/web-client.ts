// The contract client of browser mode: calls go over HTTP to the web host, events come over
// Server-Sent Events. The launch key travels in an HttpOnly cookie the page never sees.
import type { Client } from '../shared/contract'
import { methodNames, type EventName, type MethodName } from '../shared/contract-names'
import { fail, type Result } from '../shared/result'

export function createWebClient(): Client {
  const calls = Object.fromEntries(
    methodNames.map((method) => [method, (input: unknown) => callOverHttp(method, input)]),
  )
  return { ...calls, on: subscribeOverSse } as Client
}

async function callOverHttp(method: MethodName, input: unknown): Promise<Result<unknown>> {
  try {
    const response = await fetch(`/api/call/${method}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(input ?? {}),
    })
    if (!(response.headers.get('content-type') ?? '').startsWith('application/json')) {
      return fail({
        code: 'INTERNAL_ERROR',
        message: `The engine answered ${method} with HTTP ${response.status} and no result.`,
      })
    }
    return (await response.json()) as Result<unknown>
  } catch {
    return fail({
      code: 'HOST_UNREACHABLE',
      message: "Auth Flow Explorer's engine is not answering.",
      hint: 'Is "afx web" still running? Start it again and open the address it prints.',
    })
  }
}

let eventSource: EventSource | undefined

function subscribeOverSse(event: EventName, listener: (payload: unknown) => void): () => void {
  eventSource ??= new EventSource('/api/events')
  const source = eventSource
  const relay = (message: MessageEvent<string>) => listener(JSON.parse(message.data))
  source.addEventListener(event, relay)
  return () => source.removeEventListener(event, relay)
}
