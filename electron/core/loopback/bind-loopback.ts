// Binds the loopback address(es) a redirect URI names, all on one port, and nothing else: never
// 0.0.0.0 or ::, so no other machine can reach the listener.
// @see RFC 8252 §7.3, §8.3 https://www.rfc-editor.org/rfc/rfc8252#section-8.3
import type { Server } from 'node:net'
import { AfxError } from '../errors'
import type { LoopbackHost } from './loopback-options'

/**
 * `localhost` is bound on both 127.0.0.1 and ::1, on the same port, rather than on what the
 * resolver answers: browsers resolve localhost themselves (Chromium always to loopback, whatever
 * the hosts file says, and it may try ::1 first), so either address can receive the redirect,
 * and a program holding the other one on our port would receive the code. The two literals also
 * mean a tampered hosts file can never make the listener bind beyond loopback.
 */
const ADDRESSES: Record<LoopbackHost, readonly string[]> = {
  '127.0.0.1': ['127.0.0.1'],
  '[::1]': ['::1'],
  localhost: ['127.0.0.1', '::1'],
}

/** With port 0, how often to draw a new port when ::1 already has the one 127.0.0.1 got. */
const FREE_PORT_ATTEMPTS = 5

export type BoundServers<S extends Server> = { servers: S[]; port: number; notes: string[] }

/**
 * Listens with a server from `makeServer` on each address of `host`, at `port` (0: a free one).
 * A taken fixed port fails: the redirect URI must not change behind the caller's back.
 * @see RFC 8252 §7.3 https://www.rfc-editor.org/rfc/rfc8252#section-7.3
 */
export async function bindLoopback<S extends Server>(
  host: LoopbackHost,
  port: number,
  makeServer: () => S,
): Promise<BoundServers<S>> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await bindEach(ADDRESSES[host], port, makeServer)
    } catch (failure) {
      if (!(failure instanceof BindFailure)) throw failure
      const retry = port === 0 && failure.index > 0 && failure.errno === 'EADDRINUSE'
      if (!retry || attempt === FREE_PORT_ATTEMPTS) throw explainBindFailure(failure, host)
    }
  }
}

class BindFailure extends Error {
  constructor(
    readonly index: number,
    readonly address: string,
    readonly port: number,
    readonly errno: string | undefined,
    readonly original: unknown,
  ) {
    super(`listen ${errno ?? 'failed'} ${address}:${port}`)
  }
}

async function bindEach<S extends Server>(
  addresses: readonly string[],
  port: number,
  makeServer: () => S,
): Promise<BoundServers<S>> {
  const bound: BoundServers<S> = { servers: [], port, notes: [] }
  try {
    for (const [index, address] of addresses.entries()) {
      const server = makeServer()
      try {
        bound.port = await listen(server, bound.port, address)
        bound.servers.push(server)
      } catch (error) {
        const errno = (error as NodeJS.ErrnoException).code
        // The second address of `localhost` is ::1: a machine without IPv6 still has a working
        // localhost on 127.0.0.1, where every browser falls back.
        if (index > 0 && isAddressUnavailable(errno)) {
          bound.notes.push(
            `IPv6 loopback (::1) is unavailable here (${errno}), so localhost is served on 127.0.0.1 only.`,
          )
          continue
        }
        throw new BindFailure(index, address, bound.port, errno, error)
      }
    }
    return bound
  } catch (failure) {
    await Promise.all(bound.servers.map((server) => new Promise((done) => server.close(done))))
    throw failure
  }
}

function listen(server: Server, port: number, address: string): Promise<number> {
  return new Promise((resolve, reject) => {
    // Attached before listen(), so EADDRINUSE rejects here instead of crashing the process.
    server.once('error', reject)
    server.listen(port, address, () => {
      server.off('error', reject)
      const info = server.address()
      resolve(typeof info === 'object' && info !== null ? info.port : port)
    })
  })
}

function isAddressUnavailable(errno: string | undefined): boolean {
  return errno === 'EADDRNOTAVAIL' || errno === 'EAFNOSUPPORT'
}

const IN_USE_HINT =
  'Close that program, or choose another port (and register the matching redirect URI with the provider), or leave the port empty so the system picks a free one.'
const BESIDE_HINT =
  'Listening beside it is not safe: the browser could deliver the sign-in answer to that program. '

function explainBindFailure(failure: BindFailure, host: LoopbackHost): unknown {
  const { address, port, original } = failure
  const where = address.includes(':') ? `[${address}]:${port}` : `${address}:${port}`
  const details = { cause: original, ref: 'RFC 8252 §7.3' }
  switch (failure.errno) {
    case 'EADDRINUSE':
      return new AfxError(
        'LOOPBACK_PORT_IN_USE',
        `Another program is already listening on ${where}.`,
        {
          ...details,
          hint: (failure.index > 0 ? BESIDE_HINT : '') + IN_USE_HINT,
        },
      )
    case 'EACCES':
      return new AfxError(
        'LOOPBACK_PORT_FORBIDDEN',
        `This system does not allow listening on ${where}.`,
        {
          ...details,
          hint: 'Ports below 1024 usually need administrator rights: choose a port from 1024 to 65535, or leave the port empty.',
        },
      )
    case 'EADDRNOTAVAIL':
    case 'EAFNOSUPPORT':
      return new AfxError(
        'LOOPBACK_ADDRESS_UNAVAILABLE',
        `${where} cannot be bound on this machine.`,
        {
          ...details,
          hint:
            host === '[::1]'
              ? 'IPv6 looks disabled here: use http://127.0.0.1 for the redirect URI instead.'
              : 'Check that the loopback interface is up.',
        },
      )
    default:
      return original
  }
}
