// A small least-recently-used cache for what the inspector derives from the same key again and
// again (a PEM read as a JWK, a JWK imported for an algorithm), so a batch of tokens from one
// issuer pays for it once. Entries are keyed by a SHA-256 of the key material: pasted key text,
// and a private key pasted by mistake, never becomes a map key in clear.

import { hash } from 'node:crypto'

export class KeyCache<V> {
  readonly #capacity: number
  readonly #entries = new Map<string, V>()

  /** `capacity`: the most entries kept; the least recently used one goes first. */
  constructor(capacity: number) {
    this.#capacity = capacity
  }

  /** The value kept for `material`, now the most recently used; undefined when none is. */
  lookup(material: string): V | undefined {
    const id = idOf(material)
    const value = this.#entries.get(id)
    if (value === undefined) return undefined
    // A Map iterates in insertion order: re-inserting moves the entry to the recent end.
    this.#entries.delete(id)
    this.#entries.set(id, value)
    return value
  }

  /** Keeps `value` for `material`, dropping the least recently used entry when full. */
  keep(material: string, value: V): void {
    this.#entries.set(idOf(material), value)
    if (this.#entries.size <= this.#capacity) return
    const oldest = this.#entries.keys().next()
    if (oldest.done !== true) this.#entries.delete(oldest.value)
  }

  get size(): number {
    return this.#entries.size
  }
}

function idOf(material: string): string {
  return hash('sha256', material, 'base64url')
}
