// Challenge sessions: opaque random strings bound to one user, one app client and the one
// challenge expected next; single-use and short-lived, like Cognito's `Session`.
// @see https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_RespondToAuthChallenge.html#CognitoUserPools-RespondToAuthChallenge-request-Session
import { randomBytes } from 'node:crypto'
import type { SrpServerChallenge, SrpVerifier } from './srp-server'
import type { MfaMethod } from './pool-state'
import { LIMITS, SESSION_TTL_MS } from './pool-config'
import { cognitoErrors } from './cognito-errors'

export type ChallengeName =
  | 'PASSWORD_VERIFIER'
  | 'CUSTOM_CHALLENGE'
  | 'NEW_PASSWORD_REQUIRED'
  | 'SELECT_MFA_TYPE'
  | 'MFA_SETUP'
  | 'SELECT_CHALLENGE'
  | 'SMS_OTP'
  | 'DEVICE_SRP_AUTH'
  | 'DEVICE_PASSWORD_VERIFIER'
  | MfaMethod

export type AuthSession = {
  /** The internal user name, or for an unknown user the name that was typed. */
  username: string
  clientId: string
  challenge: ChallengeName
  /** Whether the second factor is already behind us (it never comes twice). */
  mfaDone: boolean
  /** CUSTOM_AUTH that began with SRP_A: the custom challenge follows the password. */
  customAfterPassword?: boolean
  /**
   * PASSWORD_VERIFIER: B and b, the A it answers, and the verifier (a decoy for unknown users);
   * DEVICE_PASSWORD_VERIFIER: the same for the device's secret.
   */
  srp?: { challenge: SrpServerChallenge; srpA: string; verifier: SrpVerifier }
  /** The DEVICE_KEY this sign-in presented, carried from the password to the tokens. */
  deviceKey?: string | undefined
  /** SELECT_CHALLENGE: the first factors offered, of which ANSWER must name one. */
  available?: readonly string[]
  /** The SMS or email code sent for this challenge. */
  code?: string
  /** MFA_SETUP: set once VerifySoftwareToken accepted a code. */
  softwareTokenVerified?: boolean
}

// A used entry drops its session (SRP values, codes) at once and keeps only the marker.
type Entry = { session: AuthSession | undefined; expiresAt: number }

/** Holds live sessions; a used one stays as a marker until it expires, to say why it fails. */
export class SessionStore {
  readonly #entries = new Map<string, Entry>()
  readonly #now: () => number

  constructor(now: () => number) {
    this.#now = now
  }

  /** Stores a session and returns its opaque id. */
  create(session: AuthSession): string {
    this.#sweep()
    const id = randomBytes(96).toString('base64url')
    this.#entries.set(id, { session, expiresAt: this.#now() + SESSION_TTL_MS })
    return id
  }

  /** Takes a session for one use; a second use, an unknown or an expired one is refused. */
  consume(id: string): AuthSession {
    const entry = this.#entries.get(id)
    if (entry === undefined) throw cognitoErrors.sessionInvalid()
    if (entry.expiresAt <= this.#now()) {
      this.#entries.delete(id)
      throw cognitoErrors.sessionExpired()
    }
    const session = entry.session
    if (session === undefined) throw cognitoErrors.sessionUsed()
    entry.session = undefined
    return session
  }

  /**
   * Gives a consumed session back, unused, to the id it had: for an answer refused before the
   * sign-in moved on (a forgotten device), which AWS's clients send again in the same session.
   */
  release(id: string, session: AuthSession): void {
    const entry = this.#entries.get(id)
    if (entry !== undefined && entry.session === undefined) entry.session = session
  }

  // Insertion order is expiry order (one fixed lifetime), so the sweep stops at the first live one.
  #sweep(): void {
    const now = this.#now()
    for (const [id, entry] of this.#entries) {
      if (entry.expiresAt > now && this.#entries.size < LIMITS.sessions) break
      this.#entries.delete(id)
    }
  }
}
