// Refresh tokens and the sign-ins they come from. A family is one sign-in: its refresh token and
// every access/ID token minted from it share an `origin_jti`, so revoking the family revokes all.
// @see https://docs.aws.amazon.com/cognito/latest/developerguide/token-revocation.html
import { randomBytes, randomUUID } from 'node:crypto'
import { LIMITS, REFRESH_TOKEN_TTL_MS } from './pool-config'

export type TokenFamily = {
  refreshToken: string
  originJti: string
  eventId: string
  username: string
  clientId: string
  /** Seconds since the epoch of the sign-in; refreshed tokens keep it. */
  authTime: number
  expiresAt: number
  revoked: boolean
}

/** Issued refresh tokens, by token and by origin_jti, bounded (the oldest are forgotten). */
export class TokenFamilies {
  readonly #byToken = new Map<string, TokenFamily>()
  readonly #byOriginJti = new Map<string, TokenFamily>()
  readonly #now: () => number

  constructor(now: () => number) {
    this.#now = now
  }

  /** Opens a family for a completed sign-in, with a fresh opaque refresh token. */
  open(username: string, clientId: string): TokenFamily {
    const now = this.#now()
    const family: TokenFamily = {
      // Opaque, like Cognito's (an encrypted blob there): nothing a client could decode.
      refreshToken: randomBytes(128).toString('base64url'),
      originJti: randomUUID(),
      eventId: randomUUID(),
      username,
      clientId,
      authTime: Math.floor(now / 1000),
      expiresAt: now + REFRESH_TOKEN_TTL_MS,
      revoked: false,
    }
    this.#byToken.set(family.refreshToken, family)
    this.#byOriginJti.set(family.originJti, family)
    this.#evictOldest()
    return family
  }

  byRefreshToken(token: string): TokenFamily | undefined {
    return this.#byToken.get(token)
  }

  byOriginJti(originJti: string): TokenFamily | undefined {
    return this.#byOriginJti.get(originJti)
  }

  /** GlobalSignOut: every family of the user, on every client. */
  revokeUser(username: string): void {
    for (const family of this.#byToken.values()) {
      if (family.username === username) family.revoked = true
    }
  }

  #evictOldest(): void {
    for (const family of this.#byToken.values()) {
      if (this.#byToken.size <= LIMITS.refreshTokenFamilies) return
      this.#byToken.delete(family.refreshToken)
      this.#byOriginJti.delete(family.originJti)
    }
  }
}
