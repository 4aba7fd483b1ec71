// A profile as the editor holds it while a person types: every field a string, extra parameters as
// name=value lines, and each secret (a client's, a test user's password or TOTP secret) only as a
// change to make (set, forget, or leave alone).
// Turning a draft into what profiles.save takes lives here, apart from React, so it can be tested.
import type { z } from 'zod'
import { formatParamLines, parseParamLines } from '../../components/param-lines'
import type { ProviderEndpoints } from '../../../shared/flow-input'
import type { CognitoClientSettings } from '../../../shared/cognito-app-client'
import type { ClientDefaults, PresetValues, ProfilePreset } from '../../../shared/profile-presets'
import type {
  KeptSecret,
  PresetId,
  Profile,
  ProfileClient,
  ProfileClientInput,
  ProfileInput,
  ProfileProvider,
  ProfileUser,
  ProfileUserInput,
} from '../../../shared/workspace-model'

export type AuthMethod = NonNullable<ProfileClientInput['authMethod']>
export type RedirectHost = '127.0.0.1' | 'localhost' | '[::1]'
type EndpointName = keyof z.infer<typeof ProviderEndpoints>

/** The endpoints a provider may be given by hand, in the order a flow meets them. */
export const ENDPOINT_FIELDS: readonly { name: EndpointName; label: string }[] = [
  { name: 'issuer', label: 'Issuer (expected in tokens)' },
  { name: 'authorization_endpoint', label: 'Authorization endpoint' },
  { name: 'token_endpoint', label: 'Token endpoint' },
  { name: 'userinfo_endpoint', label: 'Userinfo endpoint' },
  { name: 'jwks_uri', label: 'JWKS URI' },
  { name: 'introspection_endpoint', label: 'Introspection endpoint' },
  { name: 'revocation_endpoint', label: 'Revocation endpoint' },
  { name: 'device_authorization_endpoint', label: 'Device authorization endpoint' },
  { name: 'end_session_endpoint', label: 'End session endpoint' },
]

export type ProviderDraft = {
  kind: ProfileProvider['kind']
  issuer: string
  endpoints: Partial<Record<EndpointName, string>>
  region: string
  userPoolId: string
  /** Another host for the Cognito API (the sandbox, an emulator). */
  apiEndpoint: string
  hostedUiDomain: string
}

/** A secret as the editor holds it: where the kept one lives, a value typed, or "forget". */
export type SecretDraft = {
  /** Where the saved secret is kept, as the engine says; never its value. */
  kept?: KeptSecret | undefined
  /** A secret typed to be saved: it replaces any kept one. */
  newSecret: string
  /** The kept secret is to be forgotten on save. */
  forget: boolean
}

export type ClientDraft = SecretDraft & {
  /** Tells React which client a row is while clients are added and removed. */
  key: number
  clientId: string
  /** Empty: left to the flow (basic when a secret is given, none otherwise). */
  authMethod: AuthMethod | ''
  scope: string
  extraParams: string
  redirectHost: RedirectHost
  /** Empty or 0: any free port (RFC 8252 §7.3). */
  redirectPort: string
  redirectPath: string
  /** A Cognito client's settings as last imported from AWS. */
  cognitoSettings?: CognitoClientSettings
  /** The client id the last preset fill put here: another fill may replace it, not a typed one. */
  filledClientId?: string
}

/** A test user of a Cognito profile, whose password and TOTP secret the engine keeps. */
export type UserDraft = {
  /** Tells React which user a row is while users are added and removed. */
  key: number
  username: string
  /** The name it is saved under: its kept secrets belong to that name, so it stays as it is. */
  savedUsername?: string
  password: SecretDraft
  /** The authenticator's secret (base32), from which runs compute the codes. */
  totpSecret: SecretDraft
}

export type ProfileDraft = {
  name: string
  preset: PresetId
  provider: ProviderDraft
  clients: ClientDraft[]
  /** Cognito only: users to sign in as. */
  users: UserDraft[]
  notes: string
  /** The name it is saved under, which a save replaces (a rename when the name changed). */
  savedName?: string
  /** The saved profile's updatedAt this draft started from: a newer save elsewhere is not overwritten. */
  basedOn?: string
}

const DEFAULT_REDIRECT = { host: '127.0.0.1', port: 0, path: '/callback' } as const

let nextKey = 1

