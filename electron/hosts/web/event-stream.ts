// Streams contract events to the browser as Server-Sent Events (the EventSource API).
// @see https://html.spec.whatwg.org/multipage/server-sent-events.html
import type { IncomingMessage, ServerResponse } from 'node:http'
import type { EventBus } from '../../core/event-bus'

const KEEPALIVE_MS = 25_000

export function openEventStream(bus: EventBus, req: IncomingMessage, res: ServerResponse): void {
  res.writeHead(200, {
    'Content-Type': 'text/event-stream; charset=utf-8',
    Connection: 'keep-alive',
  })
  res.write(': connected\n\n')
  const unsubscribe = bus.subscribe((event, payload) => {
    res.write(`event: ${event}\ndata: ${JSON.stringify(payload)}\n\n`)
  })
  // A comment line now and then keeps proxies and idle timers from closing the stream.
  const keepalive = setInterval(() => res.write(': keepalive\n\n'), KEEPALIVE_MS)
  req.on('close', () => {
    clearInterval(keepalive)
    unsubscribe()
  })
}
