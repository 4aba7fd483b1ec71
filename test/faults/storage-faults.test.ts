// The workspace on disk through the engine every face builds (reference/security.md §7.9 #132,
// #134 and §7.13 #173): files only their owner can read, an old file whose migration is refused
// kept byte for byte, and names full of dots stored and read back whole.
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { createCore, type Core } from '../../electron/core/create-core'
import { dispatchCall } from '../../electron/core/dispatch-call'
import type { MethodName } from '../../shared/contract-names'
import type { Profile } from '../../shared/workspace-model'
import { CANARY, expectPlainWords } from '../helpers/fault-oracle'
import { isListening, sendJson, startFaultProvider } from '../helpers/fault-provider'

const dirs: string[] = []
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true })
})
const newDataDir = () => {
  const dir = mkdtempSync(join(tmpdir(), 'afx-storage-fault-'))
  dirs.push(dir)
  return dir
}

/** The engine as a face builds it on `dataDir`, with no OS keychain (secrets stay in memory). */
const coreOn = (dataDir: string): Core =>
  createCore({
    face: 'web',
    dataDir,
    canEncryptSecrets: () => false,
    openBrowser: () => {
      throw new Error('no browser in storage tests')
    },
    sandboxPorts: { oidcPort: 0, cognitoPort: 0 },
  })

/** A contract call as every face makes it: the input checked, the answer an envelope. */
async function call<T>(core: Core, method: MethodName, input: unknown): Promise<T> {
  const result = await dispatchCall(core.impl, method, input)
  if (!result.ok) throw new Error(`${method}: ${result.error.code} ${result.error.message}`)
  return result.value as T
}

const modeOf = (path: string) => statSync(path).mode & 0o777

describe('files at rest (§7.9)', () => {
  it('#134 workspace.json and each run kept in history are readable by their owner only (0600)', async () => {
    const dataDir = newDataDir()
    const core = coreOn(dataDir)
    await call(core, 'profiles.save', {
      profile: {
        name: 'Mode check',
        preset: 'generic',
        provider: { kind: 'issuer', issuer: 'https://login.example.com' },
        clients: [{ clientId: 'web-app' }],
      },
    })
    const provider = await startFaultProvider()
    try {
      const run = await core.runs.start({
        flow: 'client_credentials',
        provider: { issuer: provider.issuer },
        client: { clientId: CANARY.clientId, clientSecret: CANARY.clientSecret },
        mode: 'auto',
      }).done
      expect(run.status).toBe('succeeded')
      await core.history.flush()
    } finally {
      await provider.close()
    }

    // With the usual umask 022, a file created with Node's default mode would be 0644.
    expect(modeOf(join(dataDir, 'workspace.json'))).toBe(0o600)
    const kept = readdirSync(join(dataDir, 'history')).filter((name) => name.endsWith('.json'))
    expect(kept.length).toBeGreaterThan(0)
    for (const name of kept) expect(modeOf(join(dataDir, 'history', name))).toBe(0o600)
    expect(await isListening(provider.port)).toBe(false)
  })

  it('#132 an old file whose migration the schema refuses: kept aside byte for byte, both paths named, no secret in the words', async () => {
    const dataDir = newDataDir()
    const original = JSON.stringify({
      profiles: { Okta: { issuer: 5, clientId: 'app', clientSecret: CANARY.clientSecret } },
    })
    writeFileSync(join(dataDir, 'workspace.json'), original)

    const core = coreOn(dataDir)
    const status = await call<{ problems: { file: string; keptAs?: string; message: string }[] }>(
      core,
      'workspace.status',
      {},
    )

    expect(status.problems).toHaveLength(1)
    const [problem] = status.problems
    expect(problem?.file).toBe(join(dataDir, 'workspace.json'))
    expect(problem?.keptAs).toMatch(/workspace\.corrupt-[\dTZ-]+\.json$/)
    expect(problem?.message).toContain('profiles[0].provider.issuer')
    expect(problem?.message).toContain(problem!.keptAs!.split('/').at(-1))
    expectPlainWords(problem!.message)
    expect(readFileSync(problem!.keptAs!, 'utf8')).toBe(original)
    // The app starts (empty) and a save later leaves the kept original alone.
    await call(core, 'profiles.save', {
      profile: {
        name: 'After',
        preset: 'generic',
        provider: { kind: 'issuer', issuer: 'https://login.example.com' },
        clients: [{ clientId: 'web-app' }],
      },
    })
    expect(readFileSync(problem!.keptAs!, 'utf8')).toBe(original)
  })
})

describe('natural keys with dots (§7.13)', () => {
  const NAME = 'login.example.com (v1.2)'
  const CLIENT_ID = 'app.client.v1'

  it('#173 a profile named with dots, a client id with dots: stored, read back after a restart, and its secret used by a run', async () => {
    const dataDir = newDataDir()
    let basicSeen = ''
    const provider = await startFaultProvider({
      'POST /token': (req, res) => {
        basicSeen = String(req.headers.authorization ?? '')
        req.resume()
        sendJson(res, { access_token: 'at', token_type: 'Bearer', expires_in: 60 })
      },
    })
    try {
      const core = coreOn(dataDir)
      await call(core, 'profiles.save', {
        profile: {
          name: NAME,
          preset: 'generic',
          provider: { kind: 'issuer', issuer: `${provider.issuer}/realms/a.b.c` },
          clients: [{ clientId: CLIENT_ID, secret: { set: CANARY.clientSecret } }],
        },
      })

      const run = await core.runs.start({
        flow: 'client_credentials',
        profile: NAME,
        provider: { issuer: provider.issuer },
        client: { clientId: CLIENT_ID },
        mode: 'auto',
      }).done
      expect(run.status).toBe('succeeded')
      const [id, secret] = Buffer.from(basicSeen.replace(/^Basic /, ''), 'base64')
        .toString('utf8')
        .split(':')
        .map(decodeURIComponent)
      expect([id, secret]).toEqual([CLIENT_ID, CANARY.clientSecret])

      const raw = JSON.parse(readFileSync(join(dataDir, 'workspace.json'), 'utf8')) as {
        profiles: { name: string; clients: { clientId: string }[] }[]
      }
      expect(raw.profiles.map((profile) => profile.name)).toEqual([NAME])
      expect(raw.profiles[0]?.clients.map((client) => client.clientId)).toEqual([CLIENT_ID])

      const reopened = await call<Profile[]>(coreOn(dataDir), 'profiles.list', {})
      expect(reopened).toHaveLength(1)
      expect(reopened[0]).toMatchObject({
        name: NAME,
        provider: { kind: 'issuer', issuer: `${provider.issuer}/realms/a.b.c` },
        clients: [{ clientId: CLIENT_ID }],
      })
    } finally {
      await provider.close()
    }
  })
})
