// The keys of browser mode. The address afx prints carries a one-time bootstrap code; a page
// trades it once for a session key, which it then sends as `Authorization: Bearer` on every
// request. The code is also on the command line of the browser afx launched, where any local user
// can read it (/proc/*/cmdline), so it works once and only for five minutes (long enough to copy
// it from a terminal): once the browser has used it, it opens nothing.
import { createHash, randomBytes } from 'node:crypto'

export const BOOTSTRAP_CODE_TTL_MS = 5 * 60_000

/** Why a code opened no session: never issued here, already traded, or too old. */
export type CodeRefusal = 'unknown' | 'used' | 'expired'

export type Exchange = { session: string } | { refused: CodeRefusal }

type IssuedCode = { expiresAt: number; used: boolean }

export class SessionKeys {
  // Both maps are keyed by SHA-256 digests, not by the secrets: looking a secret up compares
  // strings in a time that depends on how much of it matches, while a digest's match says nothing.
  readonly #codes = new Map<string, IssuedCode>()
  readonly #sessions = new Set<string>()
  readonly #now: () => number

  constructor(now: () => number) {
    this.#now = now
  }

  /** A fresh one-time code, good for BOOTSTRAP_CODE_TTL_MS. */
  issueCode(): string {
    const now = this.#now()
    for (const [digest, code] of this.#codes) if (code.expiresAt <= now) this.#codes.delete(digest)
    const code = newSecret()
    this.#codes.set(digestOf(code), { expiresAt: now + BOOTSTRAP_CODE_TTL_MS, used: false })
    return code
  }

  /** Trades a code for a new session key, once. */
  exchange(code: string): Exchange {
    const issued = this.#codes.get(digestOf(code))
    if (issued === undefined) return { refused: 'unknown' }
    if (issued.used) return { refused: 'used' }
    if (this.#now() >= issued.expiresAt) return { refused: 'expired' }
    issued.used = true
    const session = newSecret()
    this.#sessions.add(digestOf(session))
    return { session }
  }

  isSession(key: string | undefined): boolean {
    return key !== undefined && this.#sessions.has(digestOf(key))
  }
}

/** 256 random bits: far beyond guessing, even at the rate a local program can send requests. */
const newSecret = () => randomBytes(32).toString('base64url')

const digestOf = (secret: string) => createHash('sha256').update(secret).digest('base64url')
