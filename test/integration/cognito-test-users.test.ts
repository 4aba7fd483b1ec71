// A Cognito profile's test user, end to end through the contract against the sandbox pool: a run
// that names only the profile and the user signs tom in by SRP, its TOTP code computed from the
// secret the profile keeps, asking nothing; neither secret shows in the run, its events, its
// history or the workspace file. A locked vault says so in words, and a replay after a restart
// takes both secrets from the profile again.
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createCore, type Core } from '../../electron/core/create-core'
import { dispatchCall } from '../../electron/core/dispatch-call'
import {
  startCognitoSandbox,
  type CognitoSandbox,
} from '../../electron/core/sandbox/cognito/cognito-pool-server'
import type { MethodName } from '../../shared/contract-names'
import type { Result } from '../../shared/result'
import type { Run } from '../../shared/run-model'
import { PUBLIC_WEB, sandboxPassword } from '../helpers/cognito-sandbox'
import { waitForRun } from '../helpers/run-events'

const PROFILE = 'Sandbox pool'
const PASSPHRASE = 'correct horse battery'
let sandbox: CognitoSandbox
const dataDirs: string[] = []

beforeAll(async () => {
  sandbox = await startCognitoSandbox({ port: 0 })
})
afterAll(async () => {
  await sandbox?.close()
  for (const dir of dataDirs) rmSync(dir, { recursive: true, force: true })
})

/** A data folder of its own for one engine (and its restart), removed after the file. */
const freshDataDir = () => {
  const dir = mkdtempSync(join(tmpdir(), 'afx-test-users-'))
  dataDirs.push(dir)
  return dir
}

/** tom's password, and the TOTP secret the sandbox publishes for him. */
const tomPassword = sandboxPassword('tom')
const tomTotpSecret = () => {
  const secret = sandbox.description.users.find((user) => user.username === 'tom')?.totpSecret
  if (!secret) throw new Error('the sandbox publishes no TOTP secret for tom')
  return secret
}

const coreOn = (dataDir: string): Core =>
  createCore({
    face: 'web',
    dataDir,
    canEncryptSecrets: () => false,
    openBrowser: () => undefined,
    sandboxPorts: { oidcPort: 0, cognitoPort: 0 },
  })

/** A contract call as any face makes it: the input checked at the door, errors as words. */
const call = (core: Core, method: MethodName, input: unknown): Promise<Result<unknown>> =>
  dispatchCall(core.impl, method, input)

async function saveTomProfile(core: Core): Promise<void> {
  const saved = await call(core, 'profiles.save', {
    profile: {
      name: PROFILE,
      preset: 'cognito',
      provider: {
        kind: 'cognito',
        region: sandbox.description.region,
        userPoolId: sandbox.description.userPoolId,
        endpoint: sandbox.endpoint,
      },
      clients: [{ clientId: PUBLIC_WEB }],
      users: [
        { username: 'tom', password: { set: tomPassword }, totpSecret: { set: tomTotpSecret() } },
      ],
    },
  })
  expect(saved.ok).toBe(true)
}

/** The sign-in as a flow form sends it for a saved user: the pool, the client, the name. */
const tomFromProfile = () => ({
  flow: 'cognito',
  profile: PROFILE,
  region: sandbox.description.region,
  userPoolId: sandbox.description.userPoolId,
  endpoint: sandbox.endpoint,
  clientId: PUBLIC_WEB,
  username: 'tom',
})

async function finished(core: Core, result: Result<unknown>): Promise<Run> {
  if (!result.ok) throw new Error(`the run did not start: ${result.error.message}`)
  const started = result.value as Run
  return waitForRun(core, started.id, (run) => run.status !== 'running' && run.status !== 'waiting')
}

/** Waits until the finished run is in history, and on disk. */
async function keptInHistory(core: Core, run: Run): Promise<void> {
  while (core.history.get(run.id) === undefined) {
    await new Promise((resolve) => setTimeout(resolve, 10))
  }
  await core.history.flush()
}

const stepsOf = (run: Run) => run.steps.map((step) => `${step.kind}: ${step.title}`)

function expectNoSecretIn(text: string): void {
  expect(text).not.toContain(tomPassword)
  expect(text).not.toContain(tomTotpSecret())
}

