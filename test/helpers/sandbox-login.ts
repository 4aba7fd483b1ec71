// Signs a demo user in at the sandbox provider's own pages, in a real Chromium, and waits until
// the browser has been sent back to the loopback redirect URI.
import type { Browser, Page } from 'playwright-core'

/** Opens the authorization URL, signs in, allows consent when asked, and returns the final page. */
export async function signInAtSandbox(
  browser: Browser,
  authorizationUrl: string,
  user: { username: string; password: string },
  redirectPrefix: string,
): Promise<Page> {
  const page = await (await browser.newContext()).newPage()
  await page.goto(authorizationUrl)
  await page.getByLabel('Username').fill(user.username)
  await page.getByLabel('Password').fill(user.password)
  await page.getByRole('button', { name: 'Sign in' }).click()
  const allow = page.getByRole('button', { name: 'Allow' })
  await Promise.race([
    page.waitForURL((url) => url.href.startsWith(redirectPrefix)),
    allow.waitFor().then(() => allow.click()),
  ])
  await page.waitForURL((url) => url.href.startsWith(redirectPrefix))
  return page
}
