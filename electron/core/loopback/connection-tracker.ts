// Every connection open on a listener: capped, so a flood of idle or trickling connections can
// neither exhaust the app's file descriptors nor lock the browser out, and all closed at the end.
// @see https://nodejs.org/docs/latest-v20.x/api/http.html#servercloseallconnections
import type { Socket } from 'node:net'

/** A browser opens at most six connections to one host; the rest is room for strays. */
export const MAX_CONNECTIONS = 64

export class ConnectionTracker {
  /** Insertion order is age: the first entry is the oldest connection. */
  readonly #open = new Set<Socket>()
  readonly #busy = new Set<Socket>()

  constructor(private readonly limit = MAX_CONNECTIONS) {}

  /**
   * Registers a new connection. Over the limit, the oldest connection with no request in
   * progress (idle keep-alive, or still trickling its headers) makes room, rather than the new
   * one: that may be the browser bringing the real callback.
   */
  add(socket: Socket): void {
    this.#open.add(socket)
    socket.once('close', () => {
      this.#open.delete(socket)
      this.#busy.delete(socket)
    })
    // Destroyed connections stay in the set until their 'close' event: they no longer count.
    const live = [...this.#open].filter((s) => !s.destroyed)
    if (live.length <= this.limit) return
    const victim = live.find((s) => s !== socket && !this.#busy.has(s))
    ;(victim ?? socket).destroy()
  }

  /** A request on this connection is being answered: it is not dropped to make room. */
  markBusy(socket: Socket): void {
    this.#busy.add(socket)
  }

  markIdle(socket: Socket): void {
    this.#busy.delete(socket)
  }

  /** `server.close()` leaves open connections alive (keep-alive, slow clients): end them too. */
  destroyAll(): void {
    for (const socket of this.#open) socket.destroy()
  }
}
