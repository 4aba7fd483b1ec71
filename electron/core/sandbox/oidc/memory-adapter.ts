// The sandbox provider's storage: plain in-memory maps that vanish with the process and are wiped
// on stop. Ours instead of oidc-provider's built-in one, which warns at every start ("you MUST
// change it") and offers no way to forget everything when the sandbox stops.
// @see https://github.com/panva/node-oidc-provider/blob/main/example/my_adapter.js (the interface)
import type { Adapter, AdapterPayload } from 'oidc-provider'

type Entry = { payload: AdapterPayload; expiresAt: number }

/** Expired entries are dropped when read; every this many writes the rest are swept too. */
const SWEEP_EVERY_WRITES = 500

/** Models whose records belong to a grant, so revoking the grant removes them all. */
const GRANTABLE_MODELS = new Set([
  'AccessToken',
  'AuthorizationCode',
  'RefreshToken',
  'DeviceCode',
  'BackchannelAuthenticationRequest',
])

export class MemoryStore {
  readonly #entries = new Map<string, Entry>()
  /** Secondary indexes: grant id → record keys, session uid → key, user code → key. */
  readonly #grantMembers = new Map<string, Set<string>>()
  readonly #byIndex = new Map<string, string>()
  #writes = 0

  /**
   * The adapter for one model, in the factory form oidc-provider accepts as `adapter`.
   * @see https://github.com/panva/node-oidc-provider/tree/main/docs#adapter
   */
  readonly adapterFor = (model: string): Adapter => {
    const keyOf = (id: string) => `${model}:${id}`
    return {
      upsert: async (id, payload, expiresIn) => this.#upsert(model, keyOf(id), payload, expiresIn),
      find: async (id) => this.#find(keyOf(id)),
      findByUid: async (uid) => this.#findByIndex(`uid:${uid}`),
      findByUserCode: async (userCode) => this.#findByIndex(`userCode:${userCode}`),
      consume: async (id) => {
        const entry = this.#entries.get(keyOf(id))
        if (entry) entry.payload.consumed = Math.floor(Date.now() / 1000)
      },
      destroy: async (id) => this.#delete(keyOf(id)),
      revokeByGrantId: async (grantId) => {
        for (const key of this.#grantMembers.get(grantId) ?? []) this.#delete(key)
        this.#grantMembers.delete(grantId)
      },
    }
  }

  /** Forgets every grant, session and token: stopping the sandbox leaves nothing behind. */
  clear(): void {
    this.#entries.clear()
    this.#grantMembers.clear()
    this.#byIndex.clear()
  }

  #upsert(model: string, key: string, payload: AdapterPayload, expiresIn?: number): void {
    this.#delete(key)
    const expiresAt = expiresIn === undefined ? Infinity : Date.now() + expiresIn * 1000
    this.#entries.set(key, { payload, expiresAt })
    if (model === 'Session' && payload.uid) this.#byIndex.set(`uid:${payload.uid}`, key)
    if (payload.userCode) this.#byIndex.set(`userCode:${payload.userCode}`, key)
    if (GRANTABLE_MODELS.has(model) && payload.grantId) {
      const members = this.#grantMembers.get(payload.grantId) ?? new Set()
      this.#grantMembers.set(payload.grantId, members.add(key))
    }
    if (++this.#writes % SWEEP_EVERY_WRITES === 0) this.#sweep()
  }

  #find(key: string): AdapterPayload | undefined {
    const entry = this.#entries.get(key)
    if (entry === undefined) return undefined
    if (entry.expiresAt <= Date.now()) {
      this.#delete(key)
      return undefined
    }
    return entry.payload
  }

  #findByIndex(indexKey: string): AdapterPayload | undefined {
    const key = this.#byIndex.get(indexKey)
    return key === undefined ? undefined : this.#find(key)
  }

  #delete(key: string): void {
    const entry = this.#entries.get(key)
    if (entry === undefined) return
    this.#entries.delete(key)
    const { uid, userCode, grantId } = entry.payload
    if (uid && this.#byIndex.get(`uid:${uid}`) === key) this.#byIndex.delete(`uid:${uid}`)
    if (userCode && this.#byIndex.get(`userCode:${userCode}`) === key) {
      this.#byIndex.delete(`userCode:${userCode}`)
    }
    if (grantId) this.#grantMembers.get(grantId)?.delete(key)
  }

  #sweep(): void {
    const now = Date.now()
    for (const [key, entry] of this.#entries) if (entry.expiresAt <= now) this.#delete(key)
  }
}
