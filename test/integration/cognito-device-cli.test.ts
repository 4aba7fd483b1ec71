// Remembered devices and rotation from the terminal: `afx cognito srp --remember-device FILE`
// keeps tom's new device (readable by him only), `--device FILE` signs him in again with no TOTP
// code asked, a malformed device file is a usage error in words, and `afx cognito refresh
// --refresh-with GetTokensFromRefreshToken` rotates the rotating client's refresh token.
import { mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  startCognitoSandbox,
  type CognitoSandbox,
} from '../../electron/core/sandbox/cognito/cognito-pool-server'
import type { Run } from '../../shared/run-model'
import { ROTATING } from '../helpers/cognito-sandbox'
import { afxAgainstPool } from '../helpers/cognito-cli'

const PUBLIC_WEB = 'afxsandboxpublicweb0000001'

let pool: CognitoSandbox
beforeAll(async () => {
  pool = await startCognitoSandbox({ port: 0 })
})
afterAll(() => pool?.close())

const dir = mkdtempSync(join(tmpdir(), 'afx-device-'))
const tomSecret = () => pool.description.users.find((u) => u.username === 'tom')!.totpSecret!

const afx = (args: string[], clientId = PUBLIC_WEB) =>
  afxAgainstPool(pool, ['cognito', ...args], { clientId })

describe('afx cognito --remember-device / --device', () => {
  it('keeps the device in a file of its owner, and signs in with it without a TOTP code', async () => {
    const file = join(dir, 'tom-device.json')
    const first = await afx([
      'srp',
      '--username',
      'tom',
      '--password',
      'Sandbox-tom-1',
      '--totp-secret',
      tomSecret(),
      '--remember-device',
      file,
    ])
    expect(first.code).toBe(0)
    expect(first.stderr).toContain(`Kept the remembered device in ${file} (for --device).`)
    expect(statSync(file).mode & 0o777).toBe(0o600)
    const device = JSON.parse(readFileSync(file, 'utf8')) as Record<string, string>
    expect(device).toEqual({
      deviceKey: expect.stringMatching(/^us-east-1_[0-9a-f-]{36}$/),
      deviceGroupKey: expect.any(String),
      devicePassword: expect.any(String),
    })
    // The device password is in the file, never on the terminal.
    expect(first.stdout).not.toContain(device.devicePassword)

    const again = await afx([
      'srp',
      '--username',
      'tom',
      '--password',
      'Sandbox-tom-1',
      '--device',
      file,
      '--json',
    ])
    expect(again.code).toBe(0)
    const run = JSON.parse(again.stdout) as Run
    const titles = run.steps.map((step) => step.title).join('\n')
    expect(titles).toContain('DEVICE_PASSWORD_VERIFIER')
    expect(titles).not.toContain('SOFTWARE_TOKEN_MFA')
    expect(again.stdout).not.toContain(device.devicePassword)
  })

  it('refuses a device file that is not one, in words', async () => {
    const file = join(dir, 'not-a-device.json')
    writeFileSync(file, '{"deviceKey":"nope"}')
    const bad = await afx(['srp', '--username', 'tom', '--password', 'p', '--device', file])
    expect(bad.code).toBe(2)
    expect(bad.stderr).toMatch(
      /--device: deviceKey: A device key looks like us-east-1_ followed by a UUID\./,
    )

    const missing = await afx([
      'srp',
      '--username',
      'tom',
      '--password',
      'p',
      '--device',
      join(dir, 'none'),
    ])
    expect(missing.code).toBe(2)
    expect(missing.stderr).toContain('--device: cannot read the file')
  })
})

describe('afx cognito refresh --refresh-with GetTokensFromRefreshToken', () => {
  it('rotates the refresh token of the rotating client', async () => {
    const signedIn = await afx(
      ['password', '--username', 'alice', '--password', 'Sandbox-alice-1', '--json', '--reveal'],
      ROTATING,
    )
    const refreshToken = (JSON.parse(signedIn.stdout) as Run).tokens.find(
      (token) => token.name === 'refresh_token',
    )!.value

    const refreshed = await afx(
      ['refresh', '--refresh-token', refreshToken, '--refresh-with', 'GetTokensFromRefreshToken'],
      ROTATING,
    )
    expect(refreshed.code).toBe(0)
    expect(refreshed.stdout).toContain('A new refresh token came back')

    const refused = await afx(
      ['refresh', '--refresh-token', refreshToken, '--refresh-with', 'Rotate'],
      ROTATING,
    )
    expect(refused.code).toBe(2)
    expect(refused.stderr).toMatch(
      /^afx: --refresh-with: Refresh with InitiateAuth or GetTokensFromRefreshToken\./,
    )
  })
})
