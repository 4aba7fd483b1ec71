// The test users of a Cognito profile as the editor holds them, what a save sends for them (each
// secret set, forgotten or left alone; never a kept value), and what a flow form says of them.
import { describe, expect, it } from 'vitest'
import { ProfileInput, type Profile } from '../../../shared/workspace-model'
import {
  blankUser,
  draftFromProfile,
  saveRequestFromDraft,
  type ProfileDraft,
  type UserDraft,
} from '../../../renderer/features/profiles/profile-draft'
import { keptUserNote } from '../../../renderer/features/flows/profile-fields'

const POOL: Profile = {
  name: 'Sandbox pool',
  preset: 'cognito',
  provider: { kind: 'cognito', region: 'us-east-1', userPoolId: 'us-east-1_Sandbox01' },
  clients: [{ clientId: 'web' }],
  users: [
    {
      username: 'tom',
      password: { home: 'vault', available: true },
      totpSecret: { home: 'vault', available: true },
    },
    { username: 'alice', password: { home: 'session', available: false } },
  ],
  updatedAt: '2026-01-01T00:00:00.000Z',
}

const editUser = (draft: ProfileDraft, username: string, change: Partial<UserDraft>) => ({
  ...draft,
  users: draft.users.map((user) => (user.username === username ? { ...user, ...change } : user)),
})

const usersSaved = (draft: ProfileDraft) => {
  const { profile } = saveRequestFromDraft(draft)
  expect(ProfileInput.safeParse(profile).success).toBe(true)
  return profile.users
}

describe('test users in the profile editor', () => {
  it('shows where each kept secret lives, and saves them untouched when left alone', () => {
    const draft = draftFromProfile(POOL, true)

    expect(draft.users[0]).toMatchObject({
      username: 'tom',
      savedUsername: 'tom',
      password: { kept: { home: 'vault', available: true }, newSecret: '', forget: false },
      totpSecret: { kept: { home: 'vault', available: true }, newSecret: '', forget: false },
    })
    expect(usersSaved(draft)).toEqual([{ username: 'tom' }, { username: 'alice' }])
  })

  it('sends a typed secret as set (a TOTP secret without its spaces) and a forgotten one as clear', () => {
    let draft = draftFromProfile(POOL, true)
    draft = editUser(draft, 'tom', {
      password: { ...draft.users[0]!.password, forget: true },
      totpSecret: { ...draft.users[0]!.totpSecret, newSecret: 'JBSW Y3DP EHPK 3PXP' },
    })

    expect(usersSaved(draft)?.[0]).toEqual({
      username: 'tom',
      password: { clear: true },
      totpSecret: { set: 'JBSWY3DPEHPK3PXP' },
    })
  })

  it('adds a new user with its name trimmed, and sends no users for a profile without any', () => {
    const draft = draftFromProfile(POOL, true)
    const added = {
      ...blankUser(),
      username: ' sam ',
      password: { newSecret: 'Sandbox-sam-1', forget: false },
    }

    expect(usersSaved({ ...draft, users: [...draft.users, added] })?.[2]).toEqual({
      username: 'sam',
      password: { set: 'Sandbox-sam-1' },
    })
    expect('users' in saveRequestFromDraft({ ...draft, users: [] }).profile).toBe(false)
  })
})

describe('a saved user in the Cognito flow form', () => {
  it('says which secrets the profile keeps, or why they cannot be used now', () => {
    expect(keptUserNote(POOL.users?.[0])).toBe('password and TOTP secret kept with the profile')
    expect(keptUserNote(POOL.users?.[1])).toBe(
      'password: Kept by an earlier session: enter it again',
    )
    expect(keptUserNote({ username: 'bob' })).toBeUndefined()
    expect(keptUserNote(undefined)).toBeUndefined()
  })
})
