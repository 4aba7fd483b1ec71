// The loopback redirect listener against real sockets and a real browser (Chromium): every
// fault of reference/security.md §7.7 and §7.2 that reaches a listener, by case number.
import { randomBytes } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { connect, Server as NetServer, type Socket } from 'node:net'
import { networkInterfaces } from 'node:os'
import type { Browser, Page } from 'playwright-core'
import { launchChromium } from '../helpers/chromium'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { bindLoopback } from '../../electron/core/loopback/bind-loopback'
import {
  LoopbackListener,
  type LoopbackOptions,
  type LoopbackStray,
} from '../../electron/core/loopback/loopback-listener'
import { rawRequest } from '../helpers/raw-request'

const opened: LoopbackListener[] = []
afterEach(async () => {
  await Promise.all(opened.splice(0).map((listener) => listener.close()))
})

async function open(options: LoopbackOptions = {}): Promise<LoopbackListener> {
  const listener = await LoopbackListener.open(options)
  opened.push(listener)
  return listener
}

const newState = () => randomBytes(32).toString('base64url')

function callbackUrl(listener: LoopbackListener, params: Record<string, string> | string): string {
  const query = typeof params === 'string' ? params : new URLSearchParams(params).toString()
  return `${listener.redirectUri}?${query}`
}

async function get(url: string, init?: RequestInit) {
  const response = await fetch(url, init)
  return { status: response.status, headers: response.headers, text: await response.text() }
}

/** Whether a promise has settled yet, without waiting for it. */
async function stateOf(promise: Promise<unknown>): Promise<'pending' | 'resolved' | 'rejected'> {
  const pending = new Promise<'pending'>((resolve) => setTimeout(() => resolve('pending'), 50))
  return Promise.race([
    promise.then(
      () => 'resolved' as const,
      () => 'rejected' as const,
    ),
    pending,
  ])
}

/** Waits until a freshly opened socket to `port` is refused (or accepted). */
function tryConnect(port: number, host: string): Promise<'connected' | string> {
  return new Promise((resolve) => {
    const socket = connect(port, host)
    socket.once('connect', () => {
      socket.destroy()
      resolve('connected')
    })
    socket.once('error', (error: NodeJS.ErrnoException) => resolve(error.code ?? 'error'))
  })
}

const hasIpv6Loopback = Object.values(networkInterfaces()).some((addresses) =>
  addresses?.some((address) => address.internal && address.address === '::1'),
)

