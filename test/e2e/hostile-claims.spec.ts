// A token whose claims carry markup and a remote picture (security.md §7.4 #74): the Tokens page
// shows every value as text, runs no script, builds no image and fetches nothing from the
// picture's host, under the app's Content-Security-Policy.
import { makeUnsignedJwt } from '../helpers/make-jwt'
import { expect, test } from './app-fixture'

test('shows hostile claim values as text and never fetches a remote picture', async ({
  page,
  app,
}) => {
  const requests: string[] = []
  page.on('request', (request) => requests.push(request.url()))
  const dialogs: string[] = []
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message())
    void dialog.dismiss()
  })
  const markup = '<img src=x onerror=alert(1)><script>alert(2)</script>'
  const token = makeUnsignedJwt(
    { alg: 'RS256', typ: 'JWT' },
    {
      sub: 'mallory',
      name: markup,
      picture: 'https://tracker.example/pixel.png',
      website: 'javascript:alert(3)',
    },
  )

  await page.goto(app.url)
  await page.getByRole('button', { name: 'Tokens' }).click()
  await page.getByLabel('Token', { exact: true }).fill(token)

  const main = page.getByRole('main')
  await expect(main).toContainText(markup)
  await expect(main).toContainText('https://tracker.example/pixel.png')
  expect(await main.locator('img').count()).toBe(0)
  expect(await main.locator('a[href^="javascript:"]').count()).toBe(0)
  expect(dialogs).toEqual([])
  expect(requests.filter((url) => !url.startsWith(app.origin))).toEqual([])
})
