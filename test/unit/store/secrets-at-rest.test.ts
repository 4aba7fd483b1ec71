import { readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { SecretCipher } from '../../../electron/core/store/workspace'
import {
  caught,
  fakeSafeStorage,
  makeDataDir,
  openWorkspace,
  profileInput,
  rawWorkspace,
  workspaceFileOf,
} from './temp-workspace'

const PLANTED = 'planted-Cl1ent-S3cret-value'
const PASSPHRASE = 'correct horse battery staple'

function withSecret(name: string, secret = PLANTED) {
  return profileInput(name, { clients: [{ clientId: 'confidential', secret: { set: secret } }] })
}

/** Every byte the workspace left in its folder, as text. */
function everythingOnDisk(dir: string): string {
  return readdirSync(dir)
    .map((file) => readFileSync(join(dir, file), 'utf8'))
    .join('\n')
}

describe('client secrets at rest', () => {
  it('never writes a planted secret in clear, in any of the three homes', () => {
    const keychain = makeDataDir()
    openWorkspace(keychain, { osCipher: fakeSafeStorage }).saveProfile(withSecret('K'))

    const vault = makeDataDir()
    const vaulted = openWorkspace(vault)
    vaulted.createVault(PASSPHRASE)
    vaulted.saveProfile(withSecret('V'))

    const session = makeDataDir()
    openWorkspace(session).saveProfile(withSecret('S'))

    const homes = [keychain, vault, session].map(
      (dir) => JSON.parse(rawWorkspace(dir)).profiles[0].clients[0].secret.home,
    )
    expect(homes).toEqual(['os-keychain', 'vault', 'session'])
    for (const dir of [keychain, vault, session]) {
      const onDisk = everythingOnDisk(dir)
      expect(onDisk).not.toContain(PLANTED)
      expect(onDisk).not.toContain(Buffer.from(PLANTED).toString('base64'))
      expect(onDisk).not.toContain(Buffer.from(PLANTED).toString('base64url'))
    }
  })

  it('seals with the OS keychain when the face has one, and reads it back', () => {
    const dir = makeDataDir()
    const workspace = openWorkspace(dir, { osCipher: fakeSafeStorage })

    const saved = workspace.saveProfile(withSecret('K'))

    expect(saved.clients[0]?.secret).toEqual({ home: 'os-keychain', available: true })
    expect(workspace.status().secretHome).toBe('os-keychain')
    expect(workspace.clientSecretOf('K', 'confidential')).toBe(PLANTED)
  })

  it('says a keychain secret is unavailable when the keychain is gone (browser mode, CLI)', () => {
    const dir = makeDataDir()
    let keychain: SecretCipher | undefined = fakeSafeStorage()
    const workspace = openWorkspace(dir, { osCipher: () => keychain })
    workspace.saveProfile(withSecret('K'))

    keychain = undefined

    expect(workspace.getProfile('K').clients[0]?.secret).toEqual({
      home: 'os-keychain',
      available: false,
    })
    const error = caught(() => workspace.clientSecretOf('K', 'confidential'))
    expect(error.code).toBe('PROFILE_SECRET_UNAVAILABLE')
    expect(error.message).not.toContain(PLANTED)
  })

  it('keeps a secret in memory only when nothing can seal it, and says so after a restart', () => {
    const dir = makeDataDir()
    const first = openWorkspace(dir)
    expect(first.status().secretHome).toBe('session')
    first.saveProfile(withSecret('S'))
    expect(first.clientSecretOf('S', 'confidential')).toBe(PLANTED)

    const afterRestart = openWorkspace(dir)

    expect(afterRestart.getProfile('S').clients[0]?.secret).toEqual({
      home: 'session',
      available: false,
    })
    const error = caught(() => afterRestart.clientSecretOf('S', 'confidential'))
    expect(error.code).toBe('PROFILE_SECRET_UNAVAILABLE')
    expect(error.message).toMatch(/earlier session/)
  })

  it('keeps a secret through a rename and an edit that leaves it out, and drops it when cleared', () => {
    const workspace = openWorkspace(makeDataDir())
    workspace.saveProfile(withSecret('Before'))

    workspace.saveProfile(
      profileInput('After', { clients: [{ clientId: 'confidential' }] }),
      'Before',
    )
    expect(workspace.clientSecretOf('After', 'confidential')).toBe(PLANTED)

    workspace.saveProfile(
      profileInput('After', { clients: [{ clientId: 'confidential', secret: { clear: true } }] }),
      'After',
    )
    expect(workspace.getProfile('After').clients[0]?.secret).toBeUndefined()
    expect(workspace.clientSecretOf('After', 'confidential')).toBeUndefined()
  })

  it('moves session-only secrets into a vault when one is created, and survives a restart', () => {
    const dir = makeDataDir()
    const workspace = openWorkspace(dir)
    workspace.saveProfile(withSecret('S'))

    expect(workspace.createVault(PASSPHRASE)).toMatchObject({
      vault: 'unlocked',
      secretHome: 'vault',
    })
    expect(workspace.getProfile('S').clients[0]?.secret).toEqual({ home: 'vault', available: true })
    expect(rawWorkspace(dir)).not.toContain(PLANTED)

    const afterRestart = openWorkspace(dir)
    expect(afterRestart.status()).toMatchObject({ vault: 'locked', secretHome: 'session' })
    expect(caught(() => afterRestart.clientSecretOf('S', 'confidential')).code).toBe('VAULT_LOCKED')
    afterRestart.unlockVault(PASSPHRASE)
    expect(afterRestart.clientSecretOf('S', 'confidential')).toBe(PLANTED)
    afterRestart.lockVault()
    expect(afterRestart.getProfile('S').clients[0]?.secret).toEqual({
      home: 'vault',
      available: false,
    })
  })

  it('moves session-only secrets into the vault when it is unlocked', () => {
    const dir = makeDataDir()
    openWorkspace(dir).createVault(PASSPHRASE)
    const workspace = openWorkspace(dir)
    workspace.saveProfile(withSecret('Typed while locked'))
    expect(workspace.getProfile('Typed while locked').clients[0]?.secret?.home).toBe('session')

    workspace.unlockVault(PASSPHRASE)

    expect(workspace.getProfile('Typed while locked').clients[0]?.secret?.home).toBe('vault')
    const later = openWorkspace(dir)
    later.unlockVault(PASSPHRASE)
    expect(later.clientSecretOf('Typed while locked', 'confidential')).toBe(PLANTED)
  })

  it('refuses a second vault, an unlock without one, and a wrong passphrase', () => {
    const dir = makeDataDir()
    const workspace = openWorkspace(dir)
    expect(caught(() => workspace.unlockVault(PASSPHRASE)).code).toBe('VAULT_ABSENT')
    workspace.createVault(PASSPHRASE)
    expect(caught(() => workspace.createVault('another passphrase')).code).toBe('VAULT_EXISTS')
    workspace.lockVault()

    const wrong = caught(() => workspace.unlockVault('Correct horse battery staple'))

    expect(wrong.code).toBe('VAULT_WRONG_PASSPHRASE')
    expect(wrong.message).not.toContain('Correct horse')
    expect(workspace.status().vault).toBe('locked')
  })

  it('tells a tampered vault secret from a wrong passphrase', () => {
    const dir = makeDataDir()
    const workspace = openWorkspace(dir)
    workspace.createVault(PASSPHRASE)
    workspace.saveProfile(withSecret('V'))
    const file = JSON.parse(rawWorkspace(dir))
    const sealed = file.profiles[0].clients[0].secret.sealed
    // One bit of the ciphertext flipped, as an edit or a bad disk would.
    const bytes = Buffer.from(sealed.data, 'base64url')
    bytes[0] = (bytes[0] ?? 0) ^ 1
    sealed.data = bytes.toString('base64url')
    writeFileSync(workspaceFileOf(dir), JSON.stringify(file))

    const reopened = openWorkspace(dir)
    reopened.unlockVault(PASSPHRASE)
    const error = caught(() => reopened.clientSecretOf('V', 'confidential'))

    expect(error.code).toBe('VAULT_TAMPERED')
  })
})
