// Brings an older workspace.json up to the current shape, one version at a time. The file's own
// `schemaVersion` drives this, not the app's version: it is the shape of the file that changes.
// The result is not trusted: workspace-schema.ts checks it like any other file.
import { CURRENT_SCHEMA_VERSION } from './workspace-schema'

/** A client secret found in clear in an old file; the workspace seals it, the file drops it. */
export type ClearSecret = { profile: string; clientId: string; value: string }

type Json = Record<string, unknown>
type StepContext = { now: string; clearSecrets: ClearSecret[] }
/** `steps[n]` turns version n into version n + 1. */
type Step = (data: Json, context: StepContext) => Json

export type Migration =
  | { kind: 'current'; data: Json }
  | { kind: 'migrated'; data: Json; fromVersion: number; clearSecrets: ClearSecret[] }
  | { kind: 'newer'; version: number }

/** Reads the version (absent: 0, written by hand) and runs the steps from there. */
export function migrateWorkspace(raw: Json, now: string): Migration {
  const version = raw.schemaVersion ?? 0
  // Not a version we can count from: left as is, for the schema to reject in words.
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 0) {
    return { kind: 'current', data: raw }
  }
  if (version > CURRENT_SCHEMA_VERSION) return { kind: 'newer', version }
  if (version === CURRENT_SCHEMA_VERSION) return { kind: 'current', data: raw }
  const context: StepContext = { now, clearSecrets: [] }
  let data = raw
  for (let from = version; from < CURRENT_SCHEMA_VERSION; from++) {
    const step = steps[from]
    if (!step) throw new Error(`No migration from workspace schema version ${from}.`)
    data = { ...step(data, context), schemaVersion: from + 1 }
  }
  return { kind: 'migrated', data, fromVersion: version, clearSecrets: context.clearSecrets }
}

const ENDPOINT_FIELDS = [
  'authorization_endpoint',
  'token_endpoint',
  'userinfo_endpoint',
  'jwks_uri',
  'introspection_endpoint',
  'revocation_endpoint',
  'device_authorization_endpoint',
  'end_session_endpoint',
] as const

const CLIENT_FIELDS = ['clientId', 'authMethod', 'scope', 'extraParams', 'redirect'] as const

const steps: Step[] = [
  /**
   * 0 → 1: an unversioned file as a person writes it. Profiles may be an object keyed by name or
   * a list; a provider may be spelled out (`provider`) or given by its fields (`issuer`, the
   * endpoint URLs, or `region` + `userPoolId`); one client may sit on the profile itself
   * (`clientId`, `clientSecret`, …) or several in `clients`.
   */
  (data, context) => {
    const entries = Array.isArray(data.profiles)
      ? data.profiles.map((profile): [unknown, unknown] => [
          isJson(profile) ? profile.name : undefined,
          profile,
        ])
      : Object.entries(isJson(data.profiles) ? data.profiles : {})
    const profiles = entries.map(([name, value]) => {
      const profile = isJson(value) ? value : {}
      const profileName = typeof name === 'string' ? name.trim() : name
      const clients = Array.isArray(profile.clients)
        ? profile.clients
        : profile.clientId === undefined
          ? []
          : [profile]
      return dropUndefined({
        name: profileName,
        preset: profile.preset,
        provider: profile.provider ?? providerOf(profile),
        clients: clients.map((client) => clientOf(client, String(profileName), context)),
        notes: profile.notes,
        updatedAt: typeof profile.updatedAt === 'string' ? profile.updatedAt : context.now,
      })
    })
    return dropUndefined({ settings: data.settings, vault: data.vault, profiles })
  },
]

function providerOf(profile: Json): Json {
  if (profile.region !== undefined || profile.userPoolId !== undefined) {
    return dropUndefined({
      kind: 'cognito',
      region: profile.region,
      userPoolId: profile.userPoolId,
      endpoint: profile.endpoint,
      hostedUiDomain: profile.hostedUiDomain,
    })
  }
  const endpoints = isJson(profile.endpoints) ? profile.endpoints : pick(profile, ENDPOINT_FIELDS)
  if (Object.keys(endpoints).length > 0) {
    return { kind: 'endpoints', endpoints: dropUndefined({ issuer: profile.issuer, ...endpoints }) }
  }
  return { kind: 'issuer', issuer: profile.issuer }
}

function clientOf(value: unknown, profile: string, context: StepContext): Json {
  const client = isJson(value) ? value : {}
  const fields = pick(client, CLIENT_FIELDS)
  const secret = client.clientSecret ?? client.secret
  if (typeof secret === 'string' && secret !== '' && typeof client.clientId === 'string') {
    context.clearSecrets.push({ profile, clientId: client.clientId, value: secret })
    // A placeholder the workspace replaces once it has sealed the value.
    return { ...fields, secret: { home: 'session' } }
  }
  return fields
}

function pick(source: Json, keys: readonly string[]): Json {
  return dropUndefined(Object.fromEntries(keys.map((key) => [key, source[key]])))
}

function dropUndefined(value: Json): Json {
  return Object.fromEntries(Object.entries(value).filter(([, item]) => item !== undefined))
}

function isJson(value: unknown): value is Json {
  return value !== null && typeof value === 'object' && !Array.isArray(value)
}
