import { createServer, type IncomingHttpHeaders, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { expect, test } from '@playwright/test'
import { startWebHost, type WebHost } from '../../electron/hosts/web'
import { rawRequest } from '../helpers/raw-request'
import { newLaunchAddress, startBuiltWebHost, type RunningWebHost } from '../helpers/start-web-host'
import { testCore } from '../helpers/test-impl'

let app: RunningWebHost

test.beforeAll(async () => {
  app = await startBuiltWebHost(['--sandbox', 'off'])
})
test.afterAll(async () => {
  await app.stop()
})

const ready = '[data-app-state="ready"]'

test('a tab opened without the code loads the app and says what to do', async ({ page }) => {
  const response = await page.goto(`${app.origin}/`)
  expect(response?.status()).toBe(200)
  await expect(page.getByRole('alert').first()).toContainText('Open the address afx printed')
  await page.screenshot({ path: 'test-results/web-host-no-key.png', fullPage: true })
})

test('the address opens one tab: the code leaves the address bar, a reload keeps the session, a second tab is refused in words', async ({
  page,
  context,
}) => {
  const address = await newLaunchAddress(app.origin, app.key)
  await page.goto(address)
  await expect(page.locator(ready)).toBeVisible()
  await expect(page).toHaveURL(`${app.origin}/`)

  await page.reload()
  await expect(page.locator(ready)).toBeVisible()
  await expect(page.getByRole('alert')).toHaveCount(0)
  // The key lives in this tab's sessionStorage only: nothing on disk, no cookie for other ports.
  expect(await page.evaluate('[sessionStorage.length, localStorage.length]')).toEqual([1, 0])
  expect(await context.cookies()).toEqual([])

  const second = await context.newPage()
  await second.goto(address)
  await expect(second.getByRole('alert').first()).toContainText('already used')
})

test('a request without the key, or with a foreign Host, is refused', async () => {
  const noKey = await rawRequest(`${app.origin}/api/call/app.info`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: '{}',
  })
  expect(noKey.status).toBe(401)
  expect(JSON.parse(noKey.body).error.code).toBe('WEB_UNAUTHORIZED')

  const rebound = await rawRequest(`${app.origin}/api/call/app.info`, {
    method: 'POST',
    headers: {
      'Content-Type': 'application/json',
      Host: `rebind.example:${app.port}`,
      Authorization: `Bearer ${app.key}`,
    },
    body: '{}',
  })
  expect(rebound.status).toBe(421)
  expect(JSON.parse(rebound.body).error.code).toBe('WEB_FORBIDDEN_HOST')
})

test.describe('a page from another 127.0.0.1 port (same site, another origin)', () => {
  let other: Server
  let otherOrigin: string
  const seen: IncomingHttpHeaders[] = []

  test.beforeAll(async () => {
    other = createServer((req, res) => {
      seen.push(req.headers)
      res.writeHead(200, { 'Content-Type': 'text/html' }).end('<!doctype html><title>other</title>')
    })
    await new Promise<void>((resolve) => other.listen(0, '127.0.0.1', resolve))
    otherOrigin = `http://127.0.0.1:${(other.address() as AddressInfo).port}`
  })
  test.afterAll(async () => {
    await new Promise((resolve) => other.close(resolve))
  })

  test('receives no key from the browser and cannot call the app', async ({ page }) => {
    await page.goto(await newLaunchAddress(app.origin, app.key))
    await expect(page.locator(ready)).toBeVisible()
    await page.goto(`${otherOrigin}/`) // the same tab, so the same sessionStorage area if any
    expect(await page.evaluate('sessionStorage.getItem("afx.session")')).toBeNull()
    const outcome = await page.evaluate(async (target) => {
      try {
        const response = await fetch(`${target}/api/call/app.info`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: '{}',
          credentials: 'include',
        })
        return `status ${response.status}`
      } catch (error) {
        return `blocked: ${(error as Error).message}`
      }
    }, app.origin)
    expect(outcome).toMatch(/^blocked/)
    expect(seen.length).toBeGreaterThan(0)
    for (const headers of seen) {
      expect(headers.cookie).toBeUndefined()
      expect(headers.authorization).toBeUndefined()
    }
  })
})

test.describe('the page and the host, watched from inside the host', () => {
  const core = testCore('web')
  const targets: string[] = []
  let host: WebHost

  // A host per test: each test's page opens the address the host printed, once.
  test.beforeEach(async () => {
    targets.length = 0
    host = await startWebHost({
      impl: core.impl,
      events: core.events,
      rendererDir: 'out/renderer',
      onRequest: (method, target) => targets.push(`${method} ${target}`),
    })
  })
  test.afterEach(async () => {
    await host.close()
  })

  test('the code in the fragment never reaches the host', async ({ page }) => {
    await page.goto(host.url)
    await expect(page.locator(ready)).toBeVisible()
    const code = new URL(host.url).hash.slice('#k='.length)
    await expect.poll(() => targets).toContain('GET /api/events')
    expect(targets).toContain('POST /api/session')
    for (const target of targets) {
      expect(target).not.toContain(code)
      expect(target).not.toContain('k=')
    }
  })

  test('a dropped event stream reconnects, asks the page to re-read, and delivers what follows', async ({
    page,
  }) => {
    // Counts the page's resync signals from before its own scripts run.
    await page.addInitScript('resyncs = 0; addEventListener("afx:resync", () => resyncs++)')
    let attempts = 0
    await page.route('**/api/events', (route) =>
      ++attempts === 1 ? route.abort('connectionreset') : route.continue(),
    )
    // The re-read a resync starts must be answered before the test's event, or its (older) answer
    // would land last: count the page's sandbox.status calls still waiting for one.
    let statusCallsInFlight = 0
    const isStatusCall = (request: { url(): string }) => request.url().endsWith('/sandbox.status')
    page.on('request', (request) => void (isStatusCall(request) && statusCallsInFlight++))
    page.on('requestfinished', (request) => void (isStatusCall(request) && statusCallsInFlight--))
    await page.goto(host.url)
    await page.getByRole('button', { name: 'Sandbox' }).click()
    await expect(page.getByRole('status')).toHaveText('Stopped')
    await expect.poll(() => page.evaluate('resyncs')).toBe(1)
    expect(attempts).toBe(2)
    await expect.poll(() => statusCallsInFlight).toBe(0)

    core.events.emit('sandbox.changed', { state: 'starting', outbox: [] })
    await expect(page.getByRole('status')).toHaveText('Starting…')
  })
})
