// A Cognito profile's test users: each password and TOTP secret is kept exactly as a client secret
// is (OS keychain, passphrase vault, or this session's memory), carried through renames and vault
// changes, forgotten with the profile, and exported only sealed with a passphrase.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { describeIssues } from '../../../electron/core/store/describe-issues'
import { ProfileInput, type ProfileUserInput } from '../../../shared/workspace-model'
import {
  caught,
  fakeSafeStorage,
  makeDataDir,
  openWorkspace,
  profileInput,
  rawWorkspace,
  workspaceFileOf,
} from './temp-workspace'

const PASSWORD = 'planted-Us3r-Passw0rd'
const TOTP = 'PLANTEDTOTPSECRETBASE32ABCDEFGH2'
const PASSPHRASE = 'correct horse battery staple'

const POOL = {
  kind: 'cognito',
  region: 'us-east-1',
  userPoolId: 'us-east-1_Sandbox01',
  endpoint: 'http://127.0.0.1:9401/',
} as const

function poolProfile(name: string, users: ProfileUserInput[]) {
  return profileInput(name, {
    preset: 'cognito',
    provider: POOL,
    clients: [{ clientId: 'web' }],
    users,
  })
}

const tom = (change: Partial<ProfileUserInput> = {}): ProfileUserInput => ({
  username: 'tom',
  password: { set: PASSWORD },
  totpSecret: { set: TOTP },
  ...change,
})

/** Every byte the workspace left in its folder, as text. */
function everythingOnDisk(dir: string): string {
  return readdirSync(dir)
    .map((file) => readFileSync(join(dir, file), 'utf8'))
    .join('\n')
}

function expectNoPlantedSecret(text: string): void {
  for (const planted of [PASSWORD, TOTP]) {
    expect(text).not.toContain(planted)
    expect(text).not.toContain(Buffer.from(planted).toString('base64'))
    expect(text).not.toContain(Buffer.from(planted).toString('base64url'))
  }
}