describe('binding and the redirect URI', () => {
  it.for([
    { host: '127.0.0.1' as const, reach: ['127.0.0.1'] },
    { host: '[::1]' as const, reach: ['::1'], needsIpv6: true },
    // A browser may try either address for localhost, so both answer on the same port.
    { host: 'localhost' as const, reach: ['127.0.0.1', ...(hasIpv6Loopback ? ['::1'] : [])] },
  ])(
    '$host: the redirect URI is exactly what was bound',
    async ({ host, reach, needsIpv6 }, ctx) => {
      if (needsIpv6 && !hasIpv6Loopback) ctx.skip('no IPv6 loopback on this machine')
      const listener = await open({ host })
      expect(listener.redirectUri).toBe(`http://${host}:${listener.port}/callback`)
      expect(listener.host).toBe(host)
      for (const address of reach) {
        const state = newState()
        const arriving = listener.expect(state)
        const literal = address.includes(':') ? `[${address}]` : address
        const response = await rawRequest(
          `http://${literal}:${listener.port}/callback?code=c&state=${state}`,
          { headers: { Host: `${host}:${listener.port}` } },
        )
        expect(response.status).toBe(200)
        expect((await arriving).url).toBe(`${listener.redirectUri}?code=c&state=${state}`)
      }
    },
  )

  it('keeps a fixed port and a custom path character for character', async () => {
    const probe = await LoopbackListener.open()
    const port = probe.port
    await probe.close()
    const listener = await open({ port, path: '/callback/profile-7' })
    expect(listener.redirectUri).toBe(`http://127.0.0.1:${port}/callback/profile-7`)
    expect(listener.path).toBe('/callback/profile-7')
  })

  it('listens on loopback only: the LAN address refuses connections (item 92)', async () => {
    const lan = Object.values(networkInterfaces())
      .flat()
      .find((address) => address && !address.internal && address.family === 'IPv4')
    const listener = await open({ host: 'localhost' })
    expect(await tryConnect(listener.port, '127.0.0.1')).toBe('connected')
    if (lan) expect(await tryConnect(listener.port, lan.address)).toBe('ECONNREFUSED')
  })

  it('a taken fixed port fails with LOOPBACK_PORT_IN_USE and leaves nothing open (items 88, 91)', async () => {
    const squatter = new NetServer()
    await new Promise<void>((resolve) => squatter.listen(0, '127.0.0.1', resolve))
    const { port } = squatter.address() as { port: number }
    try {
      await expect(LoopbackListener.open({ port })).rejects.toMatchObject({
        code: 'LOOPBACK_PORT_IN_USE',
        message: `Another program is already listening on 127.0.0.1:${port}.`,
        hint: expect.stringContaining('leave the port empty'),
      })
    } finally {
      await new Promise((resolve) => squatter.close(resolve))
    }
    if (!hasIpv6Loopback) return
    // localhost: ::1 taken by another program while 127.0.0.1 is free is a failure too.
    const v6 = new NetServer()
    await new Promise<void>((resolve) => v6.listen(port, '::1', resolve))
    try {
      await expect(LoopbackListener.open({ host: 'localhost', port })).rejects.toMatchObject({
        code: 'LOOPBACK_PORT_IN_USE',
        hint: expect.stringContaining('could deliver the sign-in answer to that program'),
      })
      expect(await tryConnect(port, '127.0.0.1')).toBe('ECONNREFUSED')
    } finally {
      await new Promise((resolve) => v6.close(resolve))
    }
  })

  const unprivilegedFrom = Number(
    readFileSync('/proc/sys/net/ipv4/ip_unprivileged_port_start', 'utf8'),
  )
  const canBindLowPorts = process.getuid?.() === 0 || unprivilegedFrom <= 1
  it.skipIf(canBindLowPorts)(
    'a port below 1024 fails with LOOPBACK_PORT_FORBIDDEN (item 89)',
    async () => {
      await expect(LoopbackListener.open({ port: 1 })).rejects.toMatchObject({
        code: 'LOOPBACK_PORT_FORBIDDEN',
      })
    },
  )

  it('localhost without IPv6 continues on 127.0.0.1 with a note (item 90)', async () => {
    /** A server on a machine where ::1 does not exist. */
    class NoIpv6Server extends NetServer {
      override listen(...args: unknown[]): this {
        if (args[1] !== '::1') return super.listen(...(args as Parameters<NetServer['listen']>))
        const error = Object.assign(new Error('listen EADDRNOTAVAIL ::1'), {
          code: 'EADDRNOTAVAIL',
        })
        queueMicrotask(() => this.emit('error', error))
        return this
      }
    }
    const bound = await bindLoopback('localhost', 0, () => new NoIpv6Server())
    try {
      expect(bound.servers).toHaveLength(1)
      expect(bound.notes).toEqual([
        expect.stringContaining('localhost is served on 127.0.0.1 only'),
      ])
    } finally {
      await Promise.all(bound.servers.map((s) => new Promise((resolve) => s.close(resolve))))
    }
  })

  it('refuses options no provider could match', async () => {
    for (const options of [
      { path: 'callback' },
      { path: '/a/../callback' },
      { path: '/callback?x=1' },
      { port: 70_000 },
      { host: '0.0.0.0' as never },
    ]) {
      await expect(LoopbackListener.open(options)).rejects.toMatchObject({
        code: 'LOOPBACK_INVALID_OPTIONS',
      })
    }
  })
})

