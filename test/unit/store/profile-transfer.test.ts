import { describe, expect, it } from 'vitest'
import {
  caught,
  FROZEN_NOW,
  fakeSafeStorage,
  makeDataDir,
  openWorkspace,
  profileInput,
} from './temp-workspace'

const SECRET = 'exported-Cl1ent-S3cret'
const PASSPHRASE = 'a passphrase for the file'

function workspaceWithSecret() {
  const workspace = openWorkspace(makeDataDir(), { osCipher: fakeSafeStorage })
  workspace.saveProfile(
    profileInput('Okta dev', {
      preset: 'okta',
      notes: 'dev tenant',
      clients: [
        { clientId: 'spa', scope: 'openid profile' },
        { clientId: 'backend', authMethod: 'client_secret_post', secret: { set: SECRET } },
      ],
    }),
  )
  return workspace
}

/** A valid export, changed by `edit` before it is imported. */
function exportedWith(edit: (file: { profiles: Record<string, unknown>[] }) => void): string {
  const file = JSON.parse(workspaceWithSecret().exportProfiles().content)
  edit(file)
  return JSON.stringify(file)
}

describe('exporting and importing profiles', () => {
  it('exports without any secret when no passphrase is given', () => {
    const file = workspaceWithSecret().exportProfiles()

    expect(file.filename).toBe('afx-profiles-2026-11-23.json')
    expect(file.mediaType).toBe('application/json')
    expect(file.content).not.toContain(SECRET)
    const parsed = JSON.parse(file.content)
    expect(parsed).toMatchObject({
      format: 'afx-profiles',
      version: 1,
      exportedAt: new Date(FROZEN_NOW).toISOString(),
    })
    expect(parsed.sealedWith).toBeUndefined()
    expect(parsed.profiles[0].clients[1]).toEqual({
      clientId: 'backend',
      authMethod: 'client_secret_post',
    })
  })

  it('round-trips secrets sealed with a passphrase into a fresh workspace', () => {
    const file = workspaceWithSecret().exportProfiles(['Okta dev'], PASSPHRASE)
    expect(file.content).not.toContain(SECRET)
    expect(JSON.parse(file.content).sealedWith.kdf).toMatchObject({ name: 'scrypt', r: 8, p: 1 })

    const fresh = openWorkspace(makeDataDir())
    expect(fresh.importProfiles(file.content, PASSPHRASE)).toEqual({ imported: ['Okta dev'] })

    expect(fresh.getProfile('Okta dev')).toMatchObject({
      preset: 'okta',
      notes: 'dev tenant',
      clients: [
        { clientId: 'spa', scope: 'openid profile' },
        { clientId: 'backend', secret: { home: 'session', available: true } },
      ],
    })
    expect(fresh.clientSecretOf('Okta dev', 'backend')).toBe(SECRET)
  })

  it('never replaces a profile: a taken name is imported as "(imported)", then "(imported 2)"', () => {
    const workspace = workspaceWithSecret()
    const content = workspace.exportProfiles().content

    expect(workspace.importProfiles(content)).toEqual({ imported: ['Okta dev (imported)'] })
    expect(workspace.importProfiles(content)).toEqual({ imported: ['Okta dev (imported 2)'] })
    expect(workspace.getProfile('Okta dev').notes).toBe('dev tenant')
    expect(workspace.listProfiles()).toHaveLength(3)
  })

  it('keeps an imported name within 80 characters, suffix and all', () => {
    const workspace = openWorkspace(makeDataDir())
    const long = 'L'.repeat(80)
    workspace.saveProfile(profileInput(long))

    const [name] = workspace.importProfiles(workspace.exportProfiles().content).imported

    expect(name).toBe(`${'L'.repeat(69)} (imported)`)
  })

  it('needs the passphrase for sealed secrets, and tells a wrong one from a tampered file', () => {
    const content = workspaceWithSecret().exportProfiles(undefined, PASSPHRASE).content
    const target = openWorkspace(makeDataDir())

    expect(caught(() => target.importProfiles(content)).code).toBe('VAULT_LOCKED')
    expect(caught(() => target.importProfiles(content, 'not the passphrase')).code).toBe(
      'VAULT_WRONG_PASSPHRASE',
    )
    const file = JSON.parse(content)
    const sealed = file.profiles[0].clients[1].secret
    sealed.data = Buffer.from('something else entirely').toString('base64url')
    const tampered = caught(() => target.importProfiles(JSON.stringify(file), PASSPHRASE))
    expect(tampered.code).toBe('VAULT_TAMPERED')
    // Nothing was imported by any of the refused attempts.
    expect(target.listProfiles()).toEqual([])
  })

  it.each([
    ['not JSON', () => 'profiles: yes', 'This file is not JSON.'],
    [
      'another format',
      () => JSON.stringify({ format: 'har', log: {} }),
      'This is not an Auth Flow Explorer profiles file ("format" is not "afx-profiles").',
    ],
    [
      'a newer version',
      () => exportedWith((file) => Object.assign(file, { version: 2 })),
      'This file was exported by a newer Auth Flow Explorer (format version 2); update to import it.',
    ],
    [
      'a bad issuer',
      () =>
        exportedWith((file) => {
          file.profiles.push(
            { ...file.profiles[0], name: 'Second' },
            { ...file.profiles[0], name: 'Third', provider: { kind: 'issuer', issuer: 'idp' } },
          )
        }),
      'profiles[2].provider.issuer: Give a full http:// or https:// URL.',
    ],
    [
      'an empty name',
      () =>
        exportedWith((file) => {
          file.profiles[0] = { ...file.profiles[0], name: ' ', clients: [{}] }
        }),
      'profiles[0].name: A profile needs a name.',
    ],
    [
      'a missing client id',
      () =>
        exportedWith((file) => {
          file.profiles[0] = { ...file.profiles[0], clients: [{ scope: 'openid' }] }
        }),
      'profiles[0].clients[0].clientId: The client id is required.',
    ],
    [
      'notes that are not text',
      () =>
        exportedWith((file) => {
          file.profiles[0] = { ...file.profiles[0], notes: 42 }
        }),
      'profiles[0].notes: Should be a string, not a number.',
    ],
  ])('refuses %s with IMPORT_INVALID in words', (_label, content, words) => {
    const target = openWorkspace(makeDataDir())

    const error = caught(() => target.importProfiles(content()))

    expect(error.code).toBe('IMPORT_INVALID')
    expect(error.message).toContain(words)
    expect(target.listProfiles()).toEqual([])
  })
})

describe('a hostile profiles file (security.md §7.9 #137)', () => {
  it('pollutes no prototype and keeps no key it does not know', () => {
    const hostile = exportedWith((file) => {
      file.profiles[0] = {
        ...file.profiles[0],
        extra: 'ignored',
      }
    }).replace(
      '"extra":"ignored"',
      '"__proto__":{"polluted":true},"constructor":{"prototype":{"polluted":true}}',
    )
    expect(hostile).toContain('"__proto__":{"polluted":true}')
    const target = openWorkspace(makeDataDir())

    const { imported } = target.importProfiles(hostile)

    expect(imported).toEqual(['Okta dev'])
    expect(({} as { polluted?: unknown }).polluted).toBeUndefined()
    expect(Object.keys(target.getProfile('Okta dev'))).not.toContain('constructor')
  })
})