describe('the test users of a Cognito profile', () => {
  it('keeps the password and TOTP secret in each of the three homes, never in clear on disk', () => {
    const keychain = makeDataDir()
    const sealed = openWorkspace(keychain, { osCipher: fakeSafeStorage })
    sealed.saveProfile(poolProfile('K', [tom()]))

    const vault = makeDataDir()
    const vaulted = openWorkspace(vault)
    vaulted.createVault(PASSPHRASE)
    vaulted.saveProfile(poolProfile('V', [tom()]))

    const session = makeDataDir()
    const memory = openWorkspace(session)
    memory.saveProfile(poolProfile('S', [tom()]))

    for (const [workspace, name, home] of [
      [sealed, 'K', 'os-keychain'],
      [vaulted, 'V', 'vault'],
      [memory, 'S', 'session'],
    ] as const) {
      expect(workspace.getProfile(name).users).toEqual([
        {
          username: 'tom',
          password: { home, available: true },
          totpSecret: { home, available: true },
        },
      ])
      expect(workspace.userSecretOf(name, 'tom', 'password')).toBe(PASSWORD)
      expect(workspace.userSecretOf(name, 'tom', 'totpSecret')).toBe(TOTP)
      expect(JSON.stringify(workspace.getProfile(name))).not.toContain(PASSWORD)
    }
    for (const dir of [keychain, vault, session]) expectNoPlantedSecret(everythingOnDisk(dir))
  })

  it('answers undefined for a user, or a secret, the profile does not keep', () => {
    const workspace = openWorkspace(makeDataDir())
    workspace.saveProfile(poolProfile('P', [{ username: 'alice', password: { set: PASSWORD } }]))

    expect(workspace.getProfile('P').users).toEqual([
      { username: 'alice', password: { home: 'session', available: true } },
    ])
    expect(workspace.userSecretOf('P', 'alice', 'totpSecret')).toBeUndefined()
    expect(workspace.userSecretOf('P', 'bob', 'password')).toBeUndefined()
    expect(caught(() => workspace.userSecretOf('Q', 'alice', 'password')).code).toBe(
      'PROFILE_NOT_FOUND',
    )
  })

  it('keeps session-only secrets through a rename and an edit that leaves them out; clears one', () => {
    const workspace = openWorkspace(makeDataDir())
    workspace.saveProfile(poolProfile('Before', [tom()]))

    workspace.saveProfile(poolProfile('After', [{ username: 'tom' }]), 'Before')
    expect(workspace.userSecretOf('After', 'tom', 'password')).toBe(PASSWORD)
    expect(workspace.userSecretOf('After', 'tom', 'totpSecret')).toBe(TOTP)

    workspace.saveProfile(
      poolProfile('After', [{ username: 'tom', totpSecret: { clear: true } }]),
      'After',
    )
    expect(workspace.getProfile('After').users).toEqual([
      { username: 'tom', password: { home: 'session', available: true } },
    ])
    expect(workspace.userSecretOf('After', 'tom', 'password')).toBe(PASSWORD)
    expect(workspace.userSecretOf('After', 'tom', 'totpSecret')).toBeUndefined()
  })

  it('tells a client and a test user of the same name apart, and two profiles’ users', () => {
    const workspace = openWorkspace(makeDataDir())
    workspace.saveProfile(
      profileInput('One', {
        preset: 'cognito',
        provider: POOL,
        clients: [{ clientId: 'tom', secret: { set: 'the-client-secret' } }],
        users: [tom()],
      }),
    )
    workspace.saveProfile(poolProfile('Two', [tom({ password: { set: 'another-password' } })]))

    expect(workspace.clientSecretOf('One', 'tom')).toBe('the-client-secret')
    expect(workspace.userSecretOf('One', 'tom', 'password')).toBe(PASSWORD)
    expect(workspace.userSecretOf('Two', 'tom', 'password')).toBe('another-password')
  })

  it('forgets them with the profile, and with the user removed from it', () => {
    const dir = makeDataDir()
    const workspace = openWorkspace(dir)
    workspace.saveProfile(
      poolProfile('P', [tom(), { username: 'sam', password: { set: 'sam-pw' } }]),
    )

    workspace.saveProfile(poolProfile('P', [{ username: 'sam' }]), 'P')
    expect(workspace.getProfile('P').users?.map((user) => user.username)).toEqual(['sam'])
    workspace.saveProfile(poolProfile('P', [{ username: 'sam' }, { username: 'tom' }]), 'P')
    expect(workspace.userSecretOf('P', 'tom', 'password')).toBeUndefined()

    const file = rawWorkspace(dir)
    workspace.removeProfile('P')
    expect(caught(() => workspace.userSecretOf('P', 'sam', 'password')).code).toBe(
      'PROFILE_NOT_FOUND',
    )
    // The file put back as it was (a backup restored): the memory of the removed profile is gone.
    writeFileSync(workspaceFileOf(dir), file)
    expect(workspace.getProfile('P').users?.[0]?.password).toEqual({
      home: 'session',
      available: false,
    })
  })

  it('moves them into a new vault; locked after a restart says so in words, without the value', () => {
    const dir = makeDataDir()
    const workspace = openWorkspace(dir)
    workspace.saveProfile(poolProfile('Pool', [tom()]))

    workspace.createVault(PASSPHRASE)
    expect(workspace.getProfile('Pool').users?.[0]?.password).toEqual({
      home: 'vault',
      available: true,
    })
    expectNoPlantedSecret(rawWorkspace(dir))

    const afterRestart = openWorkspace(dir)
    const locked = caught(() => afterRestart.userSecretOf('Pool', 'tom', 'totpSecret'))
    expect(locked.code).toBe('VAULT_LOCKED')
    expect(locked.message).toBe(
      'The TOTP secret of the test user "tom" of "Pool" is in the vault, which is locked.',
    )
    expect(locked.hint).toMatch(/Unlock the vault/)
    afterRestart.unlockVault(PASSPHRASE)
    expect(afterRestart.userSecretOf('Pool', 'tom', 'password')).toBe(PASSWORD)
    expect(afterRestart.userSecretOf('Pool', 'tom', 'totpSecret')).toBe(TOTP)
  })

  it('moves secrets typed while the vault was locked into it when it is unlocked', () => {
    const dir = makeDataDir()
    openWorkspace(dir).createVault(PASSPHRASE)
    const workspace = openWorkspace(dir)
    workspace.saveProfile(poolProfile('Typed while locked', [tom()]))
    expect(workspace.getProfile('Typed while locked').users?.[0]?.totpSecret?.home).toBe('session')

    workspace.unlockVault(PASSPHRASE)

    expect(workspace.getProfile('Typed while locked').users?.[0]).toEqual({
      username: 'tom',
      password: { home: 'vault', available: true },
      totpSecret: { home: 'vault', available: true },
    })
    const later = openWorkspace(dir)
    later.unlockVault(PASSPHRASE)
    expect(later.userSecretOf('Typed while locked', 'tom', 'totpSecret')).toBe(TOTP)
  })

  it('says a session-only secret of an earlier session is gone, naming the user', () => {
    const dir = makeDataDir()
    openWorkspace(dir).saveProfile(poolProfile('S', [tom()]))

    const afterRestart = openWorkspace(dir)

    expect(afterRestart.getProfile('S').users?.[0]?.password).toEqual({
      home: 'session',
      available: false,
    })
    const gone = caught(() => afterRestart.userSecretOf('S', 'tom', 'password'))
    expect(gone.code).toBe('PROFILE_SECRET_UNAVAILABLE')
    expect(gone.message).toMatch(/^The password of the test user "tom" of "S" .*earlier session/)
  })
})

