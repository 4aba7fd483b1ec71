import { waitForSandbox } from '../helpers/call-web-host'
import { expect, test } from './app-fixture'

test('runs the device flow from the Flows page: the code shown, entered, tokens obtained', async ({
  page,
  context,
  app,
}) => {
  await waitForSandbox(app)
  await page.goto(app.url)
  await page.getByRole('button', { name: 'Flows' }).click()
  await expect(page.getByLabel('Issuer')).toHaveValue(/^http:\/\/127\.0\.0\.1:\d+$/)
  await page.getByLabel('Sandbox client').selectOption('afx-device')
  await expect(page.getByRole('combobox', { name: 'Flow', exact: true })).toHaveValue('device')
  await page.getByLabel('Open the system browser').uncheck()
  await page.getByRole('button', { name: 'Start' }).click()

  const run = page.getByRole('region', { name: /Device authorization \(afx-device\)/ })
  const codeStep = run.getByRole('article', {
    name: 'Show the user the code and where to enter it',
  })
  const outputs = codeStep.getByLabel('Outputs')
  await expect(outputs).toContainText('"user_code"')
  const userCode = /"user_code": "([\w-]+)"/.exec((await outputs.textContent()) ?? '')?.[1]

  const [verification] = await Promise.all([
    context.waitForEvent('page'),
    codeStep.getByRole('link', { name: 'Open the verification page' }).click(),
  ])
  // The link carries the code (verification_uri_complete): the person only confirms it.
  await expect(verification.locator('.user-code')).toHaveText(userCode ?? '')
  await verification.getByRole('button', { name: 'Continue' }).click()
  await verification.getByLabel('Username').fill('alice')
  await verification.getByLabel('Password').fill('alice-password')
  await verification.getByRole('button', { name: 'Sign in' }).click()
  await verification.getByRole('button', { name: 'Allow' }).click()
  await expect(verification.getByRole('heading', { name: 'Device connected' })).toBeVisible()

  // The sandbox names no interval, so the app polls every 5 s (RFC 8628 §3.2).
  await expect(run.getByRole('status')).toHaveText('Succeeded', { timeout: 20_000 })
  await expect(
    run.getByRole('article', { name: /^Poll the token endpoint \(1, after 5(\.\d)? s\)$/ }),
  ).toBeVisible()
  await expect(run.getByLabel('Tokens', { exact: true })).toContainText('access_token')
})
