import type { Page } from '@playwright/test'
import { CompactEncrypt, SignJWT, exportJWK, generateKeyPair } from 'jose'
import * as oidc from 'openid-client'
import { waitForSandbox } from '../helpers/call-web-host'
import { expect, test } from './app-fixture'
import type { RunningWebHost } from '../helpers/start-web-host'

async function signedIdToken() {
  const { privateKey, publicKey } = await generateKeyPair('ES256')
  const kid = `test-${(await exportJWK(publicKey)).x?.slice(0, 8)}`
  const now = Math.floor(Date.now() / 1000)
  const token = await new SignJWT({ email: 'ada@example.test', nonce: 'n-0S6_WzA2Mj' })
    .setProtectedHeader({ alg: 'ES256', kid, typ: 'JWT' })
    .setIssuer('http://127.0.0.1:9400')
    .setSubject('ada')
    .setAudience('afx-native')
    .setIssuedAt(now - 120)
    .setExpirationTime(now + 3600)
    .sign(privateKey)
  return { token, kid }
}

async function openTokensPage(page: Page, running: RunningWebHost) {
  await page.goto(running.url)
  await page.getByRole('button', { name: 'Tokens' }).click()
}

test('pasting a signed ID token shows its header, payload and times in words', async ({
  page,
  app,
}) => {
  const { token, kid } = await signedIdToken()
  await openTokensPage(page, app)
  await expect(page.locator('[data-app-state="ready"]')).toBeVisible()
  await expect(page).toHaveURL(`${app.origin}/`) // the launch key left the address bar

  await page.getByLabel('Token', { exact: true }).fill(token)

  await expect(
    page.getByText('Signed token (JWS) · ES256 · signature of 64 bytes, not verified'),
  ).toBeVisible()
  const header = page.getByLabel('Header', { exact: true })
  await expect(header).toContainText(`"kid": "${kid}"`)
  const payload = page.getByLabel('Payload', { exact: true })
  await expect(payload).toContainText('"sub": "ada"')
  await expect(payload).toContainText('"email": "ada@example.test"')
  const times = page.getByRole('table', { name: 'Times' })
  await expect(times.getByRole('row', { name: /exp/ })).toContainText(/expires in 59 minutes/)
  await expect(times.getByRole('row', { name: /iat/ })).toContainText(
    /issued 2 minutes( \d+ seconds?)? ago/,
  )
  await page.screenshot({ path: 'test-results/token-inspector.png', fullPage: true })
})

test('a token that is not a JWT gets its problem in words', async ({ page, app }) => {
  await openTokensPage(page, app)
  await page.getByLabel('Token', { exact: true }).fill('eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJhZGEifQ')
  const alert = page.getByRole('alert')
  await expect(alert).toContainText('This is not a JWT: it has 2 parts separated by dots')
  await expect(alert).toContainText('Check that the whole token was copied')

  await page.getByLabel('Token', { exact: true }).fill('e30.bm90IGpzb24.')
  await expect(page.getByRole('alert')).toContainText('The payload decodes, but is not valid JSON.')
})

test('an encrypted token is named as encrypted, with its header shown', async ({ page, app }) => {
  const { publicKey } = await generateKeyPair('RSA-OAEP-256')
  const jwe = await new CompactEncrypt(new TextEncoder().encode('{"sub":"ada"}'))
    .setProtectedHeader({ alg: 'RSA-OAEP-256', enc: 'A128GCM' })
    .encrypt(publicKey)
  await openTokensPage(page, app)
  await page.getByLabel('Token', { exact: true }).fill(jwe)
  await expect(page.getByText('Encrypted token (JWE)')).toBeVisible()
  await expect(page.getByLabel('Header', { exact: true })).toContainText('"enc": "A128GCM"')
})

test('an access token issued by the sandbox provider decodes as an RFC 9068 JWT', async ({
  page,
  app,
}) => {
  const { oidc: provider } = await waitForSandbox(app)
  const service = provider!.clients.find((client) => client.client_id === 'afx-service')!
  const config = await oidc.discovery(
    new URL(provider!.issuer),
    service.client_id,
    service.client_secret,
    undefined,
    { execute: [oidc.allowInsecureRequests] },
  )
  const tokens = await oidc.clientCredentialsGrant(config, {
    scope: 'api:read',
    resource: 'urn:afx:sandbox-api',
  })

  await openTokensPage(page, app)
  await page.getByLabel('Token', { exact: true }).fill(tokens.access_token)
  await expect(page.getByLabel('Header', { exact: true })).toContainText('"typ": "at+jwt"')
  const payload = page.getByLabel('Payload', { exact: true })
  await expect(payload).toContainText(`"iss": "${provider!.issuer}"`)
  await expect(payload).toContainText('"client_id": "afx-service"')
  await expect(payload).toContainText('"aud": "urn:afx:sandbox-api"')
  await expect(page.getByRole('table', { name: 'Times' })).toContainText(
    /expires in (9|10) minutes/,
  )

  // Verify it against its issuer: discovery, then the JWKS, then every check in words.
  const verify = page.getByRole('form', { name: 'Verify' })
  await verify.getByLabel('Token kind').selectOption('access_token')
  await verify.getByRole('button', { name: 'Verify' }).click()
  const verdict = page.getByRole('status').filter({ hasText: 'Signature' })
  await expect(verdict).toHaveText('Signature valid · access token · every check passed')
  await expect(page.getByRole('list', { name: 'Checks' })).toContainText('RFC 9068')
  const claims = page.getByRole('table', { name: 'Claims' })
  await expect(claims.getByRole('row', { name: /^client_id / })).toContainText('afx-service')
  await page.screenshot({ path: 'test-results/token-verified.png', fullPage: true })

  // A signature changed by a few characters no longer verifies.
  const [header, body, signature] = tokens.access_token.split('.')
  const tampered = `${header}.${body}.${signature!.slice(0, -4)}AAAA`
  await page.getByLabel('Token', { exact: true }).fill(tampered)
  await verify.getByRole('button', { name: 'Verify' }).click()
  await expect(verdict).toContainText('Signature INVALID')
})

test('compares two tokens claim by claim, differences first', async ({ page, app }) => {
  const { privateKey } = await generateKeyPair('ES256')
  const sign = (claims: Record<string, unknown>, iat: number) =>
    new SignJWT(claims)
      .setProtectedHeader({ alg: 'ES256' })
      .setSubject('alice')
      .setIssuedAt(iat)
      .sign(privateKey)
  const hosted = await sign(
    { amr: ['pwd'], 'cognito:groups': ['admins'], identities: [{ providerName: 'Google' }] },
    1_800_000_000,
  )
  const srp = await sign({ amr: ['srp'], 'cognito:groups': ['admins'] }, 1_800_000_100)

  await openTokensPage(page, app)
  await page.getByLabel('Token', { exact: true }).fill(hosted)
  await page.getByLabel('Second token').fill(srp)

  const table = page.getByRole('table', { name: 'Claims compared' })
  const rows = table.getByRole('row')
  await expect(rows.nth(1)).toContainText('amr["pwd"]["srp"]changed')
  await expect(rows.nth(2)).toContainText('identities')
  await expect(rows.nth(2)).toContainText('only in the first')
  await expect(table.getByRole('row', { name: /^cognito:groups/ })).toContainText('same')
  await expect(table.getByRole('row', { name: /^iat/ })).toContainText(
    'changed (differs on every token)',
  )
})
