import {
  CognitoIdentityProviderClient,
  InitiateAuthCommand,
} from '@aws-sdk/client-cognito-identity-provider'
import { callWebHost, waitForSandbox } from '../helpers/call-web-host'
import { expect, test } from './app-fixture'

test('the app starts the sandbox on launch and shows its endpoints, clients, users and outbox', async ({
  page,
  app,
}) => {
  const status = await waitForSandbox(app)
  expect(status.state).toBe('running')
  const { oidc, cognito } = status
  await page.goto(app.url)
  await page.getByRole('button', { name: 'Sandbox' }).click()

  await expect(page.getByRole('status')).toHaveText('Running on 127.0.0.1')
  await expect(page.getByText(oidc!.issuer, { exact: true })).toBeVisible()
  await expect(page.getByText(cognito!.userPoolId, { exact: true })).toBeVisible()
  const clients = page.getByRole('table', { name: 'OpenID provider clients' })
  for (const client of oidc!.clients) {
    await expect(
      clients.getByRole('rowheader', { name: client.client_id, exact: true }),
    ).toBeVisible()
  }

  // Passwords stay hidden until asked for.
  const user = oidc!.users[0]!
  const password = page.getByLabel(`password of ${user.username}`, { exact: true }).first()
  await expect(password).not.toHaveText(user.password)
  await page
    .getByRole('button', { name: `Show password of ${user.username}` })
    .first()
    .click()
  await expect(password).toHaveText(user.password)

  // A code the pool sends by SMS appears in the outbox at once, with no reload.
  const smsUser = cognito!.users.find((candidate) => candidate.mfa === 'sms')!
  const client = cognito!.clients.find(
    (candidate) =>
      candidate.explicitAuthFlows.includes('ALLOW_USER_PASSWORD_AUTH') && !candidate.clientSecret,
  )!
  const sdk = new CognitoIdentityProviderClient({
    endpoint: cognito!.endpoint,
    region: cognito!.region,
    credentials: { accessKeyId: 'sandbox', secretAccessKey: 'sandbox' },
    maxAttempts: 1,
  })
  await sdk.send(
    new InitiateAuthCommand({
      AuthFlow: 'USER_PASSWORD_AUTH',
      ClientId: client.clientId,
      AuthParameters: { USERNAME: smsUser.username, PASSWORD: smsUser.password },
    }),
  )
  const { outbox } = await callWebHost(app, 'sandbox.status', {})
  const code = outbox.at(-1)!.code
  await expect(page.getByRole('list', { name: 'Messages' })).toContainText(code)
  await page.screenshot({ path: 'test-results/sandbox.png', fullPage: true })
})

test('stopping the sandbox closes its ports; starting it again brings it back', async ({
  page,
  app,
}) => {
  const { oidc } = await waitForSandbox(app)
  await page.goto(app.url)
  await page.getByRole('button', { name: 'Sandbox' }).click()
  await page.getByRole('button', { name: 'Stop sandbox' }).click()
  await expect(page.getByRole('status')).toHaveText('Stopped')
  await expect(fetch(`${oidc!.issuer}/.well-known/openid-configuration`)).rejects.toThrow()

  await page.getByRole('button', { name: 'Start sandbox' }).click()
  await expect(page.getByRole('status')).toHaveText('Running on 127.0.0.1')
  const restarted = await callWebHost(app, 'sandbox.status', {})
  expect((await fetch(`${restarted.oidc!.issuer}/.well-known/openid-configuration`)).status).toBe(
    200,
  )
})
