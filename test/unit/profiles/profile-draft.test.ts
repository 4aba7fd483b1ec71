import { describe, expect, it } from 'vitest'
import { findPreset } from '../../../shared/profile-presets'
import { ProfileInput, type Profile } from '../../../shared/workspace-model'
import {
  applyPreset,
  blankDraft,
  draftFromProfile,
  saveRequestFromDraft,
  type ClientDraft,
  type ProfileDraft,
} from '../../../renderer/features/profiles/profile-draft'
import { parseParamLines } from '../../../renderer/components/param-lines'
import { describeKeptSecret } from '../../../renderer/components/secret-words'

const SAVED: Profile = {
  name: 'Work tenant',
  preset: 'entra',
  provider: { kind: 'issuer', issuer: 'https://login.microsoftonline.com/contoso/v2.0' },
  clients: [
    {
      clientId: 'web-app',
      authMethod: 'client_secret_post',
      scope: 'openid profile offline_access',
      extraParams: { prompt: 'login' },
      redirect: { host: 'localhost', port: 8765, path: '/callback' },
      secret: { home: 'vault', available: true },
    },
  ],
  notes: 'The staging tenant',
  updatedAt: '2025-01-01T00:00:00.000Z',
}

const editClient = (draft: ProfileDraft, change: Partial<ClientDraft>): ProfileDraft => ({
  ...draft,
  clients: draft.clients.map((client) => ({ ...client, ...change })),
})

function clientSaved(draft: ProfileDraft) {
  const [client] = saveRequestFromDraft(draft).profile.clients
  if (!client) throw new Error('the save request has no client')
  return client
}

describe('profile draft → profiles.save', () => {
  it('saves an opened profile unchanged, leaving its kept secret as it is', () => {
    const request = saveRequestFromDraft(draftFromProfile(SAVED, true))
    expect(request).toStrictEqual({
      profile: {
        name: 'Work tenant',
        preset: 'entra',
        provider: { kind: 'issuer', issuer: 'https://login.microsoftonline.com/contoso/v2.0' },
        clients: [
          {
            clientId: 'web-app',
            authMethod: 'client_secret_post',
            scope: 'openid profile offline_access',
            extraParams: { prompt: 'login' },
            redirect: { host: 'localhost', port: 8765, path: '/callback' },
          },
        ],
        notes: 'The staging tenant',
      },
      previousName: 'Work tenant',
      // The save is refused if the profile changed elsewhere since it was opened.
      basedOn: SAVED.updatedAt,
    })
    expect(ProfileInput.safeParse(request.profile).success).toBe(true)
  })

  it('sends a typed secret as a replacement, and "Forget" as a clear', () => {
    const draft = draftFromProfile(SAVED, true)
    expect(clientSaved(editClient(draft, { newSecret: 's3cret' })).secret).toEqual({
      set: 's3cret',
    })
    expect(clientSaved(editClient(draft, { forget: true })).secret).toEqual({ clear: true })
    // A secret typed after "Forget" wins: the person wants the new one kept.
    expect(clientSaved(editClient(draft, { forget: true, newSecret: 'new' })).secret).toEqual({
      set: 'new',
    })
  })

  it('sends no clear for a client that had no secret kept', () => {
    const draft = editClient(blankDraft('generic'), { clientId: 'x', forget: true })
    expect(clientSaved(draft)).not.toHaveProperty('secret')
  })

  it('saves a changed name as a rename of the name it was saved under', () => {
    const draft = draftFromProfile(SAVED, true)
    expect(saveRequestFromDraft({ ...draft, name: ' Staging ' })).toMatchObject({
      profile: { name: 'Staging' },
      previousName: 'Work tenant',
    })
  })

  it('saves a new or discovered draft as a new profile, so an existing name is refused', () => {
    const discovered = draftFromProfile({ ...SAVED, name: 'login.example.com' }, false)
    expect(saveRequestFromDraft({ ...discovered, name: 'Mine' })).not.toHaveProperty('previousName')
  })

  it('leaves out the default redirect, and keeps a chosen port as a number', () => {
    const draft = editClient(blankDraft('generic'), { clientId: 'x' })
    expect(clientSaved(draft)).not.toHaveProperty('redirect')
    expect(clientSaved(editClient(draft, { redirectPort: '9000' })).redirect).toEqual({
      host: '127.0.0.1',
      port: 9000,
      path: '/callback',
    })
  })

  it('keeps only the endpoints that were filled in', () => {
    const draft = blankDraft('generic')
    const request = saveRequestFromDraft({
      ...draft,
      provider: {
        ...draft.provider,
        kind: 'endpoints',
        endpoints: { token_endpoint: ' https://id.example.com/token ', jwks_uri: '  ' },
      },
    })
    expect(request.profile.provider).toEqual({
      kind: 'endpoints',
      endpoints: { token_endpoint: 'https://id.example.com/token' },
    })
  })

  it('leaves out the Cognito API endpoint and hosted UI when empty', () => {
    const draft = blankDraft('cognito')
    const request = saveRequestFromDraft({
      ...draft,
      provider: {
        ...draft.provider,
        kind: 'cognito',
        region: 'us-east-1',
        userPoolId: 'us-east-1_A',
      },
    })
    expect(request.profile.provider).toEqual({
      kind: 'cognito',
      region: 'us-east-1',
      userPoolId: 'us-east-1_A',
    })
  })
})

