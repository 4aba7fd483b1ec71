// A developer checks a Cognito app client before running anything: a profile for the sandbox pool,
// its settings imported (DescribeUserPool, DescribeUserPoolClient; the sandbox needs no AWS
// account), shown beside the client with what the app-client linter finds, and kept on save.
import { waitForSandbox } from '../helpers/call-web-host'
import { expect, test } from './app-fixture'

test('imports the sandbox client’s settings into a profile and lints them', async ({
  page,
  app,
}) => {
  await waitForSandbox(app)
  await page.goto(app.url)
  await page
    .getByRole('navigation', { name: 'Pages' })
    .getByRole('button', { name: 'Profiles' })
    .click()
  await page.getByRole('button', { name: 'New profile' }).click()
  await page.getByLabel('Provider family').selectOption('sandbox')
  await page.getByLabel('Server').selectOption('cognito')
  await page.getByRole('button', { name: 'Fill in the provider' }).click()
  await page.getByLabel('Name', { exact: true }).fill('Sandbox pool')
  const client = page.getByRole('group', { name: 'Client 1' })
  await expect(client.getByLabel('Client ID')).not.toHaveValue('')

  const settings = client.getByRole('region', { name: 'App client settings from AWS' })
  await settings.getByRole('button', { name: 'Import the settings from AWS' }).click()
  const facts = settings.getByLabel('Imported settings')
  await expect(facts).toContainText('ALLOW_USER_SRP_AUTH')
  await expect(facts).toContainText('none (public client)')
  await expect(facts).toContainText('at least 8 characters')
  await expect(settings).toContainText('The app-client linter finds nothing to change.')
  await page.screenshot({ path: 'test-results/cognito-client-settings.png', fullPage: true })

  await page.getByRole('button', { name: 'Save profile' }).click()
  await expect(page.getByRole('status').filter({ hasText: 'Saved Sandbox pool.' })).toBeVisible()
  // Reopened from the list, the profile still carries what was imported.
  await page.reload()
  await page
    .getByRole('navigation', { name: 'Pages' })
    .getByRole('button', { name: 'Profiles' })
    .click()
  await page
    .getByRole('list', { name: 'Saved profiles' })
    .getByRole('button', { name: 'Sandbox pool' })
    .click()
  await expect(
    page.getByRole('group', { name: 'Client 1' }).getByLabel('Imported settings'),
  ).toContainText('ALLOW_USER_SRP_AUTH')
})
