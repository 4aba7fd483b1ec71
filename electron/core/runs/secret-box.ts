// Holds the secrets of one run (client secrets, verifiers, codes, tokens) and replaces them in
// everything the run records. Redaction is by key where a field is known to be secret, and by
// value everywhere else, so a provider that echoes a secret in an error text cannot leak it.
import { hash } from 'node:crypto'

/** Values shorter than this are not replaced by value: too likely to match innocent text. */
const MIN_VALUE_LENGTH = 6

/** The labels of tokens a provider issued: random enough that a fingerprint reveals nothing. */
const TOKEN_LABELS = new Set([
  'access_token',
  'id_token',
  'refresh_token',
  'token',
  'id_token_hint',
])

export class SecretBox {
  readonly #byId = new Map<string, { value: string; label: string }>()
  /** Every spelling of every secret (as is, URL- and form-encoded, JSON-escaped) → its id. */
  readonly #idBySpelling = new Map<string, string>()
  /** The spellings to look for, longest first; rebuilt when a secret is added. */
  #spellings: string[] = []
  #next = 1

  /** Registers a secret and returns its marker, «secret:<id>:<label>». */
  add(value: string, label: string): string {
    let id = this.#idBySpelling.get(value)
    if (id === undefined) {
      id = `s${this.#next++}`
      this.#byId.set(id, { value, label })
      // Recorded bodies and URLs keep the encoded form of what was sent, so look for that too.
      for (const spelling of spellingsOf(value)) {
        if (!this.#idBySpelling.has(spelling)) this.#idBySpelling.set(spelling, id)
      }
      // Longest first, so a token that contains another secret is replaced whole.
      this.#spellings = [...this.#idBySpelling.keys()]
        .filter((spelling) => spelling.length >= MIN_VALUE_LENGTH)
        .sort((a, b) => b.length - a.length)
    }
    return this.#markerOf(id)
  }

  reveal(id: string): string | undefined {
    return this.#byId.get(id)?.value
  }

  /**
   * "sha256 1a2b3c4d5e6f" for a token: the first 48 bits of its SHA-256, the same for the same
   * token in any run, so an export can show where one token was used again without showing it.
   * Undefined for any other secret: a password's or a client secret's hash could be tried
   * against a list of guesses, a token's cannot.
   * @see security.md §7 #155 (tokens replaced by a stable fingerprint)
   */
  fingerprint(id: string): string | undefined {
    const secret = this.#byId.get(id)
    if (secret === undefined || !TOKEN_LABELS.has(secret.label)) return undefined
    return `sha256 ${hash('sha256', secret.value).slice(0, 12)}`
  }

  /** Replaces every registered secret that appears in the text with its marker. */
  redact(text: string): string {
    let result = text
    for (const spelling of this.#spellings) {
      if (!result.includes(spelling)) continue
      result = result.split(spelling).join(this.#markerOf(this.#idBySpelling.get(spelling) ?? ''))
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

  #markerOf(id: string): string {
    const label = this.#byId.get(id)?.label ?? 'secret'
    return `«secret:${id}:${label.replace(/[»:]/g, '')}»`
  }
}

function spellingsOf(value: string): Set<string> {
  return new Set([
    value,
    encodeURIComponent(value),
    new URLSearchParams({ v: value }).toString().slice(2), // form encoding: spaces as +, ~ as %7E
    JSON.stringify(value).slice(1, -1),
  ])
}