export function blankClient(): ClientDraft {
  return {
    key: nextKey++,
    clientId: '',
    authMethod: '',
    scope: '',
    extraParams: '',
    redirectHost: DEFAULT_REDIRECT.host,
    redirectPort: '',
    redirectPath: DEFAULT_REDIRECT.path,
    newSecret: '',
    forget: false,
  }
}

const blankSecret = (): SecretDraft => ({ newSecret: '', forget: false })

export function blankUser(): UserDraft {
  return { key: nextKey++, username: '', password: blankSecret(), totpSecret: blankSecret() }
}

export function blankDraft(preset: PresetId): ProfileDraft {
  return {
    name: '',
    preset,
    provider: draftFromProvider({ kind: 'issuer', issuer: '' }),
    clients: [blankClient()],
    users: [],
    notes: '',
  }
}

/** A saved profile (or a draft from discovery, not yet saved) as the editor shows it. */
export function draftFromProfile(profile: Profile | ProfileInput, saved: boolean): ProfileDraft {
  return {
    name: profile.name,
    preset: profile.preset ?? 'generic',
    provider: draftFromProvider(profile.provider),
    // A discovered provider comes without a client: offer the one field everyone fills next.
    clients:
      saved || profile.clients.length > 0 ? profile.clients.map(draftFromClient) : [blankClient()],
    users: (profile.users ?? []).map((user) => draftFromUser(user, saved)),
    notes: profile.notes ?? '',
    ...(saved ? { savedName: profile.name } : {}),
    ...(saved && 'updatedAt' in profile ? { basedOn: profile.updatedAt } : {}),
  }
}

function draftFromClient(client: ProfileClient | ProfileClientInput): ClientDraft {
  const redirect = { ...DEFAULT_REDIRECT, ...client.redirect }
  const secret = client.secret
  return {
    ...blankClient(),
    clientId: client.clientId,
    authMethod: client.authMethod ?? '',
    scope: client.scope ?? '',
    extraParams: formatParamLines(client.extraParams ?? {}),
    redirectHost: redirect.host,
    redirectPort: redirect.port ? String(redirect.port) : '',
    redirectPath: redirect.path,
    ...(secret && 'home' in secret ? { kept: secret } : {}),
    ...(client.cognitoSettings ? { cognitoSettings: client.cognitoSettings } : {}),
  }
}

function draftFromUser(user: ProfileUser | ProfileUserInput, saved: boolean): UserDraft {
  const secretOf = (secret: KeptSecret | ProfileUserInput['password']): SecretDraft => ({
    ...blankSecret(),
    ...(secret && 'home' in secret ? { kept: secret } : {}),
  })
  return {
    ...blankUser(),
    username: user.username,
    ...(saved ? { savedUsername: user.username } : {}),
    password: secretOf(user.password),
    totpSecret: secretOf(user.totpSecret),
  }
}

function draftFromProvider(provider: ProfileProvider): ProviderDraft {
  return {
    kind: provider.kind,
    issuer: provider.kind === 'issuer' ? provider.issuer : '',
    endpoints: provider.kind === 'endpoints' ? { ...provider.endpoints } : {},
    region: provider.kind === 'cognito' ? provider.region : '',
    userPoolId: provider.kind === 'cognito' ? provider.userPoolId : '',
    apiEndpoint: provider.kind === 'cognito' ? (provider.endpoint ?? '') : '',
    hostedUiDomain: provider.kind === 'cognito' ? (provider.hostedUiDomain ?? '') : '',
  }
}

/** What profiles.save takes; the engine checks it and answers in words when a field is wrong. */
export function saveRequestFromDraft(draft: ProfileDraft): {
  profile: ProfileInput
  previousName?: string
  basedOn?: string
} {
  const name = draft.name.trim()
  const notes = draft.notes.trim()
  const profile: ProfileInput = {
    name,
    preset: draft.preset,
    provider: providerFromDraft(draft.provider),
    clients: draft.clients.map(clientFromDraft),
    // Users on a provider that is not a Cognito pool go too: the engine refuses them in words.
    ...(draft.users.length > 0 ? { users: draft.users.map(userFromDraft) } : {}),
    ...(notes ? { notes } : {}),
  }
  // The engine finds the profile to replace by the name it was saved under (renamed or not); with
  // no previous name, a save is a new profile and an existing name is refused, not overwritten.
  return {
    profile,
    ...(draft.savedName === undefined ? {} : { previousName: draft.savedName }),
    ...(draft.basedOn === undefined ? {} : { basedOn: draft.basedOn }),
  }
}

