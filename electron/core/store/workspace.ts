// The workspace a person keeps between sessions: saved profiles, settings, and their secrets at
// rest (client secrets, and a Cognito profile's test users' passwords and TOTP secrets). Every call reads workspace.json afresh and every change is written back at
// once, so windows and processes sharing one data folder see each other's saves.
import {
  DEFAULT_SETTINGS,
  type ExportFile,
  type Profile,
  type ProfileClientInput,
  type ProfileInput,
  Settings,
  type TestUserSecret,
  type WorkspaceStatus,
} from '../../../shared/workspace-model'
import { AfxError } from '../errors'
import {
  buildProfilesExport,
  importedName,
  type PortableProfile,
  readProfilesExport,
} from './profile-transfer'
import { listSecrets, mapSecrets, TEST_USER_SECRETS } from './profile-secrets'
import {
  type SecretCipher,
  SecretKeeper,
  type SecretOwner,
  type SecretSlot,
  slotKey,
} from './secret-keeper'
import { type ScryptCost, SealingKey, STRONG_SCRYPT_COST } from './secret-vault'
import { WorkspaceFile } from './workspace-file'
import type {
  StoredClient,
  StoredProfile,
  StoredSecret,
  StoredUser,
  WorkspaceData,
} from './workspace-schema'

/** A secret as a save gives it: set, cleared, or (absent) left as it is. */
type SecretChange = ProfileClientInput['secret']

export type { SecretCipher } from './secret-keeper'

export type WorkspaceOptions = {
  dataDir: string
  /** Asked each time: the OS keychain may come and go. Undefined = none (browser mode, CLI). */
  osCipher?: () => SecretCipher | undefined
  now?: () => number
  /** scrypt cost of new vaults and exports; keep the default outside tests. */
  kdfCost?: ScryptCost
}

const VAULT_LABEL = 'the vault'

export class Workspace {
  readonly #dataDir: string
  readonly #file: WorkspaceFile
  readonly #keeper: SecretKeeper
  readonly #now: () => number
  readonly #kdfCost: ScryptCost

  private constructor(options: WorkspaceOptions) {
    this.#dataDir = options.dataDir
    this.#now = options.now ?? Date.now
    this.#kdfCost = options.kdfCost ?? STRONG_SCRYPT_COST
    this.#file = new WorkspaceFile(options.dataDir, this.#now)
    this.#keeper = new SecretKeeper(options.osCipher ?? (() => undefined))
  }

  /** Never throws for an unreadable file: it is set aside, and `status().problems` says so. */
  static open(options: WorkspaceOptions): Workspace {
    const workspace = new Workspace(options)
    workspace.#read()
    return workspace
  }

  status(): WorkspaceStatus {
    const data = this.#read()
    return {
      dataDir: this.#dataDir,
      secretHome: this.#keeper.home(),
      vault: !data.vault ? 'absent' : this.#keeper.isVaultUnlocked ? 'unlocked' : 'locked',
      problems: this.#file.problems,
    }
  }

