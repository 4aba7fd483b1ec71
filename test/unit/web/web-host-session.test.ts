import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeAll, afterAll, describe, expect, it } from 'vitest'
import { EventBus } from '../../../electron/core/event-bus'
import { startWebHost, type WebHost } from '../../../electron/hosts/web'
import { BOOTSTRAP_CODE_TTL_MS } from '../../../electron/hosts/web/session-keys'
import { rawRequest } from '../../helpers/raw-request'
import { testImpl } from '../../helpers/test-impl'

let rendererDir: string
const hosts: WebHost[] = []

beforeAll(async () => {
  rendererDir = await mkdtemp(join(tmpdir(), 'afx-renderer-'))
  await writeFile(join(rendererDir, 'index.html'), '<!doctype html><title>afx</title>')
})
afterEach(async () => {
  await Promise.all(hosts.splice(0).map((host) => host.close()))
})
afterAll(async () => {
  await rm(rendererDir, { recursive: true })
})

async function start(options: { now?: () => number; onRequest?: (m: string, t: string) => void }) {
  const host = await startWebHost({
    impl: testImpl(),
    events: new EventBus(),
    rendererDir,
    ...options,
  })
  hosts.push(host)
  const base = `http://127.0.0.1:${host.port}`
  const code = new URLSearchParams(new URL(host.url).hash.slice(1)).get('k')!
  const post = (path: string, body: unknown, headers: Record<string, string> = {}) =>
    rawRequest(`${base}${path}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', ...headers },
      body: JSON.stringify(body),
    })
  const exchange = (sent: string) => post('/api/session', { code: sent })
  const appInfo = (session: string) =>
    post('/api/call/app.info', {}, { Authorization: `Bearer ${session}` })
  return { host, base, code, post, exchange, appInfo }
}

const sessionOf = (response: { body: string }) =>
  (JSON.parse(response.body) as { value: { session: string } }).value.session

describe('web host sessions', () => {
  it('prints an address whose one-time code rides in the fragment, never in the query', async () => {
    const { host } = await start({})
    expect(host.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/#k=[\w-]{43}$/)
  })

  it('trades the code for a session key that opens the API', async () => {
    const { exchange, code, appInfo } = await start({})
    const opened = await exchange(code)
    expect(opened.status).toBe(200)
    expect(opened.headers['set-cookie']).toBeUndefined()
    expect(opened.headers['cache-control']).toBe('no-store')
    const info = await appInfo(sessionOf(opened))
    expect(info.status).toBe(200)
    expect(JSON.parse(info.body)).toMatchObject({ ok: true, value: { face: 'web' } })
  })

  it('refuses a code the second time, in words (401)', async () => {
    const { exchange, code } = await start({})
    expect((await exchange(code)).status).toBe(200)
    const replay = await exchange(code)
    expect(replay.status).toBe(401)
    expect(JSON.parse(replay.body).error).toMatchObject({
      code: 'WEB_UNAUTHORIZED',
      message: expect.stringContaining('already used'),
    })
  })

  it('refuses a code after its minute, in words (401)', async () => {
    let now = 5_000_000
    const { exchange, code } = await start({ now: () => now })
    now += BOOTSTRAP_CODE_TTL_MS
    const late = await exchange(code)
    expect(late.status).toBe(401)
    expect(JSON.parse(late.body).error).toMatchObject({
      code: 'WEB_UNAUTHORIZED',
      message: expect.stringContaining('expired'),
      hint: expect.stringContaining('afx web'),
    })
  })

  it('refuses a code it never issued, and a malformed exchange', async () => {
    const { exchange, post, base, code } = await start({})
    expect((await exchange('x'.repeat(43))).status).toBe(401)
    expect((await post('/api/session', { code: 42 })).status).toBe(400)
    expect((await post('/api/session', null)).status).toBe(400)
    const plain = await rawRequest(`${base}/api/session`, {
      method: 'POST',
      headers: { 'Content-Type': 'text/plain' },
      body: JSON.stringify({ code }),
    })
    expect(plain.status).toBe(415)
    expect((await rawRequest(`${base}/api/session`)).status).toBe(405)
    expect((await exchange(code)).status).toBe(200) // none of those spent the code
  })

  it('refuses an exchange from a page of another origin, and a foreign Host', async () => {
    const { post, host, code, exchange } = await start({})
    const foreign = await post('/api/session', { code }, { Origin: 'http://127.0.0.1:1' })
    expect(foreign.status).toBe(403)
    expect(foreign.headers['access-control-allow-origin']).toBeUndefined()
    const rebound = await post('/api/session', { code }, { Host: `evil.example:${host.port}` })
    expect(rebound.status).toBe(421)
    expect((await exchange(code)).status).toBe(200)
  })

  it('ignores a code put in the query string: no cookie, no session, code still unspent', async () => {
    const { base, code, exchange } = await start({})
    const page = await rawRequest(`${base}/?k=${code}`)
    expect(page.status).toBe(200)
    expect(page.headers['set-cookie']).toBeUndefined()
    expect((await exchange(code)).status).toBe(200)
  })

  it('gives a session holder a fresh one-time address, and nobody else', async () => {
    const { post, exchange, code, appInfo } = await start({})
    expect((await post('/api/session/address', {})).status).toBe(401)
    const session = sessionOf(await exchange(code))
    const made = await post('/api/session/address', {}, { Authorization: `Bearer ${session}` })
    const { url } = JSON.parse(made.body).value as { url: string }
    const fresh = new URLSearchParams(new URL(url).hash.slice(1)).get('k')!
    expect(fresh).not.toBe(code)
    const second = sessionOf(await exchange(fresh))
    expect(second).not.toBe(session)
    expect((await appInfo(second)).status).toBe(200)
  })

  it('never sees the code in a request target', async () => {
    const targets: string[] = []
    const { exchange, code, base } = await start({ onRequest: (m, t) => targets.push(`${m} ${t}`) })
    await rawRequest(`${base}/`)
    await exchange(code)
    expect(targets).toEqual(['GET /', 'POST /api/session'])
  })
})
