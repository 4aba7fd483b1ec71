// A tester makes a user in the sandbox pool from the Flows page: signs up, reads the emailed code
// in the Sandbox page's outbox (another tab), types it into the run, and the user, confirmed, then
// signs in by SRP.
import { waitForSandbox } from '../helpers/call-web-host'
import { newLaunchAddress } from '../helpers/start-web-host'
import { expect, test } from './app-fixture'

test('signs a new user up, confirms it with the code from the outbox, then signs it in', async ({
  page,
  app,
}) => {
  await waitForSandbox(app)
  await page.goto(app.url)
  await page.getByRole('button', { name: 'Flows' }).click()
  await page.getByLabel('Cognito account').check()
  const form = page.getByRole('form', { name: 'Cognito account' })
  await expect(form.getByLabel('User pool ID')).toHaveValue('us-east-1_Sandbox01')
  await expect(form.getByLabel('Action')).toHaveValue('sign-up')
  await form.getByLabel('User name').fill('tester1')
  await form.getByLabel('Password', { exact: true }).fill('Sandbox-tester-1')
  await form.getByLabel('Attributes (name=value, one per line)').fill('email=tester1@example.com')
  await form.getByRole('button', { name: 'Start' }).click()

  const run = page.getByRole('region', { name: 'Cognito account: sign-up (tester1)' })
  await expect(run.getByRole('status')).toHaveText('Waiting for your answer')
  const delivery = run.getByRole('article', {
    name: 'Read where Cognito sent the code (CodeDeliveryDetails)',
  })
  await expect(delivery).toContainText('t***@e***')
  await expect(delivery).toContainText('EMAIL')

  // The code, as a tester reads it: in the sandbox's outbox, in a tab of its own.
  const sandboxTab = await page.context().newPage()
  await sandboxTab.goto(await newLaunchAddress(app.origin, app.key))
  await sandboxTab.getByRole('button', { name: 'Sandbox' }).click()
  const message = sandboxTab
    .getByRole('list', { name: 'Messages' })
    .getByRole('listitem')
    .filter({ hasText: 'tester1 (SIGN_UP)' })
  const code = (await message.locator('.code').textContent()) ?? ''
  expect(code).toMatch(/^\d{6}$/)
  await sandboxTab.close()

  const answer = page.getByRole('form', { name: 'Answer' })
  await answer.getByLabel('The code sent by EMAIL to t***@e***').fill(code)
  await answer.getByRole('button', { name: 'Answer' }).click()

  await expect(run.getByRole('status')).toHaveText('Succeeded')
  await expect(
    run.getByRole('article', { name: 'Read what the answer means for the account' }),
  ).toContainText('tester1 is confirmed')
  await expect(page.locator('body')).not.toContainText('Sandbox-tester-1')
  await page.screenshot({ path: 'test-results/cognito-account.png', fullPage: true })

  // Confirmed: the new user signs in by SRP.
  await page.getByLabel('Cognito sign-in (SRP, MFA)').check()
  const signIn = page.getByRole('form', { name: 'Cognito sign-in' })
  await signIn.getByLabel('User name').fill('tester1')
  await signIn.getByLabel('Password', { exact: true }).fill('Sandbox-tester-1')
  await signIn.getByRole('button', { name: 'Sign in' }).click()
  await expect(
    page.getByRole('region', { name: /Cognito sign-in/ }).getByRole('status'),
  ).toHaveText('Succeeded')
})
