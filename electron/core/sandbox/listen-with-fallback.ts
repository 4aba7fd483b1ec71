// Starts a server on a preferred port and, when another program already holds it, on any free
// one: the sandboxes default to well-known ports but must never fail to start because of them.
import type { Server } from 'node:net'

/**
 * Listens on `preferredPort` at `host`, or on a free port when that one is in use (EADDRINUSE).
 * Resolves with the port actually bound. A preferred port of 0 asks for a free port directly.
 * @see https://nodejs.org/docs/latest-v20.x/api/net.html#serverlistenport-host-backlog-callback
 */
export async function listenWithFallback(
  server: Server,
  preferredPort: number,
  host: string,
): Promise<number> {
  try {
    return await listenOnce(server, preferredPort, host)
  } catch (error) {
    if (preferredPort === 0 || !isAddressInUse(error)) throw error
    return listenOnce(server, 0, host)
  }
}

function listenOnce(server: Server, port: number, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const onError = (error: Error) => reject(error)
    server.once('error', onError)
    server.listen(port, host, () => {
      // Left attached, this listener would turn a later runtime error into a silent rejection.
      server.off('error', onError)
      const address = server.address()
      resolve(typeof address === 'object' && address !== null ? address.port : port)
    })
  })
}

function isAddressInUse(error: unknown): boolean {
  return (error as NodeJS.ErrnoException | null)?.code === 'EADDRINUSE'
}
