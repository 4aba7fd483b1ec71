// Issue 5's way into the inspector from a run: a sign-in at the sandbox, then "Inspect id_token"
// lands on the Tokens page with the token verified against what the run sent; the run's opaque
// access token is asked about at the issuer with a saved profile; and a JWE opens with the key
// pasted into the Verify panel.
import type { Page } from '@playwright/test'
import { CompactEncrypt, exportJWK, exportPKCS8, generateKeyPair } from 'jose'
import { callWebHost, waitForSandbox } from '../helpers/call-web-host'
import { expect, test } from './app-fixture'
import { signInFromRun } from './sign-in-from-run'

const goTo = (page: Page, name: string) =>
  page.getByRole('navigation', { name: 'Pages' }).getByRole('button', { name }).click()

test('a run’s ID token opens in the Tokens page, verified against what the run sent; its opaque access token is introspected', async ({
  page,
  context,
  app,
}) => {
  const sandbox = await waitForSandbox(app)
  const service = sandbox.oidc!.clients.find((client) => client.client_id === 'afx-service')!
  await callWebHost(app, 'profiles.save', {
    profile: {
      name: 'Sandbox API',
      provider: { kind: 'issuer', issuer: sandbox.oidc!.issuer },
      clients: [
        {
          clientId: 'afx-service',
          authMethod: 'client_secret_basic',
          secret: { set: service.client_secret ?? '' },
        },
      ],
    },
  })
  await page.goto(app.url)
  await goTo(page, 'Flows')
  await expect(page.getByLabel('Issuer')).toHaveValue(/^http:\/\/127\.0\.0\.1:\d+$/)
  await page.getByLabel('Sandbox client').selectOption('afx-native')
  await page.getByLabel('Open the system browser').uncheck()
  await page.getByRole('button', { name: 'Start' }).click()

  const run = page.getByRole('region', { name: /Authorization code \+ PKCE \(S256\)/ })
  await expect(run.getByRole('status')).toHaveText('Waiting for the browser')
  const signIn = await signInFromRun(context, run)
  await expect(signIn.locator('body')).toContainText('You can close this tab')
  await signIn.close()
  await expect(run.getByRole('status')).toHaveText('Succeeded')

  await run.getByRole('button', { name: 'Inspect id_token' }).click()

  await expect(page.getByRole('heading', { name: 'Tokens', level: 1 })).toBeVisible()
  await expect(page.getByRole('button', { name: 'Tokens' })).toHaveAttribute('aria-current', 'page')
  await expect(page.getByLabel('Token', { exact: true })).toHaveValue(/^eyJ[\w-]+\.eyJ[\w-]+\./)
  await expect(page.getByLabel('Payload', { exact: true })).toContainText('"sub": "alice"')
  await expect(
    page.getByText(
      /^From the run "Authorization code \+ PKCE \(S256\) \(afx-native\)": checked against the issuer http:\/\/127\.0\.0\.1:\d+, the client afx-native, the nonce it sent, the access token that came with it \(at_hash\) and the rules of the code flow\.$/,
    ),
  ).toBeVisible()
  const verify = page.getByRole('form', { name: 'Verify' })
  await expect(verify.getByLabel('Client ID')).toHaveValue('afx-native')
  await expect(verify.getByLabel('Nonce sent')).toHaveValue(/^[\w-]{43}$/)
  // Verified at once, with no click: the key came from the issuer's JWKS.
  const verdict = page.getByRole('status').filter({ hasText: 'Signature' })
  await expect(verdict).toHaveText('Signature valid · id token · every check passed')
  const checks = page.getByRole('list', { name: 'Checks' })
  await expect(checks.getByRole('listitem').filter({ hasText: /^✓ nonce / })).toContainText(
    'The nonce is the one sent.',
  )
  await expect(checks.getByRole('listitem').filter({ hasText: /^✓ signature / })).toBeVisible()
  await page.screenshot({ path: 'test-results/token-from-run.png', fullPage: true })

  // A nonce the run did not send fails the same token.
  await verify.getByLabel('Nonce sent').fill('another-sign-in')
  await verify.getByRole('button', { name: 'Verify' }).click()
  await expect(verdict).toHaveText('Signature valid · id token · 1 check failed')
  await expect(checks.getByRole('listitem').filter({ hasText: /^✗ nonce / })).toBeVisible()

  // The access token of the same run is opaque: only its issuer can say what it is.
  await goTo(page, 'History')
  await page
    .getByRole('list', { name: 'Runs' })
    .getByRole('button', { name: /Authorization code/ })
    .click()
  const reopened = page.getByRole('region', { name: /Authorization code/ })
  await reopened.getByRole('button', { name: 'Inspect access_token' }).click()
  await expect(page.getByText(/^Opaque token: not a JWT/)).toBeVisible()
  const introspect = page.getByRole('form', { name: 'Introspect' })
  await expect(introspect.getByLabel('Profile and client')).toHaveValue('Sandbox API · afx-service')
  await introspect.getByRole('button', { name: 'Introspect' }).click()
  const result = page.getByRole('region', { name: 'Introspection result' })
  await expect(result.getByRole('status')).toHaveText(
    'The token is active: the provider would accept it now.',
  )
  const answer = result.getByLabel('Introspection answer')
  await expect(answer).toContainText('"active": true')
  await expect(answer).toContainText('"client_id": "afx-native"')
  await expect(answer).toContainText('"sub": "alice"')
  await expect(result.getByRole('table', { name: 'Times' })).toContainText(/expires in/)
  await page.screenshot({ path: 'test-results/token-introspected.png', fullPage: true })
})

