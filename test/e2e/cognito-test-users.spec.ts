// A tester keeps tom as a test user of a Cognito profile (password and TOTP secret kept like a
// client secret), then signs him in from the Flows page by choosing the profile and "Saved user":
// the run computes the TOTP code itself, nothing is asked, and neither secret reaches the page.
import { waitForSandbox } from '../helpers/call-web-host'
import { expect, test } from './app-fixture'

test('a saved test user signs in with nothing typed but the choice of user', async ({
  page,
  app,
}) => {
  const { cognito } = await waitForSandbox(app)
  const tom = cognito!.users.find((user) => user.username === 'tom')!
  const pages = page.getByRole('navigation', { name: 'Pages' })
  await page.goto(app.url)
  await pages.getByRole('button', { name: 'Profiles' }).click()
  await page.getByRole('button', { name: 'New profile' }).click()
  await page.getByLabel('Provider family').selectOption('sandbox')
  await page.getByLabel('Sandbox server').selectOption('cognito')
  await page.getByRole('button', { name: 'Fill in the provider' }).click()
  await page.getByLabel('Name', { exact: true }).fill('Sandbox pool')
  await page.getByRole('button', { name: 'Add a test user' }).click()
  const user = page.getByRole('group', { name: 'Test user 1' })
  await user.getByLabel('User name').fill('tom')
  await user.getByLabel('Password').fill(tom.password)
  await user.getByLabel('TOTP secret').fill(tom.totpSecret!)
  await page.getByRole('button', { name: 'Save profile' }).click()
  await expect(page.getByRole('status').filter({ hasText: 'Saved Sandbox pool.' })).toBeVisible()

  await pages.getByRole('button', { name: 'Flows' }).click()
  await page.getByLabel('Cognito sign-in (SRP, MFA)').check()
  const form = page.getByRole('form', { name: 'Cognito sign-in' })
  await form.getByRole('combobox', { name: 'Profile', exact: true }).selectOption('Sandbox pool')
  await form.getByLabel('Saved user').selectOption('tom')
  await form.getByRole('button', { name: 'Sign in' }).click()

  const run = page.getByRole('region', { name: /Cognito sign-in/ })
  await expect(run.getByRole('status')).toHaveText('Succeeded')
  await expect(
    run.getByRole('article', { name: 'Compute the TOTP code from the secret' }),
  ).toBeVisible()
  await expect(page.locator('body')).not.toContainText(tom.password)
  await expect(page.locator('body')).not.toContainText(tom.totpSecret!)
  await page.screenshot({ path: 'test-results/cognito-test-users.png', fullPage: true })
})
