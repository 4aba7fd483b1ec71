// Holds the secrets of one run (client secrets, verifiers, codes, tokens) and replaces them in
// everything the run records. Redaction is by key where a field is known to be secret, and by
// value everywhere else, so a provider that echoes a secret in an error text cannot leak it.

/** Values shorter than this are not replaced by value: too likely to match innocent text. */
const MIN_VALUE_LENGTH = 6

export class SecretBox {
  readonly #byId = new Map<string, { value: string; label: string }>()
  readonly #idByValue = new Map<string, string>()
  #next = 1

  /** Registers a secret and returns its marker, «secret:<id>:<label>». */
  add(value: string, label: string): string {
    let id = this.#idByValue.get(value)
    if (id === undefined) {
      id = `s${this.#next++}`
      this.#byId.set(id, { value, label })
      this.#idByValue.set(value, id)
    }
    return marker(id, this.#byId.get(id)?.label ?? label)
  }

  reveal(id: string): string | undefined {
    return this.#byId.get(id)?.value
  }

  /** Replaces every registered secret that appears in the text with its marker. */
  redact(text: string): string {
    let result = text
    // Longest first, so a token that contains another secret is replaced whole.
    const values = [...this.#idByValue.keys()].sort((a, b) => b.length - a.length)
    for (const value of values) {
      if (value.length < MIN_VALUE_LENGTH || !result.includes(value)) continue
      const id = this.#idByValue.get(value) ?? ''
      result = result.split(value).join(marker(id, this.#byId.get(id)?.label ?? 'secret'))
    }
    return result
  }

  /** Redacts every string inside a JSON-like value. */
  redactDeep(value: unknown): unknown {
    if (typeof value === 'string') return this.redact(value)
    if (Array.isArray(value)) return value.map((item) => this.redactDeep(item))
    if (value !== null && typeof value === 'object') {
      return Object.fromEntries(
        Object.entries(value).map(([key, item]) => [key, this.redactDeep(item)]),
      )
    }
    return value
  }
}

const marker = (id: string, label: string) => `«secret:${id}:${label.replace(/[»:]/g, '')}»`
