// The users, devices and app clients of the sandbox pool, in memory only: nothing survives close().
// @see https://docs.aws.amazon.com/cognito/latest/developerguide/user-pool-settings-attributes.html#user-pool-settings-aliases
import type { SrpVerifier } from './srp-server'
import { LIMITS } from './pool-config'
import { cognitoErrors } from './cognito-errors'
import { DeviceRegistry } from './device-registry'

export type MfaMethod = 'SMS_MFA' | 'SOFTWARE_TOKEN_MFA' | 'EMAIL_OTP'
export type UserStatus = 'CONFIRMED' | 'UNCONFIRMED' | 'FORCE_CHANGE_PASSWORD'

export type PoolUser = {
  /** The internal user name: `cognito:username`, USER_ID_FOR_SRP, what SECRET_HASH hashes. */
  username: string
  sub: string
  status: UserStatus
  /** The SRP verifier and salt; the password itself is never kept. */
  verifier: SrpVerifier
  /** Standard attributes by name (email, email_verified, phone_number, preferred_username, …). */
  attributes: Map<string, string>
  groups: string[]
  mfa: { enabled: Set<MfaMethod>; preferred?: MfaMethod; setupRequired: boolean }
  totpSecret?: string
  pendingTotpSecret?: string
  confirmation?: { code: string; expiresAt: number }
}

export type PoolClient = {
  clientId: string
  clientSecret?: string
  explicitAuthFlows: ReadonlySet<string>
  label: string
  /** Present when refresh token rotation is ENABLED: how long a replaced token still works. */
  refreshTokenRotation?: { retryGracePeriodSeconds: number }
}

/** Users, their devices and the clients of the pool, with Cognito's lookup rules for names. */
export class PoolState {
  readonly clients = new Map<string, PoolClient>()
  readonly devices = new DeviceRegistry()
  // Keys are lower-cased: new Cognito pools treat user names and aliases case-insensitively.
  readonly #users = new Map<string, PoolUser>()

  addClient(client: PoolClient): void {
    this.clients.set(client.clientId, client)
  }

  addUser(user: PoolUser): void {
    if (this.#users.size >= LIMITS.users) throw cognitoErrors.userLimit()
    this.#users.set(user.username.toLowerCase(), user)
  }

  /** The user with this internal user name, ignoring aliases. */
  getUser(username: string): PoolUser | undefined {
    return this.#users.get(username.toLowerCase())
  }

  /**
   * The user a sign-in name designates: the user name, or a verified email or preferred_username
   * alias (an alias only counts once verified, as in Cognito).
   * @see https://docs.aws.amazon.com/cognito/latest/developerguide/user-pool-settings-attributes.html#user-pool-settings-aliases
   */
  findUser(signInName: string): PoolUser | undefined {
    const direct = this.getUser(signInName)
    if (direct !== undefined) return direct
    const wanted = signInName.toLowerCase()
    for (const user of this.#users.values()) {
      if (user.status === 'UNCONFIRMED') continue
      const email = user.attributes.get('email')
      if (email?.toLowerCase() === wanted && user.attributes.get('email_verified') === 'true') {
        return user
      }
      if (user.attributes.get('preferred_username')?.toLowerCase() === wanted) return user
    }
    return undefined
  }
}
