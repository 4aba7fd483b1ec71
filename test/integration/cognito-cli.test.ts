import { TOTP } from 'otpauth'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  startCognitoSandbox,
  type CognitoSandbox,
} from '../../electron/core/sandbox/cognito/cognito-pool-server'
import { runCliInProcess } from '../helpers/run-cli-in-process'

let pool: CognitoSandbox

beforeAll(async () => {
  pool = await startCognitoSandbox({ port: 0 })
})
afterAll(async () => {
  await pool?.close()
})

const user = (name: string) =>
  pool.description.users.find((candidate) => candidate.username === name)!

async function afxCognito(
  username: string,
  password: string,
  answer?: (question: string) => Promise<string>,
) {
  const run = runCliInProcess(
    [
      'cognito',
      '--user-pool-id',
      pool.description.userPoolId,
      '--client-id',
      'afxsandboxpublicweb0000001',
      '--endpoint',
      pool.endpoint,
      '--username',
      username,
      '--password',
      password,
    ],
    answer ? { answer } : {},
  )
  const code = await run.exitCode
  return { code, stdout: run.stdout.join('\n'), stderr: run.stderr.join('\n') }
}

describe('afx cognito', () => {
  it('signs tom in by SRP, asking for his TOTP code on the terminal', async () => {
    const tom = user('tom')
    const questions: string[] = []
    const { code, stdout } = await afxCognito(tom.username, tom.password, async (question) => {
      questions.push(question)
      return new TOTP({ secret: tom.totpSecret! }).generate()
    })
    expect(code).toBe(0)
    expect(questions).toEqual(['The current code of the authenticator app: '])
    expect(stdout).toMatch(/^Cognito sign-in .*: succeeded/)
    expect(stdout).toContain('✓ Compute the password claim')
    expect(stdout).toMatch(/id_token: «secret:s\d+:\w+»/)
    expect(stdout).not.toContain(tom.password)
  })

  it('exits 1 with Cognito words for a wrong password', async () => {
    const { code, stdout } = await afxCognito('alice', 'not-her-password')
    expect(code).toBe(1)
    expect(stdout).toContain('Incorrect username or password.')
  })

  it('cancels the sign-in when nobody is there to answer a challenge', async () => {
    const sam = user('sam')
    const { code, stdout } = await afxCognito(sam.username, sam.password)
    expect(code).toBe(1)
    expect(stdout).toMatch(/: cancelled/)
  })

  it('says which option is wrong, as a usage error', async () => {
    const run = runCliInProcess([
      'cognito',
      '--user-pool-id',
      'nope',
      '--client-id',
      'x',
      '--username',
      'u',
      '--password',
      'p',
    ])
    expect(await run.exitCode).toBe(2)
    expect(run.stderr.join('\n')).toMatch(/--(user-pool-id|region): /)
  })
})