describe('callbacks', () => {
  it('resolves the run with its callback and answers a page without the code (item 107)', async () => {
    const now = new Date('2026-01-02T03:04:05.000Z')
    const listener = await open({ now: () => now })
    const state = newState()
    const arriving = listener.expect(state, { responseMode: 'query' })
    const page = await get(callbackUrl(listener, { code: 'SECRET-CODE-123', state, iss: 'x' }))

    expect(await arriving).toEqual({
      params: { code: 'SECRET-CODE-123', state, iss: 'x' },
      responseMode: 'query',
      url: `${listener.redirectUri}?code=SECRET-CODE-123&state=${state}&iss=x`,
      receivedAt: '2026-01-02T03:04:05.000Z',
    })
    expect(page.status).toBe(200)
    expect(page.text).toContain('You can close this tab and return to Auth Flow Explorer')
    expect(page.text).not.toContain('SECRET-CODE-123')
    expect(page.text).not.toContain(state)
    expect(page.headers.get('content-security-policy')).toMatch(/^default-src 'none'; /)
    expect(page.headers.get('content-security-policy')).not.toContain('unsafe')
    expect(page.headers.get('cache-control')).toBe('no-store')
    expect(page.headers.get('referrer-policy')).toBe('no-referrer')
    expect(page.headers.get('x-content-type-options')).toBe('nosniff')
  })

  it("shows the provider's error in words, escaped, and still resolves the run (items 25, 27)", async () => {
    const listener = await open()
    const state = newState()
    const arriving = listener.expect(state)
    const description = `<script>alert(1)</script>\u001b[31m red ${'x'.repeat(5000)}`
    const page = await get(
      callbackUrl(listener, { error: 'access_denied', error_description: description, state }),
    )
    expect((await arriving).params).toMatchObject({
      error: 'access_denied',
      error_description: description,
    })
    expect(page.text).toContain('The provider answered with the error &quot;access_denied&quot;.')
    expect(page.text).toContain('&lt;script&gt;alert(1)&lt;/script&gt;')
    expect(page.text).not.toContain('<script>alert')
    expect(page.text).not.toContain('\u001b')
    expect(page.text).not.toContain('x'.repeat(600))
  })

  it('refuses a missing, wrong or forged state, and the run keeps waiting (items 20, 21, 26, 98)', async () => {
    const listener = await open()
    const state = newState()
    const arriving = listener.expect(state)
    const strays: LoopbackStray[] = []
    listener.onStray((stray) => strays.push(stray))

    for (const query of [
      'code=c',
      'code=c&state=',
      `code=c&state=${newState()}`,
      `error=access_denied&state=${newState()}`,
      'code=c&state=%E0%A4%A',
    ]) {
      const page = await get(callbackUrl(listener, query))
      expect(page.status).toBe(400)
      expect(page.text).toMatch(/Unknown sign-in/)
    }
    expect(await stateOf(arriving)).toBe('pending')
    expect(strays.map((stray) => stray.reason)).toEqual([
      'missing-state',
      'missing-state',
      'unknown-state',
      'unknown-state',
      'unknown-state',
    ])
    expect(strays[0]).toMatchObject({
      code: 'LOOPBACK_BAD_REQUEST',
      method: 'GET',
      path: '/callback',
    })
    expect(JSON.stringify(strays)).not.toContain('code=c')

    await get(callbackUrl(listener, { code: 'real', state }))
    expect((await arriving).params.code).toBe('real')
  })

  it('refuses a parameter given twice (item 22)', async () => {
    const listener = await open()
    const state = newState()
    const arriving = listener.expect(state)
    const page = await get(callbackUrl(listener, `code=a&state=${state}&state=${state}`))
    expect(page.status).toBe(400)
    expect(listener.strays.at(-1)?.reason).toBe('repeated-parameter')
    expect(await stateOf(arriving)).toBe('pending')
    await get(callbackUrl(listener, { code: 'real', state }))
    expect((await arriving).params.code).toBe('real')
  })

  it('answers a second callback for a finished state with "already completed" (item 33)', async () => {
    const listener = await open()
    const state = newState()
    const arriving = listener.expect(state)
    await get(callbackUrl(listener, { code: 'first', state }))
    const second = await get(callbackUrl(listener, { code: 'second', state }))
    expect(second.status).toBe(409)
    expect(second.text).toContain('Already completed')
    expect((await arriving).params.code).toBe('first')
    expect(listener.strays.at(-1)).toMatchObject({ reason: 'already-completed', state })
  })

  it('refuses a foreign Host header: DNS rebinding (item 93)', async () => {
    const listener = await open()
    const state = newState()
    const arriving = listener.expect(state)
    const url = callbackUrl(listener, { code: 'c', state })
    const response = await rawRequest(url, { headers: { Host: `evil.example:${listener.port}` } })
    expect(response.status).toBe(421)
    expect(response.body).toContain('Wrong address')
    expect(listener.strays.at(-1)?.reason).toBe('foreign-host')
    expect(await stateOf(arriving)).toBe('pending')
    await get(url)
    expect((await arriving).params.code).toBe('c')
  })

  it('refuses other paths and methods without consuming the state (items 94, 95)', async () => {
    const listener = await open()
    const state = newState()
    const arriving = listener.expect(state)
    const origin = new URL(listener.redirectUri).origin
    for (const path of ['/', '/favicon.ico', '/other', '/callback/', '//evil/callback']) {
      expect((await rawRequest(`${origin}${path}?code=c&state=${state}`)).status).toBe(404)
    }
    const url = callbackUrl(listener, { code: 'c', state })
    for (const method of ['HEAD', 'PUT', 'DELETE', 'OPTIONS']) {
      const response = await rawRequest(url, { method })
      expect(response.status).toBe(405)
      expect(response.headers.allow).toBe('GET, POST')
    }
    expect(await stateOf(arriving)).toBe('pending')
    expect(listener.strays.map((stray) => stray.reason)).toEqual([
      ...Array<string>(5).fill('not-found'),
      ...Array<string>(4).fill('method-not-allowed'),
    ])
    await get(url)
    expect((await arriving).params.code).toBe('c')
  })

  it('refuses a 1 MB query, a 10 KB query and a 2 MB form_post body (items 96, 97)', async () => {
    const listener = await open()
    const state = newState()
    const arriving = listener.expect(state)

    const huge = await get(callbackUrl(listener, { code: 'x'.repeat(1024 * 1024), state }))
    expect(huge.status).toBe(431)
    expect(huge.text).toContain('Request too large')
    const long = await get(callbackUrl(listener, { code: 'x'.repeat(10 * 1024), state }))
    expect(long.status).toBe(414)
    const body = await get(listener.redirectUri, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: `state=${state}&code=${'x'.repeat(2 * 1024 * 1024)}`,
    })
    expect(body.status).toBe(413)

    expect(listener.strays.map((stray) => stray.reason)).toEqual([
      'headers-too-large',
      'uri-too-long',
      'body-too-large',
    ])
    expect(await stateOf(arriving)).toBe('pending')
    await get(callbackUrl(listener, { code: 'real', state }))
    expect((await arriving).params.code).toBe('real')
  })

  it('answers garbage bytes with a page and stays up (item 98)', async () => {
    const listener = await open()
    const reply = await new Promise<string>((resolve) => {
      const socket = connect(listener.port, '127.0.0.1')
      let text = ''
      socket.on('data', (chunk) => (text += chunk.toString('latin1')))
      socket.on('close', () => resolve(text))
      socket.write(Buffer.from('GET /callback?state=\xff\x00 HTTP/1.1\r\n\r\n', 'latin1'))
    })
    expect(reply).toMatch(/^HTTP\/1\.1 400 Bad Request/)
    expect(reply).toContain('Unreadable request')
    expect(listener.strays.at(-1)?.reason).toBe('malformed')
    const state = newState()
    const arriving = listener.expect(state)
    await get(callbackUrl(listener, { code: 'c', state }))
    expect((await arriving).params.code).toBe('c')
  })

  it('200 bogus callbacks at once do not stop the real one', async () => {
    const listener = await open()
    const state = newState()
    const arriving = listener.expect(state)
    const bogus = Array.from({ length: 200 }, (_, i) =>
      fetch(callbackUrl(listener, { code: `bogus-${i}`, state: i % 2 ? newState() : '' })).then(
        (response) => response.status,
        () => 'dropped',
      ),
    )
    const real = get(callbackUrl(listener, { code: 'real', state }))
    expect((await arriving).params.code).toBe('real')
    expect((await real).status).toBe(200)
    const statuses = await Promise.all(bogus)
    expect(statuses.every((status) => status === 400 || status === 'dropped')).toBe(true)
    expect(listener.strays.length).toBe(statuses.filter((status) => status === 400).length)
  })

  it('a slow-loris connection and a crowd of idle ones do not stop the real callback (item 105)', async () => {
    const listener = await open()
    const idle: Socket[] = Array.from({ length: 100 }, () => connect(listener.port, '127.0.0.1'))
    const slow = connect(listener.port, '127.0.0.1')
    const request = `GET /callback?state=x HTTP/1.1\r\nHost: 127.0.0.1:${listener.port}\r\nX-Pad: `
    let sent = 0
    const trickle = setInterval(() => {
      if (!slow.destroyed) slow.write(request[sent++] ?? 'a')
    }, 500)
    let slowReply = ''
    slow.on('data', (chunk) => (slowReply += chunk.toString()))
    const slowClosed = new Promise<number>((resolve) => {
      const started = Date.now()
      slow.on('close', () => resolve(Date.now() - started))
    })
    try {
      const state = newState()
      const arriving = listener.expect(state)
      await new Promise((resolve) => setTimeout(resolve, 1_200))
      expect((await get(callbackUrl(listener, { code: 'real', state }))).status).toBe(200)
      expect((await arriving).params.code).toBe('real')
      // Past the cap, the oldest idle connections made room (the slow one is the newest).
      expect(idle.filter((socket) => socket.destroyed).length).toBeGreaterThanOrEqual(36)
      expect(await slowClosed).toBeLessThan(7_500)
      expect(slowReply).toMatch(/^HTTP\/1\.1 408/)
      expect(listener.strays.at(-1)?.reason).toBe('slow-request')
    } finally {
      clearInterval(trickle)
      for (const socket of [...idle, slow]) socket.destroy()
    }
  })
})

