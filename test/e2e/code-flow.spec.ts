import { waitForSandbox } from '../helpers/call-web-host'
import { expect, test } from './app-fixture'
import { signInFromRun } from './sign-in-from-run'

test('walks authorization code + PKCE step by step against the sandbox', async ({
  page,
  context,
  app,
}) => {
  await waitForSandbox(app)
  await page.goto(app.url)
  await page.getByRole('button', { name: 'Flows' }).click()
  await expect(page.getByLabel('Issuer')).toHaveValue(/^http:\/\/127\.0\.0\.1:\d+$/)
  await page.getByLabel('Sandbox client').selectOption('afx-native')
  await page.getByLabel('Step by step').check()
  await page.getByLabel('Open the system browser').uncheck()
  await page.getByRole('button', { name: 'Start' }).click()

  const run = page.getByRole('region', { name: /Authorization code \+ PKCE \(S256\)/ })
  const status = run.getByRole('status')
  const next = page.getByLabel('Next step')

  await expect(next).toContainText('Discover the provider')
  await next.getByRole('button', { name: 'Send' }).click()
  await expect(next).toContainText('Listen for the redirect')
  await next.getByRole('button', { name: 'Next step' }).click()
  await expect(next).toContainText('Make state, nonce and the PKCE pair')
  await next.getByRole('button', { name: 'Next step' }).click()
  await expect(next).toContainText('Send the user to the provider')
  await page.screenshot({ path: 'test-results/code-flow-paused.png', fullPage: true })
  await next.getByRole('button', { name: 'Send' }).click()

  await expect(status).toHaveText('Waiting for the browser')
  const signIn = await signInFromRun(context, run)
  await expect(signIn.locator('body')).toContainText('You can close this tab')

  await expect(next).toContainText('Exchange the code for tokens')
  await next.getByRole('button', { name: 'Send' }).click()
  // Verifying the ID token fetches the keys named by the metadata discovered at the start, then
  // checks every claim.
  await expect(next).toContainText("Fetch the provider's keys to verify the ID token")
  await next.getByRole('button', { name: 'Send' }).click()
  await expect(status).toHaveText('Succeeded')
  await expect(run.getByRole('img', { name: 'Sequence of 8 steps' })).toBeVisible()
  const check = run.getByRole('article', { name: 'Verify the ID token: signature and every claim' })
  await expect(check).toContainText('"signature": "valid"')
  await expect(check).toContainText('OIDC Core §3.1.3.7')

  const tokenStep = run.getByRole('article', { name: 'Exchange the code for tokens' })
  await tokenStep.getByText(/^POST /).click()
  await expect(tokenStep.getByLabel('Request')).toContainText('grant_type=authorization_code')
  await expect(tokenStep.getByRole('button', { name: 'Reveal code_verifier' })).toBeVisible()

  const tokens = run.getByLabel('Tokens', { exact: true })
  await tokens.getByRole('button', { name: 'Reveal id_token' }).click()
  await expect(tokens).toContainText(/eyJ[\w-]+\.eyJ[\w-]+\.[\w-]+/)
  await page.screenshot({ path: 'test-results/code-flow-done.png', fullPage: true })
})