function providerFromDraft(draft: ProviderDraft): ProfileProvider {
  switch (draft.kind) {
    case 'issuer':
      return { kind: 'issuer', issuer: draft.issuer.trim() }
    case 'endpoints':
      return {
        kind: 'endpoints',
        endpoints: Object.fromEntries(
          ENDPOINT_FIELDS.map(({ name }) => [name, draft.endpoints[name]?.trim() ?? '']).filter(
            ([, value]) => value,
          ),
        ),
      }
    case 'cognito':
      return {
        kind: 'cognito',
        region: draft.region.trim(),
        userPoolId: draft.userPoolId.trim(),
        ...optional('endpoint', draft.apiEndpoint),
        ...optional('hostedUiDomain', draft.hostedUiDomain),
      }
  }
}

function clientFromDraft(draft: ClientDraft): ProfileClientInput {
  const port = Number(draft.redirectPort.trim() || '0')
  const path = draft.redirectPath.trim() || DEFAULT_REDIRECT.path
  const isDefaultRedirect =
    draft.redirectHost === DEFAULT_REDIRECT.host && port === 0 && path === DEFAULT_REDIRECT.path
  const extraParams = parseParamLines(draft.extraParams)
  const secret = secretChange(draft)
  return {
    clientId: draft.clientId.trim(),
    ...(draft.authMethod ? { authMethod: draft.authMethod } : {}),
    ...optional('scope', draft.scope),
    ...(Object.keys(extraParams).length > 0 ? { extraParams } : {}),
    ...(draft.cognitoSettings ? { cognitoSettings: draft.cognitoSettings } : {}),
    ...(isDefaultRedirect ? {} : { redirect: { host: draft.redirectHost, port, path } }),
    ...(secret ? { secret } : {}),
  }
}

function userFromDraft(draft: UserDraft): ProfileUserInput {
  const password = secretChange(draft.password)
  // Authenticator apps show the secret in groups of four: the spaces are not part of it.
  const totpSecret = secretChange({
    ...draft.totpSecret,
    newSecret: draft.totpSecret.newSecret.replace(/\s+/g, ''),
  })
  return {
    username: draft.username.trim(),
    ...(password ? { password } : {}),
    ...(totpSecret ? { totpSecret } : {}),
  }
}

/** A typed secret replaces the kept one; "forget" clears it; otherwise it stays as it is. */
export function secretChange(draft: SecretDraft): ProfileClientInput['secret'] {
  if (draft.newSecret) return { set: draft.newSecret }
  if (draft.forget && draft.kept) return { clear: true }
  return undefined
}

function optional<K extends string>(key: K, value: string): Partial<Record<K, string>> {
  const trimmed = value.trim()
  return trimmed ? ({ [key]: trimmed } as Record<K, string>) : {}
}

/**
 * Fills the provider from a preset, and each client's scope and parameters with the family's
 * defaults; a client id or auth method already typed stays.
 */
export function applyPreset(
  draft: ProfileDraft,
  preset: ProfilePreset,
  values: PresetValues,
): ProfileDraft {
  const defaults = preset.clientDefaults(values)
  return {
    ...draft,
    preset: preset.id,
    provider: draftFromProvider(preset.buildProvider(values)),
    clients: (draft.clients.length > 0 ? draft.clients : [blankClient()]).map((client) =>
      withClientDefaults(client, defaults),
    ),
  }
}

function withClientDefaults(client: ClientDraft, defaults: ClientDefaults): ClientDraft {
  // The sandbox's provider and pool have clients of their own: switching between them must not
  // keep the other one's client id, while an id the person typed stays.
  const filled = client.clientId === '' || client.clientId === client.filledClientId
  const clientId = filled ? (defaults.clientId ?? client.clientId) : client.clientId
  return {
    ...client,
    clientId,
    ...(filled && defaults.clientId ? { filledClientId: defaults.clientId } : {}),
    authMethod: client.authMethod || (defaults.authMethod ?? ''),
    scope: defaults.scope ?? client.scope,
    extraParams: formatParamLines({
      ...parseParamLines(client.extraParams),
      ...defaults.extraParams,
    }),
  }
}
