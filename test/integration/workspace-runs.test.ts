// The workspace end to end through the contract, against the sandbox provider: a profile keeps a
// client secret the renderer never sees, a run started from it succeeds, history survives a
// restart of the engine on the same data folder, and replay works before and after the restart.
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createCore, type Core } from '../../electron/core/create-core'
import { startOidcSandbox, type OidcSandbox } from '../../electron/core/sandbox/oidc/oidc-sandbox'
import type { Run } from '../../shared/run-model'
import { runCliInProcess } from '../helpers/run-cli-in-process'

const SERVICE = 'afx-service'
let sandbox: OidcSandbox
let serviceSecret: string

beforeAll(async () => {
  sandbox = await startOidcSandbox({ port: 0 })
  serviceSecret = String(
    sandbox.description.clients.find((client) => client.client_id === SERVICE)?.client_secret,
  )
})
afterAll(() => sandbox.close())

const coreOn = (dataDir: string): Core =>
  createCore({
    face: 'web',
    dataDir,
    canEncryptSecrets: () => false,
    openBrowser: () => undefined,
    sandboxPorts: { oidcPort: 0, cognitoPort: 0 },
  })

async function finished(core: Core, run: Run): Promise<Run> {
  for (;;) {
    const now = core.runs.get(run.id)
    if (now.status !== 'running') return now
    await new Promise((resolve) => setTimeout(resolve, 20))
  }
}

describe('profiles, history and replay through the contract', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'afx-workspace-'))
  let first: Core
  let firstRun: Run

  it('runs client credentials from a profile whose secret the caller never passes', async () => {
    first = coreOn(dataDir)
    const saved = await first.impl['profiles.save']({
      profile: {
        name: 'Sandbox service',
        preset: 'sandbox',
        provider: { kind: 'issuer', issuer: sandbox.issuer },
        clients: [
          {
            clientId: SERVICE,
            authMethod: 'client_secret_basic',
            secret: { set: serviceSecret },
          },
        ],
      },
    })
    // No keychain and no vault here: the secret lives in this session's memory, and says so.
    expect(saved.clients[0]?.secret).toEqual({ home: 'session', available: true })
    expect(JSON.stringify(saved)).not.toContain(serviceSecret)

    const started = await first.impl['runs.start']({
      flow: 'client_credentials',
      profile: 'Sandbox service',
      provider: { issuer: sandbox.issuer },
      client: { clientId: SERVICE, authMethod: 'client_secret_basic' },
      mode: 'auto',
    })
    firstRun = await finished(first, started)
    expect(firstRun.status).toBe('succeeded')
    expect(firstRun.profile).toBe('Sandbox service')
    await first.history.flush()
  })

  it('keeps the finished run on disk without the secret or any token value', async () => {
    const files = readdirSync(join(dataDir, 'history'))
    expect(files).toEqual([`${firstRun.id}.json`])
    const text = readFileSync(join(dataDir, 'history', files[0] ?? ''), 'utf8')
    const token = first.runs.revealSecret(firstRun.id, markerIdOf(firstRun, 'access_token'))
    expect(text).not.toContain(serviceSecret)
    expect(text).not.toContain(token)
    for (const file of readdirSync(dataDir).filter((name) => name.endsWith('.json'))) {
      expect(readFileSync(join(dataDir, file), 'utf8')).not.toContain(serviceSecret)
    }
  })

  it('replays a live run with the same secret and gets a fresh token', async () => {
    const again = await finished(first, await first.impl['runs.replay']({ runId: firstRun.id }))
    expect(again.status).toBe('succeeded')
    expect(again.id).not.toBe(firstRun.id)
    expect(again.title).toBe(firstRun.title)
  })

  it('after a restart, finds the run in history by search and reopens it as it was', async () => {
    await first.history.flush()
    const second = coreOn(dataDir)
    const found = await second.impl['runs.list']({ query: 'afx-service succeeded' })
    expect(found.map((run) => run.id)).toContain(firstRun.id)
    expect(await second.impl['runs.list']({ query: 'no-such-thing' })).toEqual([])
    const reopened = await second.impl['runs.get']({ runId: firstRun.id })
    expect(reopened.origin).toBe('saved')
    expect(reopened.steps).toEqual(firstRun.steps)
    await expect(
      second.impl['runs.revealSecret']({
        runId: firstRun.id,
        secretId: markerIdOf(firstRun, 'access_token'),
      }),
    ).rejects.toThrow(/never written to disk/)
    // The profile outlived the session; its session-only secret did not, and says so.
    const [profile] = await second.impl['profiles.list']({})
    expect(profile?.clients[0]?.secret).toEqual({ home: 'session', available: false })
    await expect(second.impl['runs.replay']({ runId: firstRun.id })).rejects.toThrow(
      /Sandbox service|secret|earlier session/i,
    )
  })

  it('after a restart with the vault, replays from the profile the secret it keeps', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'afx-workspace-vault-'))
    const one = coreOn(dir)
    await one.impl['vault.create']({ passphrase: 'correct horse battery' })
    await one.impl['profiles.save']({
      profile: {
        name: 'Vaulted',
        preset: 'sandbox',
        provider: { kind: 'issuer', issuer: sandbox.issuer },
        clients: [{ clientId: SERVICE, secret: { set: serviceSecret } }],
      },
    })
    const run = await finished(
      one,
      await one.impl['runs.start']({
        flow: 'client_credentials',
        profile: 'Vaulted',
        provider: { issuer: sandbox.issuer },
        client: { clientId: SERVICE },
        mode: 'auto',
      }),
    )
    await one.history.flush()

    const two = coreOn(dir)
    await expect(two.impl['runs.replay']({ runId: run.id })).rejects.toThrow(/locked/i)
    await two.impl['vault.unlock']({ passphrase: 'correct horse battery' })
    const replayed = await finished(two, await two.impl['runs.replay']({ runId: run.id }))
    expect(replayed.status).toBe('succeeded')
  })
})

