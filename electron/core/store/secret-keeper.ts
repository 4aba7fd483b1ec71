// Decides where a profile's secret (a client's secret, a test user's password or TOTP secret) lives
// and gets it back. Sealed by the OS keychain when the face has one; else sealed with the vault key
// while the vault is unlocked; else kept only in this process's memory. The file only ever
// receives sealed values, or the bare fact of a session one.
import type { SecretHome, TestUserSecret } from '../../../shared/workspace-model'
import { AfxError } from '../errors'
import type { PassphraseLock, SealingKey } from './secret-vault'
import type { StoredSecret } from './workspace-schema'

/** Electron safeStorage, wrapped by the Electron face (encrypted bytes as text). */
export type SecretCipher = { encrypt(plain: string): string; decrypt(sealed: string): string }

/** Which of a profile's secrets: a client's, or a password or TOTP secret of a test user. */
export type SecretSlot = { clientId: string } | { username: string; field: TestUserSecret }

/** Whose secret: a profile's, in one of its slots. */
export type SecretOwner = { profile: string } & SecretSlot

export class SecretKeeper {
  readonly #osCipher: () => SecretCipher | undefined
  #vaultKey: SealingKey | undefined
  /** Session-only secrets, by owner: gone when the process ends, by design. */
  #session = new Map<string, string>()

  constructor(osCipher: () => SecretCipher | undefined) {
    this.#osCipher = osCipher
  }

  /** Where a secret saved now would be kept. */
  home(): SecretHome {
    if (this.#osCipher()) return 'os-keychain'
    return this.#vaultKey ? 'vault' : 'session'
  }

  get isVaultUnlocked(): boolean {
    return this.#vaultKey !== undefined
  }

  unlockVault(key: SealingKey): void {
    this.#vaultKey = key
  }

  lockVault(): void {
    this.#vaultKey = undefined
  }

  /** Drops a key that no longer opens the file's vault (the file was replaced meanwhile). */
  followVault(lock: PassphraseLock | undefined): void {
    if (lock?.kdf.salt !== this.#vaultKey?.salt) this.#vaultKey = undefined
  }

  /** Seals a secret in the current home, or keeps it in memory; returns what the file records. */
  keep(plain: string, owner: SecretOwner): StoredSecret {
    const cipher = this.#osCipher()
    if (cipher) return { home: 'os-keychain', sealed: cipher.encrypt(plain) }
    if (this.#vaultKey) return { home: 'vault', sealed: this.#vaultKey.seal(plain) }
    this.#session.set(keyOf(owner), plain)
    return { home: 'session' }
  }

  /** Where a kept secret lives and whether it can be had right now (without decrypting it). */
  statusOf(stored: StoredSecret, owner: SecretOwner): { home: SecretHome; available: boolean } {
    switch (stored.home) {
      case 'os-keychain':
        return { home: stored.home, available: this.#osCipher() !== undefined }
      case 'vault':
        return { home: stored.home, available: this.#vaultKey !== undefined }
      case 'session':
        return { home: stored.home, available: this.#session.has(keyOf(owner)) }
    }
  }

  /** The secret's value, or an error that says why it cannot be had and what to do. */
  reveal(stored: StoredSecret, owner: SecretOwner): string {
    const whose = describeOwner(owner)
    switch (stored.home) {
      case 'os-keychain': {
        const cipher = this.#osCipher()
        if (!cipher) {
          throw new AfxError(
            'PROFILE_SECRET_UNAVAILABLE',
            `${whose} is in the OS keychain, which cannot be reached here (browser mode or the CLI).`,
            { hint: 'Start the run from the desktop app, or enter the secret again.' },
          )
        }
        try {
          return cipher.decrypt(stored.sealed)
        } catch (error) {
          throw new AfxError(
            'PROFILE_SECRET_UNAVAILABLE',
            `${whose} could not be decrypted by the OS keychain.`,
            {
              hint: 'It was probably saved by another user account or computer: enter it again.',
              cause: error,
            },
          )
        }
      }
      case 'vault':
        if (!this.#vaultKey) {
          throw new AfxError('VAULT_LOCKED', `${whose} is in the vault, which is locked.`, {
            hint: 'Unlock the vault with its passphrase, then try again.',
          })
        }
        return this.#vaultKey.open(stored.sealed)
      case 'session': {
        const value = this.#session.get(keyOf(owner))
        if (value === undefined) {
          throw new AfxError(
            'PROFILE_SECRET_UNAVAILABLE',
            `${whose} was kept only in the memory of an earlier session, and is gone.`,
            {
              hint: 'Enter it again. To keep secrets between sessions, create a vault with a passphrase.',
            },
          )
        }
        return value
      }
    }
  }

  /** The value of a session-only secret, when this process has it. */
  sessionValue(owner: SecretOwner): string | undefined {
    return this.#session.get(keyOf(owner))
  }

  /** Keeps a value in memory as it was (a rename moves a session-only secret to its new name). */
  holdInSession(owner: SecretOwner, value: string): void {
    this.#session.set(keyOf(owner), value)
  }

  forget(owner: SecretOwner): void {
    this.#session.delete(keyOf(owner))
  }

  /** Forgets the session-only secrets of a profile: its clients', its test users'. */
  forgetProfile(profile: string): void {
    for (const key of [...this.#session.keys()]) {
      if (key.startsWith(`${profile}\u0000`)) this.#session.delete(key)
    }
  }

  /** What the keeper holds, to put back when the save that changed it fails. */
  snapshot(): KeeperState {
    return { session: new Map(this.#session), vaultKey: this.#vaultKey }
  }

  restore(state: KeeperState): void {
    this.#session = new Map(state.session)
    this.#vaultKey = state.vaultKey
  }
}

export type KeeperState = { session: Map<string, string>; vaultKey: SealingKey | undefined }

/**
 * A slot's key within its profile, the same whatever the profile is named (a rename carries it).
 * The kind comes first, so no client id can spell a test user's key.
 */
export function slotKey(slot: SecretSlot): string {
  return 'clientId' in slot
    ? `client\u0000${slot.clientId}`
    : `user\u0000${slot.field}\u0000${slot.username}`
}

/** Profile names hold no control characters (ProfileName), so NUL cannot be part of one. */
function keyOf(owner: SecretOwner): string {
  return `${owner.profile}\u0000${slotKey(owner)}`
}

/** The secret named for an error: whose it is, never its value. */
function describeOwner(owner: SecretOwner): string {
  if ('clientId' in owner) {
    return `The client secret of "${owner.profile}" (client ${owner.clientId})`
  }
  const what = owner.field === 'password' ? 'password' : 'TOTP secret'
  return `The ${what} of the test user "${owner.username}" of "${owner.profile}"`
}