describe('a test user kept with a Cognito profile', () => {
  it('signs tom in by SRP with the TOTP code the run computes, asking nothing, showing no secret', async () => {
    const dataDir = freshDataDir()
    const core = coreOn(dataDir)
    const events: string[] = []
    core.events.subscribe((event, payload) => {
      if (event === 'run.updated') events.push(JSON.stringify(payload))
    })
    await saveTomProfile(core)
    const listed = await call(core, 'profiles.list', {})
    expect(JSON.stringify(listed)).toContain('"username":"tom"')
    expectNoSecretIn(JSON.stringify(listed))

    const run = await finished(core, await call(core, 'runs.start', tomFromProfile()))

    expect(run.status).toBe('succeeded')
    expect(run.title).toBe('Cognito sign-in (USER_SRP_AUTH, tom)')
    const steps = stepsOf(run)
    expect(steps).toContain(
      'http: InitiateAuth (USER_SRP_AUTH): the user name and SRP_A, no password',
    )
    expect(steps).toContain('compute: Compute the TOTP code from the secret')
    expect(steps).toContain('http: RespondToAuthChallenge (SOFTWARE_TOKEN_MFA): the code')
    expect(run.steps.some((step) => step.kind === 'input')).toBe(false)

    const record = core.runs.record(run.id)
    expect(record.input).toMatchObject({
      password: expect.stringMatching(/^«secret:s\d+:password»$/),
      totpSecret: expect.stringMatching(/^«secret:s\d+:totp_secret»$/),
    })
    await keptInHistory(core, run)
    const history = readdirSync(join(dataDir, 'history')).map((file) =>
      readFileSync(join(dataDir, 'history', file), 'utf8'),
    )
    expect(history).toHaveLength(1)
    for (const text of [JSON.stringify(run), JSON.stringify(record), ...events, ...history]) {
      expectNoSecretIn(text)
    }
    expectNoSecretIn(readFileSync(join(dataDir, 'workspace.json'), 'utf8'))
  })

  it('says in words that the vault is locked, and replays after a restart from the profile', async () => {
    const dataDir = freshDataDir()
    const first = coreOn(dataDir)
    expect((await call(first, 'vault.create', { passphrase: PASSPHRASE })).ok).toBe(true)
    await saveTomProfile(first)
    await call(first, 'vault.lock', {})

    const locked = await call(first, 'runs.start', tomFromProfile())

    expect(locked).toEqual({
      ok: false,
      error: {
        code: 'VAULT_LOCKED',
        message: `The password of the test user "tom" of "${PROFILE}" is in the vault, which is locked.`,
        hint: 'Unlock the vault with its passphrase, then try again.',
      },
    })
    await call(first, 'vault.unlock', { passphrase: PASSPHRASE })
    const run = await finished(first, await call(first, 'runs.start', tomFromProfile()))
    expect(run.status).toBe('succeeded')
    await keptInHistory(first, run)

    // A restart: the run's own copies of the secrets are gone; the profile still keeps them.
    const second = coreOn(dataDir)
    const stillLocked = await call(second, 'runs.replay', { runId: run.id })
    expect(stillLocked).toMatchObject({ ok: false, error: { code: 'VAULT_LOCKED' } })
    await call(second, 'vault.unlock', { passphrase: PASSPHRASE })
    const replayed = await finished(second, await call(second, 'runs.replay', { runId: run.id }))

    expect(replayed.status).toBe('succeeded')
    expect(stepsOf(replayed)).toContain('compute: Compute the TOTP code from the secret')
    expect(replayed.steps.some((step) => step.kind === 'input')).toBe(false)
  })

  it('refuses in words a sign-in for a user the profile does not keep, sending nothing', async () => {
    const core = coreOn(freshDataDir())
    await saveTomProfile(core)

    const refused = await call(core, 'runs.start', { ...tomFromProfile(), username: 'alice' })

    expect(refused).toEqual({
      ok: false,
      error: {
        code: 'RUN_INPUT_MISSING',
        message: `USER_SRP_AUTH needs the password, and the profile "${PROFILE}" keeps none for the user "alice".`,
        hint: 'Give the password, or add "alice" with the password to the profile\'s test users.',
      },
    })
    expect(await call(core, 'runs.list', {})).toEqual({ ok: true, value: [] })
  })
})