describe('timeouts, cancelling, closing', () => {
  it('times out with LOOPBACK_TIMEOUT and a hint; a late callback is told so (item 101)', async () => {
    const listener = await open()
    const state = newState()
    await expect(listener.expect(state, { timeoutMs: 150 })).rejects.toMatchObject({
      code: 'LOOPBACK_TIMEOUT',
      message: `No callback arrived at ${listener.redirectUri} within 150 ms.`,
      hint: expect.stringContaining('redirect URI is not registered exactly'),
    })
    const late = await get(callbackUrl(listener, { code: 'c', state }))
    expect(late.status).toBe(410)
    expect(late.text).toContain('Sign-in expired')
  })

  it('cancel() and an AbortSignal reject with LOOPBACK_CANCELLED; a later callback satisfies nothing', async () => {
    const listener = await open()
    const [byCall, bySignal] = [newState(), newState()]
    const controller = new AbortController()
    const first = listener.expect(byCall)
    const second = listener.expect(bySignal, { signal: controller.signal })
    expect(listener.cancel(byCall)).toBe(true)
    controller.abort()
    await expect(first).rejects.toMatchObject({ code: 'LOOPBACK_CANCELLED' })
    await expect(second).rejects.toMatchObject({ code: 'LOOPBACK_CANCELLED' })
    expect(listener.cancel(byCall)).toBe(false)

    for (const state of [byCall, bySignal]) {
      const late = await get(callbackUrl(listener, { code: 'c', state }))
      expect(late.status).toBe(410)
      expect(late.text).toContain('This sign-in was cancelled')
    }
    await expect(listener.expect(byCall)).rejects.toMatchObject({
      code: 'LOOPBACK_INVALID_OPTIONS',
    })
    await expect(
      listener.expect(newState(), { signal: AbortSignal.abort() }),
    ).rejects.toMatchObject({ code: 'LOOPBACK_CANCELLED' })
  })

  it('serves several runs at once by state; a run on another listener is a stray there (items 99, 100)', async () => {
    const [a, b] = await Promise.all([open(), open()])
    const states = [newState(), newState(), newState()]
    const onA = states.map((state) => a.expect(state))
    const onB = b.expect(newState())
    await get(callbackUrl(b, { code: 'for-a', state: states[0]! }))
    expect(b.strays.at(-1)?.reason).toBe('unknown-state')
    await Promise.all(
      [...states].reverse().map((state, i) => get(callbackUrl(a, { code: `c${i}`, state }))),
    )
    expect((await Promise.all(onA)).map((callback) => callback.params.code)).toEqual([
      'c2',
      'c1',
      'c0',
    ])
    expect(await stateOf(onB)).toBe('pending')
  })

  it('close() closes the port and every connection and rejects waiting runs (items 102, 103, 106)', async () => {
    // A closed server handle leaves this list a moment after its 'close' event.
    const handlesSettle = () => new Promise((resolve) => setTimeout(resolve, 50))
    await handlesSettle()
    const serversBefore = process.getActiveResourcesInfo().filter((r) => r === 'TCPServerWrap')
    const listener = await LoopbackListener.open({ host: 'localhost' })
    const serversOpen = process.getActiveResourcesInfo().filter((r) => r === 'TCPServerWrap')
    expect(serversOpen.length - serversBefore.length).toBe(2)
    const waiting = listener.expect(newState()).catch((error: unknown) => error)
    const keepAlive = connect(listener.port, '127.0.0.1')
    await new Promise((resolve) => keepAlive.once('connect', resolve))
    const dropped = new Promise((resolve) => keepAlive.once('close', resolve))

    const started = Date.now()
    await listener.close()
    await dropped
    expect(Date.now() - started).toBeLessThan(1_000)
    expect(await waiting).toMatchObject({ code: 'LOOPBACK_CLOSED' })
    await expect(listener.expect(newState())).rejects.toMatchObject({ code: 'LOOPBACK_CLOSED' })
    expect(listener.isClosed).toBe(true)
    await listener.close()
    expect(await tryConnect(listener.port, '127.0.0.1')).toBe('ECONNREFUSED')
    if (hasIpv6Loopback) expect(await tryConnect(listener.port, '::1')).toBe('ECONNREFUSED')
    await handlesSettle()
    const serversAfter = process.getActiveResourcesInfo().filter((r) => r === 'TCPServerWrap')
    expect(serversAfter.length).toBe(serversBefore.length)
  })
})

