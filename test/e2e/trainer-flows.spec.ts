// The Flows page as a trainer uses it: "break it" toggles that end a run on a refusal told in
// words, each step's teaching text (open before the step runs, in trainer mode), and a saved
// profile filling the form while its secret stays with the engine.
import { callWebHost, waitForSandbox } from '../helpers/call-web-host'
import { expect, test } from './app-fixture'
import { signInFromRun } from './sign-in-from-run'

test('a break-it toggle ends the code flow on the refusal, and each step says what it does', async ({
  page,
  context,
  app,
}) => {
  await waitForSandbox(app)
  await page.goto(app.url)
  await page.getByRole('button', { name: 'Flows' }).click()
  await expect(page.getByLabel('Issuer')).toHaveValue(/^http:\/\/127\.0\.0\.1:\d+$/)
  const profile = page.getByRole('combobox', { name: 'Profile', exact: true })
  await expect(profile).toBeDisabled()
  await expect(profile).toHaveText('No saved profiles')

  // Outside trainer mode the toggles wait behind a disclosure.
  const stateChanged = page.getByLabel('Change the state that comes back')
  await expect(stateChanged).toBeHidden()
  await page.getByText('Break it on purpose').click()
  await expect(
    page.getByRole('group', { name: 'Break it on purpose' }).getByRole('checkbox'),
  ).toHaveCount(6)
  await stateChanged.check()
  await page.getByLabel('Open the system browser').uncheck()
  await page.getByRole('button', { name: 'Start' }).click()

  const run = page.getByRole('region', { name: /Authorization code .*, broken on purpose/ })
  await signInFromRun(context, run)

  await expect(run.getByRole('status')).toHaveText('Failed')
  const check = run.getByRole('article', { name: 'Check the state that came back' })
  await expect(check).toContainText('OAUTH_STATE_MISMATCH')
  await expect(check).toContainText('compares it with the state it sent')
  const broken = run.getByRole('article', { name: 'Break it: change the state that comes back' })
  const teaching = broken.getByRole('group', { name: 'What is happening here' })
  await expect(teaching).not.toHaveAttribute('open')
  await teaching.getByText('What is happening here').click()
  await expect(teaching).toContainText('the state in the answer is replaced')
  await expect(teaching.getByRole('link', { name: 'RFC 6749 §10.12' })).toHaveAttribute(
    'href',
    'https://www.rfc-editor.org/rfc/rfc6749#section-10.12',
  )
})

test('in trainer mode the toggles are out and the step about to run explains itself first', async ({
  page,
  app,
}) => {
  await waitForSandbox(app)
  await callWebHost(app, 'settings.update', { trainerMode: true })
  await page.goto(app.url)
  await page.getByRole('button', { name: 'Flows' }).click()
  await expect(page.getByLabel('Change the state that comes back')).toBeVisible()
  await page.getByLabel('Step by step').check()
  await page.getByLabel('Open the system browser').uncheck()
  await page.getByRole('button', { name: 'Start' }).click()

  const run = page.getByRole('region', { name: /Authorization code/ })
  const discovery = run.getByRole('article', { name: /^Discover the provider/ })
  const teaching = discovery.getByRole('group', { name: 'What is happening here' })
  await expect(teaching).toHaveAttribute('open')
  await expect(teaching).toContainText("reads the provider's discovery document")
  await expect(discovery).toContainText('ready')
  await page.screenshot({ path: 'test-results/trainer-mode.png', fullPage: true })
  await run.getByRole('button', { name: 'Cancel run' }).click()
  await expect(run.getByRole('status')).toHaveText('Cancelled')
})

test('a saved profile fills the form and its kept secret signs the client in', async ({
  page,
  app,
}) => {
  const sandbox = await waitForSandbox(app)
  const service = sandbox.oidc?.clients.find((client) => client.client_id === 'afx-service')
  await callWebHost(app, 'profiles.save', {
    profile: {
      name: 'Sandbox service',
      preset: 'sandbox',
      provider: { kind: 'issuer', issuer: sandbox.oidc?.issuer ?? '' },
      clients: [
        {
          clientId: 'afx-service',
          authMethod: 'client_secret_basic',
          scope: 'api:read',
          extraParams: { resource: 'urn:afx:sandbox-api' },
          secret: { set: service?.client_secret ?? '' },
        },
      ],
    },
  })
  await page.goto(app.url)
  await page.getByRole('button', { name: 'Flows' }).click()
  await page.getByRole('combobox', { name: 'Profile', exact: true }).selectOption('Sandbox service')

  await expect(page.getByLabel('Client ID')).toHaveValue('afx-service')
  await expect(page.getByLabel('Scope')).toHaveValue('api:read')
  await expect(page.getByLabel('Extra parameters')).toHaveValue('resource=urn:afx:sandbox-api')
  const secret = page.getByLabel('Client secret')
  await expect(secret).toHaveValue('')
  await expect(secret).toHaveAccessibleDescription('uses the secret kept with the profile')
  await page.getByRole('combobox', { name: 'Flow', exact: true }).selectOption('client_credentials')
  await page.getByRole('button', { name: 'Start' }).click()

  const run = page.getByRole('region', { name: /Client credentials/ })
  await expect(run.getByRole('status')).toHaveText('Succeeded')
  await expect(run.getByLabel('Tokens', { exact: true })).toContainText('access_token')
  await expect(page.locator('body')).not.toContainText(service?.client_secret ?? 'no secret')
})