describe('extra parameters as name=value lines', () => {
  it('keeps everything after the first = and commas inside values', () => {
    expect(
      parseParamLines('audience=https://api.example.com\n\nresource=urn:a,urn:b\nclaims={"a":1}=x'),
    ).toEqual({
      audience: 'https://api.example.com',
      resource: 'urn:a,urn:b',
      claims: '{"a":1}=x',
    })
  })

  it('round-trips through the editor', () => {
    const draft = draftFromProfile(SAVED, true)
    expect(clientSaved(draft).extraParams).toEqual({ prompt: 'login' })
  })
})

describe('filling from a preset', () => {
  it('fills the provider and adds the family’s parameters to those already typed', () => {
    const draft = editClient(blankDraft('generic'), {
      clientId: 'my-google-client',
      extraParams: 'login_hint=ann@example.com',
    })
    const filled = applyPreset(draft, findPreset('google'), {})
    const request = saveRequestFromDraft({ ...filled, name: 'Google' })
    expect(request.profile.preset).toBe('google')
    expect(request.profile.provider).toEqual({
      kind: 'issuer',
      issuer: 'https://accounts.google.com',
    })
    expect(request.profile.clients).toMatchObject([
      {
        clientId: 'my-google-client',
        extraParams: { login_hint: 'ann@example.com', access_type: 'offline', prompt: 'consent' },
      },
    ])
  })

  it('gives an empty client the sandbox’s public client, ready to save', () => {
    const filled = applyPreset(blankDraft('sandbox'), findPreset('sandbox'), {})
    const request = saveRequestFromDraft({ ...filled, name: 'Sandbox' })
    expect(request.profile.clients).toEqual([
      { clientId: 'afx-native', authMethod: 'none', scope: 'openid profile email offline_access' },
    ])
    expect(ProfileInput.safeParse(request.profile).success).toBe(true)
  })

  it('switches the client id the sandbox filled in to the pool’s, but keeps one typed', () => {
    const sandbox = findPreset('sandbox')
    const provider = applyPreset(blankDraft('sandbox'), sandbox, {})
    const pool = applyPreset(provider, sandbox, { server: 'cognito' })
    expect(pool.clients[0]?.clientId).toBe('afxsandboxpublicweb0000001')
    expect(applyPreset(pool, sandbox, {}).clients[0]?.clientId).toBe('afx-native')

    const typed = { ...provider, clients: [{ ...provider.clients[0]!, clientId: 'mine' }] }
    expect(applyPreset(typed, sandbox, { server: 'cognito' }).clients[0]?.clientId).toBe('mine')
  })
})

describe('where a kept secret lives, in words', () => {
  it.each([
    ['os-keychain', true, 'Kept in the OS keychain'],
    ['vault', true, 'Kept in your passphrase vault'],
    ['session', true, 'Kept for this session only: forgotten when the app closes'],
    ['session', false, 'Kept by an earlier session: enter it again'],
  ] as const)('%s, available %s: "%s"', (home, available, words) => {
    expect(describeKeptSecret({ home, available })).toBe(words)
  })

  it('says a locked vault must be unlocked first', () => {
    expect(describeKeptSecret({ home: 'vault', available: false })).toMatch(/locked.*unlock/)
  })
})
