// The faces a person or a script reaches the engine through, against requests and runs that must
// not get through (reference/security.md §7.11 #150, #152, #153 and §7.13 #174): the web host and
// the loopback listener refuse a missing or spoofed Host and a foreign Origin; `afx flow … --json`
// prints no token unless asked with --reveal.
import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises'
import { connect } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { EventBus } from '../../electron/core/event-bus'
import { LoopbackListener } from '../../electron/core/loopback/loopback-listener'
import { startWebHost, type WebHost } from '../../electron/hosts/web'
import {
  startHostileProvider,
  type HostileProvider,
} from '../fixtures/hostile-provider/hostile-provider'
import { isListening } from '../helpers/fault-provider'
import { followAutoApproval } from '../helpers/follow-auto-approval'
import { rawRequest } from '../helpers/raw-request'
import { runCliInProcess } from '../helpers/run-cli-in-process'
import { openSession } from '../helpers/start-web-host'
import { testImpl } from '../helpers/test-impl'

/** Sends `head` as the whole request (no Host unless it holds one) and returns the status line. */
function rawHttp(port: number, head: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1', () => socket.write(head))
    let answer = ''
    socket.on('data', (chunk: Buffer) => (answer += chunk.toString('utf8')))
    socket.on('end', () => resolve(answer))
    socket.on('close', () => resolve(answer))
    socket.on('error', reject)
  })
}
const statusOf = (answer: string) => Number(/^HTTP\/1\.[01] (\d{3})/.exec(answer)?.[1] ?? 0)

describe('the web host (§7.11)', () => {
  let host: WebHost
  let rendererDir: string
  let key: string
  const events = new EventBus()

  beforeAll(async () => {
    rendererDir = await mkdtemp(join(tmpdir(), 'afx-renderer-'))
    await writeFile(join(rendererDir, 'index.html'), '<!doctype html><title>afx</title>')
    host = await startWebHost({ impl: testImpl(), events, rendererDir })
    key = await openSession(new URL(host.url))
  })
  afterAll(async () => {
    await host.close()
    await rm(rendererDir, { recursive: true })
    expect(await isListening(host.port)).toBe(false)
  })

  it.each([
    ['no Host at all (HTTP/1.0)', 'HTTP/1.0', [], 421],
    ['no Host at all (HTTP/1.1, refused by the parser)', 'HTTP/1.1', [], 400],
    ['Host "127.0.0.1." with a trailing dot', 'HTTP/1.1', ['Host: 127.0.0.1.:PORT'], 421],
    ['Host "localhost." with a trailing dot', 'HTTP/1.1', ['Host: localhost.:PORT'], 421],
    ['Host "attacker.example"', 'HTTP/1.1', ['Host: attacker.example:PORT'], 421],
  ])('#150 %s: refused (%s → %i), even with the key', async (_label, version, lines, status) => {
    const head = [
      `POST /api/call/app.info ${version}`,
      ...lines.map((line) => line.replace('PORT', String(host.port))),
      `Authorization: Bearer ${key}`,
      'Content-Type: application/json',
      'Content-Length: 2',
      'Connection: close',
      '',
      '{}',
    ].join('\r\n')
    const answer = await rawHttp(host.port, head)
    expect(statusOf(answer)).toBe(status)
    expect(answer).not.toMatch(/"ok":true/)
  })

  it('#152 the event stream asked from a foreign Origin, with the key: 403, no event sent', async () => {
    const response = await rawRequest(`http://127.0.0.1:${host.port}/api/events`, {
      headers: { Authorization: `Bearer ${key}`, Origin: 'https://evil.example' },
    })
    expect(response.status).toBe(403)
    expect(JSON.parse(response.body).error.code).toBe('WEB_FORBIDDEN_ORIGIN')
    expect(response.body).not.toContain('event:')
  })
})

describe('the loopback listener (§7.13)', () => {
  it.each(['localhost.', '127.0.0.1.'])(
    '#174 Host "%s" (a trailing dot): refused as a foreign host, the state not consumed',
    async (name) => {
      const listener = await LoopbackListener.open({ host: '127.0.0.1', port: 0 })
      try {
        const state = 'state-174-abcdefghijklmnopqrstuvwxyz0123456789'
        const arriving = listener.expect(state)
        const url = `${listener.redirectUri}?code=c&state=${state}`
        const spoofed = await rawRequest(url, { headers: { Host: `${name}:${listener.port}` } })
        expect([400, 421]).toContain(spoofed.status)
        expect(listener.strays.at(-1)?.reason).toBe('foreign-host')
        // The real callback still lands: the spoofed one consumed nothing.
        await fetch(url)
        expect((await arriving).params.code).toBe('c')
      } finally {
        await listener.close()
      }
      expect(await isListening(listener.port)).toBe(false)
    },
  )
})

describe('afx flow code --json (§7.11)', () => {
  let provider: HostileProvider
  let dataDir: string
  beforeAll(async () => {
    provider = await startHostileProvider()
    dataDir = await mkdtemp(join(tmpdir(), 'afx-cli-json-'))
  })
  afterAll(async () => {
    await provider.close()
    await rm(dataDir, { recursive: true, force: true })
  })

  /** Runs the CLI's code flow, playing the provider's instant approval once it prints the URL. */
  async function codeFlow(extra: string[]) {
    const issuedBefore = provider.issued.length
    const cli = runCliInProcess([
      'flow',
      'code',
      '--issuer',
      provider.issuer,
      '--client-id',
      'hostile-rp',
      '--browser',
      'none',
      '--data-dir',
      dataDir,
      '--json',
      ...extra,
    ])
    const prefix = 'Open this URL to sign in: '
    for (let waited = 0; waited < 10_000; waited += 20) {
      const line = cli.stderr.find((candidate) => candidate.startsWith(prefix))
      if (line !== undefined) {
        await followAutoApproval(line.slice(prefix.length))
        break
      }
      await new Promise((resolve) => setTimeout(resolve, 20))
    }
    const exitCode = await cli.exitCode
    return {
      exitCode,
      output: [...cli.stdout, ...cli.stderr].join('\n'),
      json: JSON.parse(cli.stdout.join('\n')) as { status: string },
      issued: provider.issued.slice(issuedBefore),
    }
  }

  it('#153 after a full flow: exit 0, JSON, and no code or token the provider issued', async () => {
    const { exitCode, output, json, issued } = await codeFlow([])

    expect(exitCode).toBe(0)
    expect(json.status).toBe('succeeded')
    expect(issued.length).toBeGreaterThanOrEqual(3) // the code, the access token, the ID token
    for (const value of issued) expect(output).not.toContain(value)
    expect(output).not.toMatch(/eyJ[\w-]+\.eyJ[\w-]+/)
  })

  it('#153 … while --reveal prints the tokens (so the check above can fail)', async () => {
    const { exitCode, output, issued } = await codeFlow(['--reveal'])

    expect(exitCode).toBe(0)
    expect(issued.some((value) => output.includes(value))).toBe(true)
  })

  it('has written the finished runs to history, and no issued value, by the time it exits', async () => {
    const { issued } = await codeFlow([])
    const files = await readdir(join(dataDir, 'history'))
    expect(files.length).toBeGreaterThanOrEqual(1)
    for (const file of files) {
      const saved = await readFile(join(dataDir, 'history', file), 'utf8')
      for (const value of issued) expect(saved).not.toContain(value)
    }
  })
})
