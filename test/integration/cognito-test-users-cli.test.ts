// A Cognito profile's test user from the terminal: `afx profiles add-user` keeps tom's password
// and TOTP secret in the vault (read from stdin), and `afx cognito srp --profile … --username tom`
// then signs him in by SRP, the TOTP code computed by the run, asking nothing and printing
// neither secret. Each command is its own engine on one data folder, as separate processes are.
import { mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  startCognitoSandbox,
  type CognitoSandbox,
} from '../../electron/core/sandbox/cognito/cognito-pool-server'
import { PUBLIC_WEB, sandboxPassword } from '../helpers/cognito-sandbox'
import { runCliInProcess } from '../helpers/run-cli-in-process'

const PASSPHRASE = 'terminal vault passphrase'
let pool: CognitoSandbox
beforeAll(async () => {
  pool = await startCognitoSandbox({ port: 0 })
})
afterAll(() => pool?.close())

// The setup file gives this test file its own data folder (AFX_DATA_DIR); a second one for the
// refusal below.
const afx = async (argv: string[], stdin = '') => {
  const run = runCliInProcess(argv, { stdin })
  const code = await run.exitCode
  return { code, stdout: run.stdout.join('\n'), stderr: run.stderr.join('\n') }
}

describe('afx profiles add-user', () => {
  it('keeps tom in the vault; afx cognito --profile then signs him in asking nothing', async () => {
    const tom = pool.description.users.find((user) => user.username === 'tom')!
    expect((await afx(['vault', 'create'], `${PASSPHRASE}\n`)).code).toBe(0)
    const added = await afx([
      'profiles',
      'add',
      'pool',
      '--cognito-pool',
      pool.description.userPoolId,
      '--endpoint',
      pool.endpoint,
      '--client-id',
      PUBLIC_WEB,
    ])
    expect(added.code).toBe(0)

    const user = await afx(
      [
        'profiles',
        'add-user',
        'pool',
        '--username',
        'tom',
        '--password-stdin',
        '--totp-secret-stdin',
        '--passphrase-stdin',
      ],
      `${PASSPHRASE}\n${sandboxPassword('tom')}\n${tom.totpSecret}\n`,
    )
    expect(user.code).toBe(0)
    expect(user.stdout).toBe(
      'Saved the test user "tom" of "pool". Its password and TOTP secret are kept in the passphrase vault.',
    )
    const file = readFileSync(join(process.env.AFX_DATA_DIR!, 'workspace.json'), 'utf8')
    expect(file).not.toContain(sandboxPassword('tom'))
    expect(file).not.toContain(tom.totpSecret)

    const signedIn = await afx(
      ['cognito', 'srp', '--profile', 'pool', '--username', 'tom', '--passphrase-stdin', '--json'],
      `${PASSPHRASE}\n`,
    )
    expect(signedIn.stderr).toBe('')
    expect(signedIn.code).toBe(0)
    const titles = (JSON.parse(signedIn.stdout) as { steps: { title: string }[] }).steps.map(
      (step) => step.title,
    )
    expect(titles).toContain('Compute the TOTP code from the secret')
    expect(signedIn.stdout).not.toContain(sandboxPassword('tom'))
    expect(signedIn.stdout).not.toContain(tom.totpSecret)
  })

  it('refuses a test user on a profile that is not a Cognito pool, in words', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'afx-users-cli-'))
    const oidc = await afx([
      'profiles',
      'add',
      'idp',
      '--issuer',
      'https://login.example.com',
      '--data-dir',
      dir,
    ])
    expect(oidc.code).toBe(0)
    const refused = await afx(
      ['profiles', 'add-user', 'idp', '--username', 'tom', '--password-stdin', '--data-dir', dir],
      'a-password\n',
    )
    expect(refused.code).toBe(2)
    expect(refused.stderr).toMatch(/^afx: users.*Cognito/)
  })
})