describe('exporting and importing test users', () => {
  const withTom = () => {
    const workspace = openWorkspace(makeDataDir(), { osCipher: fakeSafeStorage })
    workspace.saveProfile(poolProfile('Pool', [tom(), { username: 'alice' }]))
    return workspace
  }

  it('exports the user names without any secret when no passphrase is given', () => {
    const { content } = withTom().exportProfiles()

    expectNoPlantedSecret(content)
    const file = JSON.parse(content)
    expect(file.sealedWith).toBeUndefined()
    expect(file.profiles[0].users).toEqual([{ username: 'tom' }, { username: 'alice' }])

    const fresh = openWorkspace(makeDataDir())
    fresh.importProfiles(content)
    expect(fresh.getProfile('Pool').users).toEqual([{ username: 'tom' }, { username: 'alice' }])
  })

  it('round-trips them sealed with a passphrase, and needs it to import', () => {
    const { content } = withTom().exportProfiles(['Pool'], PASSPHRASE)
    expectNoPlantedSecret(content)
    expect(JSON.parse(content).profiles[0].users[0]).toEqual({
      username: 'tom',
      password: { iv: expect.any(String), data: expect.any(String), tag: expect.any(String) },
      totpSecret: { iv: expect.any(String), data: expect.any(String), tag: expect.any(String) },
    })

    const fresh = openWorkspace(makeDataDir())
    expect(caught(() => fresh.importProfiles(content)).code).toBe('VAULT_LOCKED')
    expect(fresh.importProfiles(content, PASSPHRASE)).toEqual({ imported: ['Pool'] })

    expect(fresh.getProfile('Pool').users).toEqual([
      {
        username: 'tom',
        password: { home: 'session', available: true },
        totpSecret: { home: 'session', available: true },
      },
      { username: 'alice' },
    ])
    expect(fresh.userSecretOf('Pool', 'tom', 'password')).toBe(PASSWORD)
    expect(fresh.userSecretOf('Pool', 'tom', 'totpSecret')).toBe(TOTP)
  })

  it('refuses a sealed user secret without "sealedWith", naming where it is', () => {
    const file = JSON.parse(withTom().exportProfiles(undefined, PASSPHRASE).content)
    delete file.sealedWith
    const target = openWorkspace(makeDataDir())

    const error = caught(() => target.importProfiles(JSON.stringify(file)))

    expect(error.code).toBe('IMPORT_INVALID')
    expect(error.message).toContain('profiles[0].users[0].password: A sealed secret needs')
    expect(target.listProfiles()).toEqual([])
  })

  it('refuses test users on a profile that is not a Cognito pool, in words', () => {
    const file = JSON.parse(withTom().exportProfiles().content)
    file.profiles[0].provider = { kind: 'issuer', issuer: 'https://login.example.com' }

    const error = caught(() => openWorkspace(makeDataDir()).importProfiles(JSON.stringify(file)))

    expect(error.code).toBe('IMPORT_INVALID')
    expect(error.message).toContain('profiles[0].users: Test users belong to a Cognito profile')
  })
})

describe('a test user as profiles.save takes it', () => {
  const problemsOf = (profile: object) => {
    const parsed = ProfileInput.safeParse(profile)
    return parsed.success ? '' : describeIssues(parsed.error)
  }

  it('takes users on a Cognito profile and refuses them on another, in words', () => {
    expect(problemsOf(poolProfile('P', [tom()]))).toBe('')
    expect(problemsOf(profileInput('O', { users: [{ username: 'tom' }] }))).toBe(
      'users: Test users belong to a Cognito profile (a user pool): remove them, or make the provider a Cognito user pool.',
    )
  })

  it('refuses a TOTP secret that is not base32, and two users of one name', () => {
    expect(problemsOf(poolProfile('P', [tom({ totpSecret: { set: 'not base32!' } })]))).toBe(
      'users[0].totpSecret.set: A TOTP secret is base32: the letters A-Z and the digits 2-7.',
    )
    expect(problemsOf(poolProfile('P', [tom(), { username: 'tom' }]))).toBe(
      'users[1].username: Two test users are named "tom": remove one.',
    )
  })
})
