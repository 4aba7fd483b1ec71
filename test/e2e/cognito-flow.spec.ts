import { TOTP } from 'otpauth'
import { waitForSandbox } from '../helpers/call-web-host'
import { expect, test } from './app-fixture'

test('signs tom in to the sandbox pool by SRP, answering his TOTP challenge', async ({
  page,
  app,
}) => {
  const { cognito } = await waitForSandbox(app)
  const tom = cognito!.users.find((user) => user.username === 'tom')!
  await page.goto(app.url)
  await page.getByRole('button', { name: 'Flows' }).click()
  await page.getByLabel('Cognito sign-in (SRP, MFA)').check()
  await expect(page.getByLabel('User pool ID')).toHaveValue('us-east-1_Sandbox01')
  await page.getByLabel('Sandbox user').selectOption('tom')
  await page.getByRole('button', { name: 'Sign in' }).click()

  const run = page.getByRole('region', { name: /Cognito/ })
  await expect(run.getByRole('status')).toHaveText('Waiting for your answer')
  await expect(run.getByRole('article', { name: 'Compute the password claim' })).toBeVisible()
  const code = new TOTP({ secret: tom.totpSecret! }).generate()
  const answer = page.getByRole('form', { name: 'Answer' })
  await answer.getByLabel('The current code of the authenticator app').fill(code)
  await answer.getByRole('button', { name: 'Answer' }).click()

  await expect(run.getByRole('status')).toHaveText('Succeeded')
  await expect(run.getByLabel('Tokens', { exact: true })).toContainText('id_token')
  // The SRP private values and the password never reach the page.
  await expect(page.locator('body')).not.toContainText(tom.password)
  await page.screenshot({ path: 'test-results/cognito-flow.png', fullPage: true })
})