describe('in a real browser', () => {
  let browser: Browser
  beforeAll(async () => {
    browser = await launchChromium()
  })
  afterAll(async () => {
    await browser?.close()
  })

  /** A fresh page that collects CSP violations, which would mean a page broke its own policy. */
  async function newPage(): Promise<{ page: Page; violations: string[] }> {
    const page = await browser.newPage()
    const violations: string[] = []
    page.on('console', (message) => {
      if (message.text().includes('Content Security Policy')) violations.push(message.text())
    })
    return { page, violations }
  }

  it('query: shows the success page and drops the code from the address bar', async () => {
    const listener = await open()
    const state = newState()
    const arriving = listener.expect(state)
    const { page, violations } = await newPage()
    await page.goto(callbackUrl(listener, { code: 'c', state }))
    await page.getByRole('heading', { name: 'Sign-in answer received' }).waitFor()
    expect((await arriving).responseMode).toBe('query')
    await expect.poll(() => page.url()).toBe(listener.redirectUri)
    expect(violations).toEqual([])
    await page.close()
  })

  it('fragment: the relay page posts location.hash back and drops it (localhost)', async () => {
    const listener = await open({ host: 'localhost' })
    const state = newState()
    const arriving = listener.expect(state, { responseMode: 'fragment' })
    const fragment = `access_token=AT%2Bsecret&token_type=Bearer&expires_in=60&state=${state}`
    const { page, violations } = await newPage()
    await page.goto(`${listener.redirectUri}#${fragment}`)

    const callback = await arriving
    expect(callback).toMatchObject({
      responseMode: 'fragment',
      params: { access_token: 'AT+secret', token_type: 'Bearer', expires_in: '60', state },
      url: `${listener.redirectUri}#${fragment}`,
    })
    await page.getByRole('heading', { name: 'Sign-in answer received' }).waitFor()
    await page.getByText('You can close this tab and return to Auth Flow Explorer.').waitFor()
    expect(page.url()).toBe(listener.redirectUri)
    expect(await page.content()).not.toContain('AT+secret')
    expect(violations).toEqual([])
    await page.close()
  })

  it('fragment: a wrong state is refused at the relay and the run keeps waiting (item 31)', async () => {
    const listener = await open()
    const arriving = listener.expect(newState(), { responseMode: 'fragment' })
    const { page } = await newPage()
    await page.goto(`${listener.redirectUri}#access_token=stolen&state=${newState()}`)
    await page.getByRole('heading', { name: 'Unknown sign-in' }).waitFor()
    expect(page.url()).toBe(listener.redirectUri)
    expect(await stateOf(arriving)).toBe('pending')
    await page.goto(listener.redirectUri)
    await page.getByRole('heading', { name: 'No sign-in answer here' }).waitFor()
    await page.close()
  })

  it('form_post: a real auto-submitted form delivers the answer (item 30)', async () => {
    const listener = await open()
    const state = newState()
    const arriving = listener.expect(state, { responseMode: 'form_post' })
    const { page, violations } = await newPage()
    await page.setContent(`<form method="post" action="${listener.redirectUri}">
        <input name="code" value="form-code"><input name="state" value="${state}">
        <input name="error_description" value="&lt;b&gt;bold&lt;/b&gt;">
      </form><script>document.forms[0].submit()</script>`)
    const callback = await arriving
    expect(callback).toMatchObject({
      responseMode: 'form_post',
      params: { code: 'form-code', state, error_description: '<b>bold</b>' },
    })
    expect(new URL(callback.url).searchParams.get('code')).toBe('form-code')
    await page.getByRole('heading', { name: 'Sign-in answer received' }).waitFor()
    expect(violations).toEqual([])
    await page.close()
  })
})