  settings(): Settings {
    return { ...DEFAULT_SETTINGS, ...this.#read().settings }
  }

  updateSettings(change: Partial<Settings>): Settings {
    return this.#update((data) => {
      const given = Object.entries(change).filter(([, value]) => value !== undefined)
      const settings = Settings.parse({
        ...DEFAULT_SETTINGS,
        ...data.settings,
        ...Object.fromEntries(given),
      })
      data.settings = settings
      return settings
    })
  }

  /** A new vault, unlocked; secrets kept only for this session move into it. */
  createVault(passphrase: string): WorkspaceStatus {
    this.#update((data) => {
      if (data.vault) {
        throw new AfxError('VAULT_EXISTS', `There is already a vault in ${this.#dataDir}.`, {
          hint: 'Unlock it with its passphrase. A second vault would leave the first one unreadable.',
        })
      }
      const { key, lock } = SealingKey.create(passphrase, this.#kdfCost, VAULT_LABEL)
      data.vault = lock
      this.#keeper.unlockVault(key)
      this.#moveSessionSecrets(data)
    })
    return this.status()
  }

  unlockVault(passphrase: string): WorkspaceStatus {
    const data = this.#read()
    if (!data.vault) {
      throw new AfxError('VAULT_ABSENT', 'There is no vault to unlock yet.', {
        hint: 'Create one with a passphrase to keep client secrets between sessions.',
      })
    }
    this.#keeper.unlockVault(SealingKey.unlock(passphrase, data.vault, VAULT_LABEL))
    if (this.#hasSessionSecrets(data)) this.#update((fresh) => this.#moveSessionSecrets(fresh))
    return this.status()
  }

  /** Forgets the vault key; secrets in the vault stay sealed until the next unlock. */
  lockVault(): WorkspaceStatus {
    this.#keeper.lockVault()
    return this.status()
  }

  listProfiles(): Profile[] {
    return this.#read()
      .profiles.map((profile) => this.#toProfile(profile))
      .sort((a, b) => a.name.localeCompare(b.name))
  }

  getProfile(name: string): Profile {
    return this.#toProfile(findProfile(this.#read(), name))
  }

  /**
   * Creates a profile, or replaces the one named `previousName` (a rename when the names differ).
   * A client's secret is set, cleared, or (absent) left as it was for the same client id; a test
   * user's password and TOTP secret likewise for the same user name. When `previousName` no longer
   * exists (removed in another window), the profile is saved as new.
   */
  /**
   * Saves a new profile, or replaces the one saved as `previousName`. With `basedOn` (the
   * updatedAt the edit started from), a profile changed since is left as it is and the save
   * refused: two windows editing one profile must not lose one edit silently.
   */
  saveProfile(input: ProfileInput, previousName?: string, basedOn?: string): Profile {
    return this.#update((data) => {
      const index = data.profiles.findIndex((profile) => profile.name === previousName)
      const previous = data.profiles[index]
      if (previous && basedOn !== undefined && previous.updatedAt !== basedOn) {
        throw new AfxError(
          'PROFILE_CHANGED_ELSEWHERE',
          `The profile "${previous.name}" was changed elsewhere (another window or an afx command) since you opened it; nothing was saved.`,
          { hint: 'Open it again to see the other change, then make yours on top of it.' },
        )
      }
      if (data.profiles.some((profile, i) => profile.name === input.name && i !== index)) {
        throw new AfxError('PROFILE_EXISTS', `A profile named "${input.name}" is already saved.`, {
          hint: 'Choose another name, or open that profile to change it.',
        })
      }
      const carried = previous ? this.#takeSessionSecrets(previous) : new Map<string, string>()
      const next = (change: SecretChange, before: StoredSecret | undefined, slot: SecretSlot) =>
        this.#nextSecret(change, before, carried.get(slotKey(slot)), {
          profile: input.name,
          ...slot,
        })
      const unmatched = [...(previous?.clients ?? [])]
      const clients = input.clients.map(({ secret, ...client }): StoredClient => {
        const at = unmatched.findIndex((before) => before.clientId === client.clientId)
        const before = at >= 0 ? unmatched.splice(at, 1)[0] : undefined
        const kept = next(secret, before?.secret, { clientId: client.clientId })
        return kept ? { ...client, secret: kept } : client
      })
      const users = (input.users ?? []).map((user): StoredUser => {
        const before = previous?.users?.find((each) => each.username === user.username)
        const stored: StoredUser = { username: user.username }
        for (const field of TEST_USER_SECRETS) {
          const kept = next(user[field], before?.[field], { username: user.username, field })
          if (kept) stored[field] = kept
        }
        return stored
      })
      const saved: StoredProfile = {
        name: input.name,
        preset: input.preset,
        provider: input.provider,
        clients,
        ...(users.length === 0 ? {} : { users }),
        ...(input.notes === undefined ? {} : { notes: input.notes }),
        updatedAt: new Date(this.#now()).toISOString(),
      }
      if (previous) data.profiles[index] = saved
      else data.profiles.push(saved)
      return this.#toProfile(saved)
    })
  }

  removeProfile(name: string): string {
    return this.#update((data) => {
      const profile = findProfile(data, name)
      data.profiles.splice(data.profiles.indexOf(profile), 1)
      this.#keeper.forgetProfile(name)
      return name
    })
  }

  /** The kept client secret of a profile's client, for starting a run; undefined if none kept. */
  clientSecretOf(profileName: string, clientId: string): string | undefined {
    const profile = findProfile(this.#read(), profileName)
    const client = profile.clients.find((each) => each.clientId === clientId)
    if (!client?.secret) return undefined
    return this.#keeper.reveal(client.secret, { profile: profile.name, clientId })
  }

  /**
   * The kept password or TOTP secret of a Cognito profile's test user, for starting a run;
   * undefined when the profile keeps no such user, or not this secret of it.
   */
  userSecretOf(profileName: string, username: string, field: TestUserSecret): string | undefined {
    const profile = findProfile(this.#read(), profileName)
    const kept = profile.users?.find((user) => user.username === username)?.[field]
    if (!kept) return undefined
    return this.#keeper.reveal(kept, { profile: profile.name, username, field })
  }

  /** All profiles (or those named); their secrets only with a passphrase, sealed with it. */
  exportProfiles(names?: string[], passphrase?: string): ExportFile {
    const data = this.#read()
    const chosen = names
      ? [...new Set(names)].map((name) => findProfile(data, name))
      : [...data.profiles].sort((a, b) => a.name.localeCompare(b.name))
    const profiles = chosen.map(({ updatedAt: _updatedAt, ...profile }): PortableProfile =>
      mapSecrets(profile, (secret, slot) =>
        passphrase === undefined
          ? undefined
          : this.#keeper.reveal(secret, { profile: profile.name, ...slot }),
      ),
    )
    return buildProfilesExport(profiles, { passphrase, now: this.#now(), cost: this.#kdfCost })
  }

  /** Adds the file's profiles; a name already taken gets " (imported)", nothing is replaced. */
  importProfiles(content: string, passphrase?: string): { imported: string[] } {
    const incoming = readProfilesExport(content, passphrase)
    return this.#update((data) => {
      const taken = new Set(data.profiles.map((profile) => profile.name))
      const updatedAt = new Date(this.#now()).toISOString()
      const imported = incoming.map((profile) => {
        const name = importedName(profile.name, taken)
        taken.add(name)
        data.profiles.push({
          ...mapSecrets(profile, (secret, slot) =>
            this.#keeper.keep(secret, { profile: name, ...slot }),
          ),
          name,
          updatedAt,
        })
        return name
      })
      return { imported }
    })
  }

  #read(): WorkspaceData {
    const data = this.#file.read((secret) => this.#keeper.keep(secret.value, secret))
    this.#keeper.followVault(data.vault)
    return data
  }

  /** Read, change, write: the change applies to what the file holds now, not to an old copy. */
  #update<T>(change: (data: WorkspaceData) => T): T {
    const data = this.#read()
    const before = this.#keeper.snapshot()
    try {
      const result = change(data)
      this.#file.write(data)
      return result
    } catch (error) {
      // Secrets held in memory follow the file: a change that was not saved did not happen.
      this.#keeper.restore(before)
      throw error
    }
  }

  #toProfile(stored: StoredProfile): Profile {
    return mapSecrets(stored, (secret, slot) =>
      this.#keeper.statusOf(secret, { profile: stored.name, ...slot }),
    )
  }

  /** What a slot keeps after a save: the new secret, none, or the one it had. */
  #nextSecret(
    change: SecretChange,
    before: StoredSecret | undefined,
    carried: string | undefined,
    owner: SecretOwner,
  ): StoredSecret | undefined {
    if (change && 'set' in change) return this.#keeper.keep(change.set, owner)
    if (change?.clear || !before) return undefined
    if (before.home === 'session' && carried !== undefined) {
      this.#keeper.holdInSession(owner, carried)
    }
    return before
  }

  /** Takes a profile's session-only secrets out of memory, by slot, to put back after. */
  #takeSessionSecrets(profile: StoredProfile): Map<string, string> {
    const carried = new Map<string, string>()
    for (const { slot } of listSecrets(profile)) {
      const value = this.#keeper.sessionValue({ profile: profile.name, ...slot })
      if (value !== undefined && !carried.has(slotKey(slot))) carried.set(slotKey(slot), value)
    }
    this.#keeper.forgetProfile(profile.name)
    return carried
  }

  #hasSessionSecrets(data: WorkspaceData): boolean {
    return data.profiles.some((profile) =>
      listSecrets(profile).some(
        ({ secret, slot }) =>
          secret.home === 'session' &&
          this.#keeper.sessionValue({ profile: profile.name, ...slot }) !== undefined,
      ),
    )
  }

  /** Seals every secret held only in memory where it can now be kept (the vault just opened). */
  #moveSessionSecrets(data: WorkspaceData): void {
    data.profiles = data.profiles.map((profile) =>
      mapSecrets(profile, (secret, slot) => {
        const owner = { profile: profile.name, ...slot }
        const value = secret.home === 'session' ? this.#keeper.sessionValue(owner) : undefined
        if (value === undefined) return secret
        const moved = this.#keeper.keep(value, owner)
        if (moved.home !== 'session') this.#keeper.forget(owner)
        return moved
      }),
    )
  }
}

function findProfile(data: WorkspaceData, name: string): StoredProfile {
  const profile = data.profiles.find((each) => each.name === name)
  if (!profile) {
    throw new AfxError('PROFILE_NOT_FOUND', `No saved profile is named "${name}".`, {
      hint: 'Pick one of the saved profiles; it may have been renamed or removed in another window.',
    })
  }
  return profile
}
