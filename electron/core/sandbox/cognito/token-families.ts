// Refresh tokens and the sign-ins they come from. A family is one sign-in: its refresh token and
// every access/ID token minted from it share an `origin_jti`, so revoking the family revokes all.
// With rotation, the family's refresh token is replaced on each refresh and the one it replaced
// works on for a grace period only.
// @see https://docs.aws.amazon.com/cognito/latest/developerguide/token-revocation.html
// @see https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_RefreshTokenRotationType.html
import { randomBytes, randomUUID } from 'node:crypto'
import { LIMITS, REFRESH_TOKEN_TTL_MS } from './pool-config'

export type TokenFamily = {
  /** The current refresh token (the newest, once rotated). */
  refreshToken: string
  originJti: string
  eventId: string
  username: string
  clientId: string
  /** Seconds since the epoch of the sign-in; refreshed tokens keep it. */
  authTime: number
  /** A rotated refresh token keeps this: rotation never lengthens a sign-in (AWS does not say). */
  expiresAt: number
  revoked: boolean
}

/** Issued refresh tokens, by token and by origin_jti, bounded (the oldest are forgotten). */
export class TokenFamilies {
  readonly #byToken = new Map<string, TokenFamily>()
  readonly #byOriginJti = new Map<string, TokenFamily>()
  /** Refresh tokens replaced by rotation, with the end of each one's retry grace period. */
  readonly #replacedUntil = new Map<string, number>()
  readonly #now: () => number

  constructor(now: () => number) {
    this.#now = now
  }

  /** Opens a family for a completed sign-in, with a fresh opaque refresh token. */
  open(username: string, clientId: string): TokenFamily {
    const now = this.#now()
    const family: TokenFamily = {
      refreshToken: createRefreshToken(),
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

  /** The family of a refresh token: its current one, or one that rotation replaced. */
  byRefreshToken(token: string): TokenFamily | undefined {
    return this.#byToken.get(token)
  }

  /** Whether rotation replaced this refresh token and its grace period is over. */
  isRotatedOut(token: string): boolean {
    const until = this.#replacedUntil.get(token)
    return until !== undefined && until <= this.#now()
  }

  /**
   * Gives the family a new refresh token; the current one still works for `graceSeconds` (a
   * replaced one presented again in its grace period keeps its own end).
   */
  rotate(family: TokenFamily, graceSeconds: number): void {
    this.#replacedUntil.set(family.refreshToken, this.#now() + graceSeconds * 1000)
    family.refreshToken = createRefreshToken()
    this.#byToken.set(family.refreshToken, family)
    this.#evictOldest()
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

  // Replaced tokens are older than their family's current one, so they go first; forgetting a
  // current token forgets its family (access tokens from it then count as revoked).
  #evictOldest(): void {
    for (const [token, family] of this.#byToken) {
      if (this.#byToken.size <= LIMITS.refreshTokenFamilies) return
      this.#byToken.delete(token)
      this.#replacedUntil.delete(token)
      if (family.refreshToken === token) this.#byOriginJti.delete(family.originJti)
    }
  }
}

// Opaque, like Cognito's (an encrypted blob there): nothing a client could decode.
function createRefreshToken(): string {
  return randomBytes(128).toString('base64url')
}