test('a JWE opens with the decryption key pasted in the Verify panel; another key is refused in words', async ({
  page,
  app,
}) => {
  const recipient = await generateKeyPair('RSA-OAEP-256', { extractable: true })
  const stranger = await generateKeyPair('RSA-OAEP-256', { extractable: true })
  const now = Math.floor(Date.now() / 1000)
  const claims = {
    iss: 'https://idp.example',
    sub: 'ada',
    aud: 'afx-native',
    iat: now,
    exp: now + 600,
  }
  const jwe = await new CompactEncrypt(new TextEncoder().encode(JSON.stringify(claims)))
    .setProtectedHeader({ alg: 'RSA-OAEP-256', enc: 'A256GCM', typ: 'JWT' })
    .encrypt(recipient.publicKey)

  await page.goto(app.url)
  await goTo(page, 'Tokens')
  await page.getByLabel('Token', { exact: true }).fill(jwe)
  await expect(page.getByText('Encrypted token (JWE)')).toBeVisible()
  const verify = page.getByRole('form', { name: 'Verify' })
  await verify
    .getByLabel('Decryption key')
    .fill(JSON.stringify(await exportJWK(recipient.privateKey)))
  await verify.getByLabel('Client ID').fill('afx-native')
  await verify.getByRole('button', { name: 'Decrypt and verify' }).click()

  const checks = page.getByRole('list', { name: 'Checks' })
  await expect(checks.getByRole('listitem').filter({ hasText: /^✓ decrypt / })).toContainText(
    'Decrypted with the pasted JWK key (RSA-OAEP-256, A256GCM).',
  )
  await expect(checks.getByRole('listitem').filter({ hasText: /^✓ aud / })).toBeVisible()
  const claimsTable = page.getByRole('table', { name: 'Claims' })
  await expect(claimsTable.getByRole('row', { name: /^sub / })).toContainText('"ada"')

  // The private key of someone else, as PEM: the token stays closed, and the report says why.
  await verify.getByLabel('Decryption key').fill(await exportPKCS8(stranger.privateKey))
  await verify.getByRole('button', { name: 'Decrypt and verify' }).click()
  await expect(checks.getByRole('listitem').filter({ hasText: /^✗ decrypt / })).toContainText(
    'The key given does not decrypt this token: it was encrypted to another key.',
  )
  await expect(claimsTable.getByRole('row', { name: /^sub / })).toHaveCount(0)
})

test('an opaque token asked about with a provider that offers no introspection gets the reason in words', async ({
  page,
  app,
}) => {
  await callWebHost(app, 'profiles.save', {
    profile: {
      name: 'Token endpoint only',
      provider: { kind: 'endpoints', endpoints: { token_endpoint: `${app.origin}/token` } },
      clients: [{ clientId: 'some-api' }],
    },
  })
  await page.goto(app.url)
  await goTo(page, 'Tokens')
  await page.getByLabel('Token', { exact: true }).fill('Bearer 2YotnFZFEjr1zCsicMWpAA')
  await expect(page.getByText(/^Opaque token: not a JWT/)).toBeVisible()
  await page.getByRole('button', { name: 'Introspect' }).click()

  const result = page.getByRole('region', { name: 'Introspection result' })
  await expect(result.getByRole('status')).toHaveText('Introspection failed')
  await expect(result.getByRole('alert')).toContainText(
    "The provider's metadata names no introspection_endpoint.",
  )
})
