import { mkdtemp, rm, symlink, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { EventBus } from '../../../electron/core/event-bus'
import { startWebHost, type WebHost } from '../../../electron/hosts/web'
import type { OutboxMessage } from '../../../shared/sandbox-model'
import { makeUnsignedJwt } from '../../helpers/make-jwt'
import { rawRequest } from '../../helpers/raw-request'
import { openSession } from '../../helpers/start-web-host'
import { testImpl } from '../../helpers/test-impl'

let host: WebHost
let rendererDir: string
let base: string
let key: string
const events = new EventBus()

beforeAll(async () => {
  rendererDir = await mkdtemp(join(tmpdir(), 'afx-renderer-'))
  await writeFile(
    join(rendererDir, 'index.html'),
    '<!doctype html><title>Auth Flow Explorer</title>',
  )
  host = await startWebHost({ impl: testImpl(), events, rendererDir })
  base = `http://127.0.0.1:${host.port}`
  key = await openSession(new URL(host.url))
})

afterAll(async () => {
  await host.close()
  await rm(rendererDir, { recursive: true })
})

const outboxMessage: OutboxMessage = {
  channel: 'sms',
  to: '+15550100',
  username: 'carol',
  code: '123456',
  purpose: 'SMS_MFA',
  at: '2026-01-01T00:00:00.000Z',
}

const authorized = () => ({ Authorization: `Bearer ${key}` })
const callDecode = (headers: Record<string, string>, body: string) =>
  rawRequest(`${base}/api/call/tokens.decode`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...headers },
    body,
  })

describe('web host', () => {
  it('serves the app itself without a key (public code), with the hardening headers', async () => {
    const page = await rawRequest(`${base}/`)
    expect(page.status).toBe(200)
    expect(page.body).toContain('<title>Auth Flow Explorer</title>')
    expect(page.headers['content-security-policy']).toContain("script-src 'self'")
    expect(page.headers['referrer-policy']).toBe('no-referrer')
    expect(page.headers['set-cookie']).toBeUndefined()
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
    ['the key in a cookie instead of the header', { Cookie: 'afx_key_1=x' }],
  ])('refuses a call with %s (401, WEB_UNAUTHORIZED)', async (_label, headers) => {
    const response = await callDecode(headers, '{"token":"a.b.c"}')
    expect(response.status).toBe(401)
    expect(JSON.parse(response.body).error.code).toBe('WEB_UNAUTHORIZED')
  })

  it('takes the session key from the Authorization header only, never from a cookie or the URL', async () => {
    const inCookie = await callDecode({ Cookie: `afx_key_${host.port}=${key}` }, '{"token":"a.b"}')
    expect(inCookie.status).toBe(401)
    const inQuery = await rawRequest(`${base}/api/call/tokens.decode?k=${key}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: '{"token":"a.b"}',
    })
    expect(inQuery.status).toBe(401)
  })

  it('refuses a foreign Host header, for the page and for calls with the key (DNS rebinding)', async () => {
    const response = await callDecode(
      { ...authorized(), Host: `attacker.example:${host.port}` },
      '{}',
    )
    expect(response.status).toBe(421)
    expect(JSON.parse(response.body).error.code).toBe('WEB_FORBIDDEN_HOST')
    const page = await rawRequest(`${base}/`, {
      headers: { Host: `attacker.example:${host.port}` },
    })
    expect(page.status).toBe(421)
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

  it('refuses the event stream without a key', async () => {
    const response = await rawRequest(`${base}/api/events`)
    expect(response.status).toBe(401)
    expect(JSON.parse(response.body).error.code).toBe('WEB_UNAUTHORIZED')
  })

  it('says ready once subscribed, and loses no event emitted after that', async () => {
    const controller = new AbortController()
    const response = await fetch(`${base}/api/events`, {
      headers: authorized(),
      signal: controller.signal,
    })
    expect(response.headers.get('content-type')).toMatch(/^text\/event-stream/)
    const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader()
    expect((await reader.read()).value).toBe('event: ready\ndata: {}\n\n')
    events.emit('sandbox.messageSent', outboxMessage)
    expect((await reader.read()).value).toBe(
      `event: sandbox.messageSent\ndata: ${JSON.stringify(outboxMessage)}\n\n`,
    )
    controller.abort()
  })
})

describe('web host shutdown', () => {
  it('leaves nothing listening after close, even with an event stream open', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'afx-renderer-'))
    const other = await startWebHost({ impl: testImpl(), events: new EventBus(), rendererDir: dir })
    const otherKey = await openSession(new URL(other.url))
    const stream = await fetch(`http://127.0.0.1:${other.port}/api/events`, {
      headers: { Authorization: `Bearer ${otherKey}` },
    })
    expect(stream.status).toBe(200)
    await other.close()
    await expect(fetch(`http://127.0.0.1:${other.port}/`)).rejects.toThrow()
    await rm(dir, { recursive: true })
  })
})
