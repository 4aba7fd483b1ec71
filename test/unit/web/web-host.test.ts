import { mkdtemp, rm, symlink, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { EventBus } from '../../../electron/core/event-bus'
import { startWebHost, type WebHost } from '../../../electron/hosts/web'
import { makeUnsignedJwt } from '../../helpers/make-jwt'
import { rawRequest } from '../../helpers/raw-request'
import { testImpl } from '../../helpers/test-impl'

let host: WebHost
let rendererDir: string
let base: string
let key: string

beforeAll(async () => {
  rendererDir = await mkdtemp(join(tmpdir(), 'afx-renderer-'))
  await writeFile(
    join(rendererDir, 'index.html'),
    '<!doctype html><title>Auth Flow Explorer</title>',
  )
  host = await startWebHost({ impl: testImpl(), events: new EventBus(), rendererDir })
  const url = new URL(host.url)
  base = `http://127.0.0.1:${host.port}`
  key = url.searchParams.get('k')!
})

afterAll(async () => {
  await host.close()
  await rm(rendererDir, { recursive: true })
})

const authorized = () => ({ Authorization: `Bearer ${key}` })
const callDecode = (headers: Record<string, string>, body: string) =>
  rawRequest(`${base}/api/call/tokens.decode`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...headers },
    body,
  })

describe('web host', () => {
  it('listens on 127.0.0.1 only and prints a URL carrying a long random key', () => {
    expect(host.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/\?k=[\w-]{43}$/)
  })

  it('trades the key in the URL for an HttpOnly, SameSite=Strict cookie and a clean address', async () => {
    const response = await rawRequest(host.url)
    expect(response.status).toBe(303)
    expect(response.headers.location).toBe('/')
    expect(response.headers['set-cookie']?.[0]).toBe(
      `afx_key_${host.port}=${key}; HttpOnly; SameSite=Strict; Path=/`,
    )
    const page = await rawRequest(`${base}/`, {
      headers: { Cookie: `afx_key_${host.port}=${key}` },
    })
    expect(page.status).toBe(200)
    expect(page.body).toContain('<title>Auth Flow Explorer</title>')
    expect(page.headers['content-security-policy']).toContain("script-src 'self'")
  })

  it('answers contract calls with the Result envelope', async () => {
    const token = makeUnsignedJwt({ alg: 'ES256' }, { sub: 'carol' })
    const response = await callDecode(authorized(), JSON.stringify({ token }))
    expect(response.status).toBe(200)
    expect(JSON.parse(response.body)).toMatchObject({
      ok: true,
      value: { payload: { sub: 'carol' } },
    })
  })

  it.each([
    ['no key at all', {}],
    ['a wrong key', { Authorization: 'Bearer not-the-key' }],
    ['a wrong key in the cookie', { Cookie: 'afx_key_1=x' }],
  ])('refuses a request with %s (401, WEB_UNAUTHORIZED)', async (_label, headers) => {
    const response = await callDecode(headers, '{"token":"a.b.c"}')
    expect(response.status).toBe(401)
    expect(JSON.parse(response.body).error.code).toBe('WEB_UNAUTHORIZED')
    const page = await rawRequest(`${base}/`, { headers })
    expect(page.status).toBe(401)
  })

  it('refuses a wrong key in the URL', async () => {
    expect((await rawRequest(`${base}/?k=guess`)).status).toBe(401)
  })

  it('refuses a foreign Host header even with the key (DNS rebinding)', async () => {
    const response = await callDecode(
      { ...authorized(), Host: `attacker.example:${host.port}` },
      '{}',
    )
    expect(response.status).toBe(421)
    expect(JSON.parse(response.body).error.code).toBe('WEB_FORBIDDEN_HOST')
  })

  it('refuses a foreign Origin even with the key, and never sends CORS headers', async () => {
    const response = await callDecode({ ...authorized(), Origin: 'https://evil.example' }, '{}')
    expect(response.status).toBe(403)
    expect(JSON.parse(response.body).error.code).toBe('WEB_FORBIDDEN_ORIGIN')
    expect(response.headers['access-control-allow-origin']).toBeUndefined()
    const own = await callDecode({ ...authorized(), Origin: base }, '{"token":"a.b"}')
    expect(own.status).toBe(200)
  })

  it('refuses a body over 1 MB with 413 and a clear error', async () => {
    const response = await callDecode(
      authorized(),
      JSON.stringify({ token: 'x'.repeat(1_100_000) }),
    )
    expect(response.status).toBe(413)
    expect(JSON.parse(response.body).error.code).toBe('WEB_BODY_TOO_LARGE')
  })

  it('says what was wrong with bad JSON, an unknown method and a non-JSON content type', async () => {
    expect(JSON.parse((await callDecode(authorized(), '{nope')).body).error).toMatchObject({
      code: 'IPC_INVALID_INPUT',
      message: 'The request body is not valid JSON.',
    })
    const unknown = await rawRequest(`${base}/api/call/secrets.dump`, {
      method: 'POST',
      headers: { ...authorized(), 'Content-Type': 'application/json' },
      body: '{}',
    })
    expect(unknown.status).toBe(404)
    const form = await rawRequest(`${base}/api/call/tokens.decode`, {
      method: 'POST',
      headers: { ...authorized(), 'Content-Type': 'text/plain' },
      body: '{}',
    })
    expect(form.status).toBe(415)
  })

  it('serves nothing outside the renderer folder', async () => {
    for (const path of ['/../package.json', '/%2e%2e/%2e%2e/etc/passwd', '/..%2fpackage.json']) {
      const response = await rawRequest(`${base}${path}`, { headers: authorized() })
      expect(response.status).toBe(404)
    }
  })

  it('refuses a method name that is not valid percent-encoding, as unknown', async () => {
    const response = await rawRequest(`${base}/api/call/%E0%A4%A`, {
      method: 'POST',
      headers: { ...authorized(), 'Content-Type': 'application/json' },
      body: '{}',
    })
    expect(response.status).toBe(404)
    expect(JSON.parse(response.body).error.code).toBe('IPC_UNKNOWN_METHOD')
  })

  it('does not follow a symlink out of the renderer folder', async () => {
    await symlink('/etc/hostname', join(rendererDir, 'escape.txt'))
    const response = await rawRequest(`${base}/escape.txt`, { headers: authorized() })
    expect(response.status).toBe(404)
  })

  it('opens an event stream for contract events', async () => {
    const controller = new AbortController()
    const response = await fetch(`${base}/api/events`, {
      headers: authorized(),
      signal: controller.signal,
    })
    expect(response.headers.get('content-type')).toMatch(/^text\/event-stream/)
    const reader = response.body!.getReader()
    const first = new TextDecoder().decode((await reader.read()).value)
    expect(first).toBe(': connected\n\n')
    controller.abort()
  })
})

describe('web host shutdown', () => {
  it('leaves nothing listening after close, even with an event stream open', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'afx-renderer-'))
    const other = await startWebHost({ impl: testImpl(), events: new EventBus(), rendererDir: dir })
    const otherKey = new URL(other.url).searchParams.get('k')
    const stream = await fetch(`http://127.0.0.1:${other.port}/api/events`, {
      headers: { Authorization: `Bearer ${otherKey}` },
    })
    expect(stream.status).toBe(200)
    await other.close()
    await expect(fetch(`http://127.0.0.1:${other.port}/`)).rejects.toThrow()
    await rm(dir, { recursive: true })
  })
})
