import { expect, test } from '@playwright/test'
import { rawRequest } from '../helpers/raw-request'
import { startBuiltWebHost, type RunningWebHost } from '../helpers/start-web-host'

let app: RunningWebHost

test.beforeAll(async () => {
  app = await startBuiltWebHost()
})
test.afterAll(async () => {
  await app.stop()
})

test('a browser without the launch key is refused, with what to do', async ({ page }) => {
  const response = await page.goto(`${app.origin}/`)
  expect(response?.status()).toBe(401)
  await expect(page.locator('body')).toContainText(
    'Open the full address that \\"afx web\\" printed',
  )
})

test('a request without the key, or with a foreign Host, is refused', async () => {
  const noKey = await rawRequest(`${app.origin}/api/call/app.info`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: '{}',
  })
  expect(noKey.status).toBe(401)
  expect(JSON.parse(noKey.body).error.code).toBe('WEB_UNAUTHORIZED')

  const key = new URL(app.url).searchParams.get('k')!
  const rebound = await rawRequest(`${app.origin}/api/call/app.info`, {
    method: 'POST',
    headers: {
      'Content-Type': 'application/json',
      Host: `rebind.example:${app.port}`,
      Authorization: `Bearer ${key}`,
    },
    body: '{}',
  })
  expect(rebound.status).toBe(421)
  expect(JSON.parse(rebound.body).error.code).toBe('WEB_FORBIDDEN_HOST')
})

test('a page on another origin cannot call the app, even from a browser holding the key', async ({
  page,
  context,
}) => {
  await page.goto(app.url) // the browser now holds the key cookie
  const other = await context.newPage()
  await other.goto('about:blank')
  const outcome = await other.evaluate(async (target) => {
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
})
