// A trainer shows remembered devices: tom signs in with his TOTP code and asks the run to remember
// the device Cognito offers; the next sign-in uses "the device kept by the last run", and the
// device proves itself (DEVICE_SRP_AUTH) where the TOTP code was asked before.
import { TOTP } from 'otpauth'
import { waitForSandbox } from '../helpers/call-web-host'
import { expect, test } from './app-fixture'

test('remembers tom’s device, then signs him in with it and no TOTP code', async ({
  page,
  app,
}) => {
  const { cognito } = await waitForSandbox(app)
  const tom = cognito!.users.find((user) => user.username === 'tom')!
  await page.goto(app.url)
  await page.getByRole('button', { name: 'Flows' }).click()
  await page.getByLabel('Cognito sign-in (SRP, MFA)').check()
  const form = page.getByRole('form', { name: 'Cognito sign-in' })
  await form.getByLabel('Sandbox user').selectOption('tom')
  await form.getByLabel(/Remember the new device Cognito offers/).check()
  await form.getByRole('button', { name: 'Sign in' }).click()

  const first = page.getByRole('region', { name: /Cognito sign-in/ })
  await expect(first.getByRole('status')).toHaveText('Waiting for your answer')
  const answer = page.getByRole('form', { name: 'Answer' })
  await answer
    .getByLabel('The current code of the authenticator app')
    .fill(new TOTP({ secret: tom.totpSecret! }).generate())
  await answer.getByRole('button', { name: 'Answer' }).click()
  await expect(first.getByRole('status')).toHaveText('Succeeded')
  const kept = first.getByRole('article', { name: 'Keep these to sign in from this device again' })
  await expect(kept).toContainText('deviceKey')

  await form.getByRole('button', { name: 'Use the device kept by the last run' }).click()
  await expect(form.getByLabel('Device key')).toHaveValue(/^us-east-1_[0-9a-f-]{36}$/)
  await expect(form.getByLabel('Device password')).not.toHaveValue('')
  await form.getByLabel(/Remember the new device Cognito offers/).uncheck()
  await form.screenshot({ path: 'test-results/cognito-device-form.png' })
  await form.getByRole('button', { name: 'Sign in' }).click()

  const second = page.getByRole('region', { name: /Cognito sign-in/ })
  await expect(second.getByRole('status')).toHaveText('Succeeded')
  await expect(
    second.getByRole('article', { name: /DEVICE_PASSWORD_VERIFIER/ }).first(),
  ).toBeVisible()
  await expect(second.getByRole('article', { name: /SOFTWARE_TOKEN_MFA/ })).toHaveCount(0)
  await expect(page.locator('body')).not.toContainText(tom.password)
  await page.screenshot({ path: 'test-results/cognito-remembered-device.png', fullPage: true })
})
