// The workspace a person keeps between sessions: saved profiles, settings, and their client
// secrets at rest. Every call reads workspace.json afresh and every change is written back at
// once, so windows and processes sharing one data folder see each other's saves.
import {
  DEFAULT_SETTINGS,
  type ExportFile,
  type Profile,
  type ProfileClientInput,
  type ProfileInput,
  Settings,
  type WorkspaceStatus,
} from '../../../shared/workspace-model'
import { AfxError } from '../errors'
import {
  buildProfilesExport,
  importedName,
  type PortableProfile,
  readProfilesExport,
} from './profile-transfer'
import { type SecretCipher, SecretKeeper, type SecretOwner } from './secret-keeper'
import { type ScryptCost, SealingKey, STRONG_SCRYPT_COST } from './secret-vault'
import { WorkspaceFile } from './workspace-file'
import type { StoredClient, StoredProfile, StoredSecret, WorkspaceData } from './workspace-schema'

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
   * A client's secret is set, cleared, or (absent) left as it was for the same client id. When
   * `previousName` no longer exists (removed in another window), the profile is saved as new.
   */
  saveProfile(input: ProfileInput, previousName?: string): Profile {
    return this.#update((data) => {
      const index = data.profiles.findIndex((profile) => profile.name === previousName)
      const previous = data.profiles[index]
      if (data.profiles.some((profile, i) => profile.name === input.name && i !== index)) {
        throw new AfxError('PROFILE_EXISTS', `A profile named "${input.name}" is already saved.`, {
          hint: 'Choose another name, or open that profile to change it.',
        })
      }
      const carried = previous ? this.#takeSessionSecrets(previous) : new Map<string, string>()
      const unmatched = [...(previous?.clients ?? [])]
      const clients = input.clients.map(({ secret, ...client }): StoredClient => {
        const owner = { profile: input.name, clientId: client.clientId }
        const at = unmatched.findIndex((before) => before.clientId === client.clientId)
        const before = at >= 0 ? unmatched.splice(at, 1)[0] : undefined
        const kept = this.#nextSecret(secret, before, carried, owner)
        return kept ? { ...client, secret: kept } : client
      })
      const saved: StoredProfile = {
        name: input.name,
        preset: input.preset,
        provider: input.provider,
        clients,
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

  /** All profiles (or those named); client secrets only with a passphrase, sealed with it. */
  exportProfiles(names?: string[], passphrase?: string): ExportFile {
    const data = this.#read()
    const chosen = names
      ? [...new Set(names)].map((name) => findProfile(data, name))
      : [...data.profiles].sort((a, b) => a.name.localeCompare(b.name))
    const profiles = chosen.map(
      ({ clients, updatedAt: _updatedAt, ...profile }): PortableProfile => ({
        ...profile,
        clients: clients.map(({ secret, ...client }) =>
          secret && passphrase !== undefined
            ? {
                ...client,
                secret: this.#keeper.reveal(secret, {
                  profile: profile.name,
                  clientId: client.clientId,
                }),
              }
            : client,
        ),
      }),
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
          ...profile,
          name,
          clients: profile.clients.map(({ secret, ...client }) =>
            secret === undefined
              ? client
              : {
                  ...client,
                  secret: this.#keeper.keep(secret, { profile: name, clientId: client.clientId }),
                },
          ),
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
    return {
      ...stored,
      clients: stored.clients.map(({ secret, ...client }) =>
        secret
          ? {
              ...client,
              secret: this.#keeper.statusOf(secret, {
                profile: stored.name,
                clientId: client.clientId,
              }),
            }
          : client,
      ),
    }
  }

  /** What a client keeps after a save: the new secret, none, or the one it had. */
  #nextSecret(
    input: ProfileClientInput['secret'],
    before: StoredClient | undefined,
    carried: Map<string, string>,
    owner: SecretOwner,
  ): StoredSecret | undefined {
    if (input && 'set' in input) return this.#keeper.keep(input.set, owner)
    if (input?.clear || !before?.secret) return undefined
    const value = carried.get(before.clientId)
    if (before.secret.home === 'session' && value !== undefined) {
      this.#keeper.holdInSession(owner, value)
    }
    return before.secret
  }

  /** Takes a profile's session-only secrets out of memory, by client id, to put back after. */
  #takeSessionSecrets(profile: StoredProfile): Map<string, string> {
    const carried = new Map<string, string>()
    for (const client of profile.clients) {
      const value = this.#keeper.sessionValue({ profile: profile.name, clientId: client.clientId })
      if (value !== undefined && !carried.has(client.clientId)) carried.set(client.clientId, value)
    }
    this.#keeper.forgetProfile(profile.name)
    return carried
  }

  #hasSessionSecrets(data: WorkspaceData): boolean {
    return data.profiles.some((profile) =>
      profile.clients.some(
        (client) =>
          client.secret?.home === 'session' &&
          this.#keeper.sessionValue({ profile: profile.name, clientId: client.clientId }) !==
            undefined,
      ),
    )
  }

  /** Seals every secret held only in memory where it can now be kept (the vault just opened). */
  #moveSessionSecrets(data: WorkspaceData): void {
    for (const profile of data.profiles) {
      for (const client of profile.clients) {
        if (client.secret?.home !== 'session') continue
        const owner = { profile: profile.name, clientId: client.clientId }
        const value = this.#keeper.sessionValue(owner)
        if (value === undefined) continue
        client.secret = this.#keeper.keep(value, owner)
        if (client.secret.home !== 'session') this.#keeper.forget(owner)
      }
    }
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