describe('the relay endpoint and response modes', () => {
  it('refuses a foreign Origin, a non-JSON body and a bad JSON body (item 108)', async () => {
    const listener = await open()
    const state = newState()
    const arriving = listener.expect(state)
    const endpoint = `${listener.redirectUri}/relay`
    const origin = new URL(listener.redirectUri).origin
    const body = JSON.stringify({ fragment: `access_token=t&state=${state}` })
    const post = (headers: Record<string, string>, payload = body) =>
      rawRequest(endpoint, { method: 'POST', headers, body: payload })

    expect(
      (await post({ 'Content-Type': 'application/json', Origin: 'https://evil.example' })).status,
    ).toBe(403)
    expect((await post({ 'Content-Type': 'application/json' })).status).toBe(403)
    expect((await post({ 'Content-Type': 'text/plain', Origin: origin })).status).toBe(415)
    expect(
      (await post({ 'Content-Type': 'application/json', Origin: origin }, '{"x":1}')).status,
    ).toBe(400)
    expect(listener.strays.map((stray) => stray.reason)).toEqual([
      'foreign-origin',
      'foreign-origin',
      'unsupported-media-type',
      'malformed',
    ])
    expect(await stateOf(arriving)).toBe('pending')

    const accepted = await post({ 'Content-Type': 'application/json', Origin: origin })
    expect(accepted.status).toBe(200)
    expect(JSON.parse(accepted.body)).toMatchObject({
      tone: 'done',
      title: 'Sign-in answer received',
    })
    expect((await arriving).responseMode).toBe('fragment')
  })

  it('refuses a form_post that is not urlencoded', async () => {
    const listener = await open()
    const response = await rawRequest(listener.redirectUri, {
      method: 'POST',
      headers: { 'Content-Type': 'multipart/form-data; boundary=x' },
      body: '--x--',
    })
    expect(response.status).toBe(415)
  })

  it('an answer delivered another way than asked fails the run with LOOPBACK_RESPONSE_MODE_MISMATCH', async () => {
    const listener = await open()
    const state = newState()
    const arriving = listener
      .expect(state, { responseMode: 'form_post' })
      .catch((error: unknown) => error)
    const page = await get(callbackUrl(listener, { error: 'unsupported_response_mode', state }))
    expect(page.status).toBe(400)
    expect(page.text).toContain('asked for its answer by form_post, but it arrived by query')
    expect(await arriving).toMatchObject({
      code: 'LOOPBACK_RESPONSE_MODE_MISMATCH',
      message: expect.stringContaining('error=unsupported_response_mode'),
    })
  })
})
