import { describe, expect, it } from 'vitest'
import { Profile, WorkspaceStatus } from '../../../shared/workspace-model'
import { caught, makeDataDir, openWorkspace, profileInput, rawWorkspace } from './temp-workspace'

describe('profiles in the workspace', () => {
  it('saves, lists by name, survives a restart, and removes', () => {
    const dir = makeDataDir()
    const workspace = openWorkspace(dir)
    workspace.saveProfile(profileInput('Zeta', { notes: 'staging tenant' }))
    workspace.saveProfile(profileInput('alpha'))

    const reopened = openWorkspace(dir)
    expect(reopened.listProfiles().map((profile) => profile.name)).toEqual(['alpha', 'Zeta'])
    expect(reopened.getProfile('Zeta')).toMatchObject({
      notes: 'staging tenant',
      updatedAt: '2026-11-23T10:15:30.123Z',
    })

    expect(reopened.removeProfile('Zeta')).toBe('Zeta')
    expect(
      openWorkspace(dir)
        .listProfiles()
        .map((profile) => profile.name),
    ).toEqual(['alpha'])
  })

  it('answers in the shapes the contract checks its outputs against', () => {
    const workspace = openWorkspace(makeDataDir())
    const saved = workspace.saveProfile(
      profileInput('Shaped', { clients: [{ clientId: 'c', secret: { set: 'a-secret-value' } }] }),
    )

    expect(Profile.parse(saved)).toEqual(saved)
    expect(workspace.listProfiles().map((profile) => Profile.parse(profile))).toEqual([saved])
    expect(WorkspaceStatus.parse(workspace.status())).toEqual(workspace.status())
  })

  it('names the missing profile and hints at what to do', () => {
    const workspace = openWorkspace(makeDataDir())
    for (const call of [
      () => workspace.getProfile('Okta dev'),
      () => workspace.removeProfile('Okta dev'),
      () => workspace.clientSecretOf('Okta dev', 'x'),
      () => workspace.exportProfiles(['Okta dev']),
    ]) {
      const error = caught(call)
      expect(error.code).toBe('PROFILE_NOT_FOUND')
      expect(error.message).toContain('"Okta dev"')
      expect(error.hint).toMatch(/saved profiles/)
    }
  })

  it('refuses a creation or a rename onto a name already saved, changing nothing', () => {
    const dir = makeDataDir()
    const workspace = openWorkspace(dir)
    workspace.saveProfile(profileInput('A'))
    workspace.saveProfile(profileInput('B'))
    const before = rawWorkspace(dir)

    expect(caught(() => workspace.saveProfile(profileInput('A'))).code).toBe('PROFILE_EXISTS')
    expect(caught(() => workspace.saveProfile(profileInput('A'), 'B')).code).toBe('PROFILE_EXISTS')
    expect(rawWorkspace(dir)).toBe(before)
  })

  it('renames in place when saved with its previous name', () => {
    const workspace = openWorkspace(makeDataDir())
    workspace.saveProfile(profileInput('Old name'))

    workspace.saveProfile(profileInput('New name', { notes: 'renamed' }), 'Old name')

    expect(workspace.listProfiles().map((profile) => [profile.name, profile.notes])).toEqual([
      ['New name', 'renamed'],
    ])
  })

  it('keeps the saves of two instances on one folder, one after the other', () => {
    const dir = makeDataDir()
    const first = openWorkspace(dir)
    const second = openWorkspace(dir)

    first.saveProfile(profileInput('From window one'))
    second.saveProfile(profileInput('From window two'))
    first.updateSettings({ trainerMode: true })
    second.updateSettings({ historyMaxRuns: 50 })

    const names = openWorkspace(dir)
      .listProfiles()
      .map((profile) => profile.name)
    expect(names).toEqual(['From window one', 'From window two'])
    expect(first.listProfiles()).toHaveLength(2)
    expect(openWorkspace(dir).settings()).toEqual({
      historyMaxRuns: 50,
      historyMaxAgeDays: 30,
      trainerMode: true,
    })
  })

  it('refuses to save over a profile changed elsewhere since the edit began (security.md #135)', () => {
    const dir = makeDataDir()
    let now = Date.parse('2026-11-23T10:00:00.000Z')
    const clock = () => (now += 1000)
    const first = openWorkspace(dir, { now: clock })
    const second = openWorkspace(dir, { now: clock })
    const opened = first.saveProfile(profileInput('Shared', { notes: 'as opened' }))

    // Both windows opened the profile as saved; the second saves first.
    second.saveProfile(
      profileInput('Shared', { notes: 'from window two' }),
      'Shared',
      opened.updatedAt,
    )
    const refused = caught(() =>
      first.saveProfile(
        profileInput('Shared', { notes: 'from window one' }),
        'Shared',
        opened.updatedAt,
      ),
    )

    expect(refused).toMatchObject({
      code: 'PROFILE_CHANGED_ELSEWHERE',
      message: expect.stringContaining('was changed elsewhere (another window or an afx command)'),
    })
    expect(openWorkspace(dir).getProfile('Shared').notes).toBe('from window two')
    // Reopened, the edit goes on top of the other one.
    const latest = first.getProfile('Shared')
    first.saveProfile(
      profileInput('Shared', { notes: 'from window one' }),
      'Shared',
      latest.updatedAt,
    )
    expect(openWorkspace(dir).getProfile('Shared').notes).toBe('from window one')
  })

  it('validates settings before saving them', () => {
    const dir = makeDataDir()
    const workspace = openWorkspace(dir)

    expect(() => workspace.updateSettings({ historyMaxRuns: 0 })).toThrow()
    expect(workspace.updateSettings({ historyMaxAgeDays: 7 })).toEqual({
      historyMaxRuns: 200,
      historyMaxAgeDays: 7,
      trainerMode: false,
    })
    expect(JSON.parse(rawWorkspace(dir)).settings.historyMaxAgeDays).toBe(7)
  })
})