describe('afx profiles and --profile', () => {
  it('adds a profile with its secret from stdin and runs a flow from it', async () => {
    const add = runCliInProcess(
      [
        'profiles',
        'add',
        'svc',
        '--issuer',
        sandbox.issuer,
        '--client-id',
        SERVICE,
        '--client-secret-stdin',
      ],
      { stdin: `${serviceSecret}\n` },
    )
    expect(await add.exitCode).toBe(0)
    expect(add.stdout.join('\n')).toMatch(
      /Saved profile "svc"\. Its secret is kept for this session only/,
    )
    // Each afx command is its own process here: a session-only secret is gone for the next one,
    // and the flow says which option to give instead.
    const flow = runCliInProcess(['flow', 'client-credentials', '--profile', 'svc'])
    expect(await flow.exitCode).toBe(1)
    expect(flow.stderr.join('\n')).toMatch(/svc|secret/i)
    const withSecret = runCliInProcess([
      'flow',
      'client-credentials',
      '--profile',
      'svc',
      '--client-secret',
      serviceSecret,
    ])
    expect(await withSecret.exitCode).toBe(0)
    expect(withSecret.stdout.join('\n')).toMatch(/succeeded/)
  })

  it('keeps a secret in the vault between commands, unlocked by a passphrase on stdin', async () => {
    const create = runCliInProcess(['vault', 'create'], { stdin: 'terminal passphrase\n' })
    expect(await create.exitCode).toBe(0)
    const add = runCliInProcess(
      [
        'profiles',
        'add',
        'vaulted',
        '--issuer',
        sandbox.issuer,
        '--client-id',
        SERVICE,
        '--client-secret-stdin',
        '--passphrase-stdin',
      ],
      { stdin: `terminal passphrase\n${serviceSecret}\n` },
    )
    expect(await add.exitCode).toBe(0)
    expect(add.stdout.join('\n')).toMatch(/Its secret is kept in the passphrase vault/)
    const locked = runCliInProcess(['flow', 'client-credentials', '--profile', 'vaulted'])
    expect(await locked.exitCode).toBe(1)
    expect(locked.stderr.join('\n')).toMatch(/locked/i)
    const wrong = runCliInProcess(
      ['flow', 'client-credentials', '--profile', 'vaulted', '--passphrase-stdin'],
      {
        stdin: 'not it at all\n',
      },
    )
    expect(await wrong.exitCode).toBe(1)
    expect(wrong.stderr.join('\n')).toMatch(/passphrase/i)
    const unlocked = runCliInProcess(
      ['flow', 'client-credentials', '--profile', 'vaulted', '--passphrase-stdin'],
      { stdin: 'terminal passphrase\n' },
    )
    expect(await unlocked.exitCode).toBe(0)
    expect(unlocked.stdout.join('\n')).toMatch(/succeeded/)
  })

  it('lists, shows, exports without secrets, and refuses an unknown profile in words', async () => {
    const list = runCliInProcess(['profiles', 'list'])
    expect(await list.exitCode).toBe(0)
    expect(list.stdout.join('\n')).toContain(`svc\t${sandbox.issuer}`)
    const exported = runCliInProcess(['profiles', 'export'])
    expect(await exported.exitCode).toBe(0)
    expect(JSON.parse(exported.stdout.join('\n')).profiles[0].name).toBe('svc')
    expect(exported.stdout.join('\n')).not.toContain(serviceSecret)
    const unknown = runCliInProcess(['flow', 'client-credentials', '--profile', 'nope'])
    expect(await unknown.exitCode).toBe(1)
    expect(unknown.stderr.join('\n')).toMatch(/nope/)
  })
})

function markerIdOf(run: Run, name: string): string {
  const value = run.tokens.find((token) => token.name === name)?.value ?? ''
  return /«secret:(s\d+):/.exec(value)?.[1] ?? 'missing'
}
