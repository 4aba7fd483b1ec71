// Passwordless sign-in in the UI: olga signs in with choice-based sign-in (USER_AUTH), choosing
// EMAIL_OTP where Cognito asks how (SELECT_CHALLENGE), then typing the code the sandbox's outbox
// received, and ends with verified tokens. No password is typed or sent.
import { callWebHost, waitForSandbox } from '../helpers/call-web-host'
import { expect, test } from './app-fixture'

test('olga signs in by email code, chosen at SELECT_CHALLENGE, with no password', async ({
  page,
  app,
}) => {
  const { cognito } = await waitForSandbox(app)
  const choiceClient = cognito!.clients.find(
    (client) => client.explicitAuthFlows.includes('ALLOW_USER_AUTH') && !client.clientSecret,
  )!
  await page.goto(app.url)
  await page.getByRole('button', { name: 'Flows' }).click()
  await page.getByLabel('Cognito sign-in (SRP, MFA)').check()
  await page.getByLabel('Sandbox app client').selectOption(choiceClient.clientId)
  await page.getByLabel('User name').fill('olga')
  await page.getByLabel('Auth flow').selectOption('USER_AUTH')
  await expect(page.getByLabel('Preferred challenge')).toHaveValue('')
  await page.getByRole('button', { name: 'Sign in' }).click()

  const run = page.getByRole('region', { name: /Cognito/ })
  await expect(run.getByRole('status')).toHaveText('Waiting for your answer')
  const answer = page.getByRole('form', { name: 'Answer' })
  const choice = answer.getByRole('radiogroup', { name: 'Sign in with' })
  // What Cognito offers olga: the password either way, or a code to her verified email; no SMS.
  await expect(choice.getByRole('radio')).toHaveCount(3)
  for (const name of ['PASSWORD', 'PASSWORD_SRP', 'EMAIL_OTP']) {
    await expect(choice.getByRole('radio', { name, exact: true })).not.toBeChecked()
  }
  await choice.getByRole('radio', { name: 'EMAIL_OTP' }).check()
  await answer.screenshot({ path: 'test-results/cognito-user-auth-choice.png' })
  await answer.getByRole('button', { name: 'Answer' }).click()

  const codeField = answer.getByLabel(/The code sent by email to o\*\*\*@e\*\*\*/)
  await expect(codeField).toBeVisible()
  const { outbox } = await callWebHost(app, 'sandbox.status', {})
  const sent = outbox.filter((m) => m.username === 'olga' && m.purpose === 'EMAIL_OTP').at(-1)
  expect(sent).toMatchObject({ channel: 'email', to: 'olga@example.com' })
  await codeField.fill(sent!.code)
  await answer.getByRole('button', { name: 'Answer' }).click()

  await expect(run.getByRole('status')).toHaveText('Succeeded')
  await expect(run.getByLabel('Tokens', { exact: true })).toContainText('id_token')
  await expect(run.getByRole('article', { name: 'Enter the EMAIL_OTP code' })).toBeVisible()
  await expect(run.getByRole('article', { name: /password/i })).toHaveCount(0)
  await page.screenshot({ path: 'test-results/cognito-user-auth.png', fullPage: true })
})
