// Streams contract events to the browser as Server-Sent Events. The page reads the stream with
// fetch (so it can send its Bearer key), and re-reads the engine's state at each `ready`.
// @see https://html.spec.whatwg.org/multipage/server-sent-events.html#parsing-an-event-stream
import type { IncomingMessage, ServerResponse } from 'node:http'
import type { EventBus } from '../../core/event-bus'

const KEEPALIVE_MS = 25_000

export function openEventStream(bus: EventBus, req: IncomingMessage, res: ServerResponse): void {
  res.writeHead(200, {
    'Content-Type': 'text/event-stream; charset=utf-8',
    Connection: 'keep-alive',
  })
  const unsubscribe = bus.subscribe((event, payload) => {
    res.write(`event: ${event}\ndata: ${JSON.stringify(payload)}\n\n`)
  })
  // Written only once subscribed: every event after this line reaches the page, and anything
  // before it the page learns by re-reading state, so nothing falls between a read and the stream.
  res.write('event: ready\ndata: {}\n\n')
  // A comment line now and then keeps proxies and idle timers from closing the stream.
  const keepalive = setInterval(() => res.write(': keepalive\n\n'), KEEPALIVE_MS)
  req.on('close', () => {
    clearInterval(keepalive)
    unsubscribe()
  })
}
