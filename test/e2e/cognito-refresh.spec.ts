// REFRESH_TOKEN_AUTH from the Flows page: a refresh token revealed from one sign-in run buys new
// tokens in a second run, and the run says whether the refresh token rotated.
import { waitForSandbox } from '../helpers/call-web-host'
import { expect, test } from './app-fixture'

test('signs alice in by SRP, then refreshes with the refresh token it revealed', async ({
  page,
  app,
}) => {
  await waitForSandbox(app)
  await page.goto(app.url)
  await page.getByRole('button', { name: 'Flows' }).click()
  await page.getByLabel('Cognito sign-in (SRP, MFA)').check()
  await page.getByLabel('Sandbox user').selectOption('alice')
  await page.getByRole('button', { name: 'Sign in' }).click()
  const signIn = page.getByRole('region', { name: /Cognito/ })
  await expect(signIn.getByRole('status')).toHaveText('Succeeded')
  const tokens = signIn.getByLabel('Tokens', { exact: true })
  await tokens.getByRole('button', { name: 'Reveal refresh_token' }).click()
  const revealed = tokens.locator('.fact', { hasText: 'refresh_token' }).locator('.secret.revealed')
  await expect(revealed).toBeVisible()
  // The revealed value, without the Hide button's word after it.
  const refreshToken = (await revealed.evaluate((node) => node.firstChild?.textContent)) ?? ''
  expect(refreshToken.length).toBeGreaterThan(20)

  const form = page.getByRole('form', { name: 'Cognito sign-in' })
  await form.getByLabel('Auth flow').selectOption('REFRESH_TOKEN_AUTH')
  await expect(form.getByLabel('Password', { exact: true })).toBeHidden()
  await form.getByLabel('Refresh token').fill(refreshToken)
  await form.getByRole('button', { name: 'Sign in' }).click()
  const refresh = page.getByRole('region', { name: /REFRESH_TOKEN_AUTH|refresh/i })
  await expect(refresh.getByRole('status')).toHaveText('Succeeded')
  await expect(refresh.getByLabel('Tokens', { exact: true })).toContainText('id_token')
  await expect(refresh).toContainText(/rotated|kept/i)
  // The token typed stays a marker in the run; the page holds it only in the field.
  await expect(refresh.getByRole('list', { name: 'Steps' })).not.toContainText(refreshToken)
})
