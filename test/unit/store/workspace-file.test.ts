import { readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import {
  caught,
  fakeSafeStorage,
  makeDataDir,
  openWorkspace,
  profileInput,
  rawWorkspace,
  workspaceFileOf,
} from './temp-workspace'

describe('opening workspace.json', () => {
  it('starts empty, with default settings, when there is no file yet, and creates none', () => {
    const dir = makeDataDir()
    const workspace = openWorkspace(dir)

    expect(workspace.listProfiles()).toEqual([])
    expect(workspace.settings()).toEqual({
      historyMaxRuns: 200,
      historyMaxAgeDays: 30,
      trainerMode: false,
    })
    expect(workspace.status()).toMatchObject({
      vault: 'absent',
      secretHome: 'session',
      problems: [],
    })
    expect(readdirSync(dir)).toEqual([])
  })

  it('migrates an unversioned file written by hand and saves it back at version 1', () => {
    const dir = makeDataDir()
    const handWritten = JSON.stringify({
      settings: { trainerMode: true },
      profiles: {
        'Okta dev': { issuer: 'https://dev-123.okta.com', clientId: 'okta-spa', scope: 'openid' },
        'Pool A': { region: 'eu-central-1', userPoolId: 'eu-central-1_Abc123', clientId: 'abc' },
        Endpoints: {
          authorization_endpoint: 'https://idp.example.com/auth',
          token_endpoint: 'https://idp.example.com/token',
          clients: [{ clientId: 'one' }, { clientId: 'two', authMethod: 'client_secret_post' }],
        },
      },
    })
    writeFileSync(workspaceFileOf(dir), handWritten)

    const workspace = openWorkspace(dir)

    expect(workspace.getProfile('Okta dev')).toMatchObject({
      preset: 'generic',
      provider: { kind: 'issuer', issuer: 'https://dev-123.okta.com' },
      clients: [{ clientId: 'okta-spa', scope: 'openid' }],
    })
    expect(workspace.getProfile('Pool A').provider).toEqual({
      kind: 'cognito',
      region: 'eu-central-1',
      userPoolId: 'eu-central-1_Abc123',
    })
    expect(workspace.getProfile('Endpoints').clients.map((c) => c.clientId)).toEqual(['one', 'two'])
    expect(workspace.settings().trainerMode).toBe(true)
    const saved = JSON.parse(rawWorkspace(dir))
    expect(saved.schemaVersion).toBe(1)
    expect(saved.profiles).toHaveLength(3)
    // The original is kept beside it, byte for byte, and the status says where.
    const [problem] = workspace.status().problems
    expect(problem?.message).toMatch(/older shape \(version 0\).*updated/)
    expect(readFileSync(problem?.keptAs ?? '', 'utf8')).toBe(handWritten)
    // Opened again, it is current: nothing more to migrate.
    expect(openWorkspace(dir).status().problems).toEqual([])
  })

  it('takes a client secret out of an old file written in clear, sealing it first', () => {
    const dir = makeDataDir()
    writeFileSync(
      workspaceFileOf(dir),
      JSON.stringify({
        profiles: [
          {
            name: 'Hand',
            issuer: 'https://a.example',
            clientId: 'c',
            clientSecret: 'hand-typed-S3cret',
          },
        ],
      }),
    )
    const workspace = openWorkspace(dir, { osCipher: fakeSafeStorage })

    expect(rawWorkspace(dir)).not.toContain('hand-typed-S3cret')
    expect(workspace.getProfile('Hand').clients[0]?.secret).toEqual({
      home: 'os-keychain',
      available: true,
    })
    expect(workspace.clientSecretOf('Hand', 'c')).toBe('hand-typed-S3cret')
    expect(workspace.status().problems[0]?.message).toMatch(
      /1 client secret\(s\) in clear: they are now kept in the OS keychain/,
    )
  })

  it.each([
    ['bad JSON', '{ "schemaVersion": 1, "profiles": [ '],
    ['a JSON array', '[1, 2, 3]'],
  ])('sets a file of %s aside with its path reported, bytes intact', (_label, content) => {
    const dir = makeDataDir()
    writeFileSync(workspaceFileOf(dir), content)

    const workspace = openWorkspace(dir)

    const [problem] = workspace.status().problems
    expect(problem?.file).toBe(workspaceFileOf(dir))
    expect(problem?.keptAs).toBe(join(dir, 'workspace.corrupt-2026-11-23T10-15-30-123Z.json'))
    expect(problem?.message).toMatch(/not valid JSON/)
    expect(readFileSync(problem?.keptAs ?? '', 'utf8')).toBe(content)
    expect(workspace.listProfiles()).toEqual([])
    // The empty workspace can be used, and saving does not touch the file set aside.
    workspace.saveProfile(profileInput('Fresh'))
    expect(readFileSync(problem?.keptAs ?? '', 'utf8')).toBe(content)
  })

  it('sets a file that breaks the schema aside and says what is wrong, and where', () => {
    const dir = makeDataDir()
    const content = JSON.stringify({
      schemaVersion: 1,
      profiles: [
        {
          name: 'Broken',
          provider: { kind: 'issuer', issuer: 'login.example.com' },
          clients: [],
          updatedAt: '2026-01-01T00:00:00.000Z',
        },
      ],
    })
    writeFileSync(workspaceFileOf(dir), content)

    const workspace = openWorkspace(dir)

    const [problem] = workspace.status().problems
    expect(problem?.message).toContain(
      'profiles[0].provider.issuer: Give a full http:// or https:// URL.',
    )
    expect(problem?.message).toContain('workspace.corrupt-2026-11-23T10-15-30-123Z.json')
    expect(readFileSync(problem?.keptAs ?? '', 'utf8')).toBe(content)
    expect(workspace.listProfiles()).toEqual([])
  })

  it('sets aside a second corrupt file under another name, losing neither', () => {
    const dir = makeDataDir()
    writeFileSync(workspaceFileOf(dir), 'first {')
    openWorkspace(dir)
    writeFileSync(workspaceFileOf(dir), 'second {')
    const workspace = openWorkspace(dir)

    const keptAs = workspace.status().problems[0]?.keptAs ?? ''
    expect(keptAs).toMatch(/corrupt-2026-11-23T10-15-30-123Z-2\.json$/)
    expect(readFileSync(keptAs, 'utf8')).toBe('second {')
  })

  it('leaves a file from a newer version untouched and refuses to save over it', () => {
    const dir = makeDataDir()
    const content = JSON.stringify({ schemaVersion: 7, profiles: [], somethingNew: true })
    writeFileSync(workspaceFileOf(dir), content)

    const workspace = openWorkspace(dir)

    expect(workspace.status().problems[0]?.message).toMatch(
      /written by a newer Auth Flow Explorer \(workspace version 7; this one reads up to 1\)/,
    )
    const refusal = caught(() => workspace.saveProfile(profileInput('Anything')))
    expect(refusal.code).toBe('STORE_WRITE_FAILED')
    expect(refusal.message).toContain(workspaceFileOf(dir))
    expect(rawWorkspace(dir)).toBe(content)
    expect(readdirSync(dir)).toEqual(['workspace.json'])
  })
})
