// What the store tests share: a fresh data folder per test, a cheap scrypt cost, a frozen clock,
// a stand-in for Electron safeStorage, and a way to catch the AfxError a call throws.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach } from 'vitest'
import { AfxError } from '../../../electron/core/errors'
import type { ScryptCost } from '../../../electron/core/store/secret-vault'
import {
  type SecretCipher,
  Workspace,
  type WorkspaceOptions,
} from '../../../electron/core/store/workspace'
import type { ProfileInput } from '../../../shared/workspace-model'

/** Cheap enough for a fast suite; production uses STRONG_SCRYPT_COST. */
export const TEST_KDF_COST: ScryptCost = { N: 2 ** 10, r: 8, p: 1 }
export const FROZEN_NOW = Date.parse('2026-11-23T10:15:30.123Z')

const made: string[] = []
afterEach(() => {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true })
})

/** A new empty folder, removed after the test. */
export function makeDataDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'afx-store-'))
  made.push(dir)
  return dir
}

export function openWorkspace(dataDir: string, options: Partial<WorkspaceOptions> = {}): Workspace {
  return Workspace.open({ dataDir, now: () => FROZEN_NOW, kdfCost: TEST_KDF_COST, ...options })
}

export function workspaceFileOf(dataDir: string): string {
  return join(dataDir, 'workspace.json')
}

export function rawWorkspace(dataDir: string): string {
  return readFileSync(workspaceFileOf(dataDir), 'utf8')
}

/**
 * A stand-in for Electron safeStorage (which only exists inside Electron): reversible, and its
 * output does not contain the plain text, as the real one's does not.
 */
export function fakeSafeStorage(): SecretCipher {
  return {
    encrypt: (plain) => `fake-safe-storage:${Buffer.from(plain).reverse().toString('hex')}`,
    decrypt: (sealed) => {
      if (!sealed.startsWith('fake-safe-storage:')) throw new Error('not ours')
      return Buffer.from(sealed.slice('fake-safe-storage:'.length), 'hex').reverse().toString()
    },
  }
}

export function profileInput(name: string, overrides: Partial<ProfileInput> = {}): ProfileInput {
  return {
    name,
    preset: 'generic',
    provider: { kind: 'issuer', issuer: 'https://login.example.com' },
    clients: [{ clientId: 'web-app' }],
    ...overrides,
  }
}

/** The AfxError a call throws (the test fails if it throws something else, or nothing). */
export function caught(call: () => unknown): AfxError {
  try {
    call()
  } catch (error) {
    if (error instanceof AfxError) return error
    throw error
  }
  throw new Error('Expected an AfxError, but the call succeeded.')
}
