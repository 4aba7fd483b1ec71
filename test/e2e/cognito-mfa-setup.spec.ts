// MFA setup in the UI: mia must enrol an authenticator at sign-in (MFA_SETUP). The QR code of the
// new entry appears only when asked for, holds exactly the otpauth:// URI of the secret revealed
// beside it, and a code computed from that secret finishes the sign-in with tokens.
import { Secret, TOTP } from 'otpauth'
import { otpauthUri } from '../../electron/core/cognito/totp'
import { qrModulesOf } from '../../renderer/components/qr-modules'
import { waitForSandbox } from '../helpers/call-web-host'
import { expect, test } from './app-fixture'

test('enrols mia’s authenticator from the QR code and signs her in with its first code', async ({
  page,
  app,
}) => {
  const { cognito } = await waitForSandbox(app)
  const mia = cognito!.users.find((user) => user.username === 'mia')!
  await page.goto(app.url)
  await page.getByRole('button', { name: 'Flows' }).click()
  await page.getByLabel('Cognito sign-in (SRP, MFA)').check()
  await page.getByLabel('Sandbox user').selectOption('mia')
  await page.getByRole('button', { name: 'Sign in' }).click()

  const run = page.getByRole('region', { name: /Cognito/ })
  await expect(run.getByRole('status')).toHaveText('Waiting for your answer')
  const answer = page.getByRole('form', { name: 'Answer' })
  const enrolment = answer.getByRole('region', { name: 'New authenticator entry' })
  const qr = enrolment.getByRole('img', { name: /QR code of the new authenticator entry/ })
  // A secret: nothing of it shows until asked for.
  await expect(qr).toHaveCount(0)
  await expect(enrolment.getByLabel('Authenticator secret')).toHaveCount(0)

  await enrolment.getByRole('button', { name: 'Show the QR code' }).click()
  await expect(qr).toBeVisible()
  await enrolment.getByRole('button', { name: 'Show the secret as text' }).click()
  const secret = (await enrolment.getByLabel('Authenticator secret').textContent()) ?? ''
  expect(secret).toMatch(/^[A-Z2-7]{32}$/)
  await page.screenshot({ path: 'test-results/cognito-mfa-setup-qr.png', fullPage: true })

  // The picture is the otpauth:// URI of that secret for mia, module for module.
  const expected = qrModulesOf(otpauthUri(secret, 'mia', `Cognito ${cognito!.userPoolId}`))
  const drawn = await qr.locator('path').getAttribute('d')
  const squares = [...(drawn ?? '').matchAll(/M(\d+) (\d+)h1v1h-1z/g)].map(
    ([, col, row]) => `${row},${col}`,
  )
  expect(await qr.getAttribute('data-modules')).toBe(String(expected.length))
  expect(squares).toEqual(
    expected.flatMap((cells, r) => cells.flatMap((dark, c) => (dark ? [`${r},${c}`] : []))),
  )

  const code = new TOTP({ secret: Secret.fromBase32(secret) }).generate()
  await answer.getByLabel('The code the app shows for the new entry').fill(code)
  await answer.getByRole('button', { name: 'Answer' }).click()

  await expect(run.getByRole('status')).toHaveText('Succeeded')
  await expect(
    run.getByRole('article', { name: 'RespondToAuthChallenge (MFA_SETUP): set up' }),
  ).toBeVisible()
  await expect(run.getByLabel('Tokens', { exact: true })).toContainText('id_token')
  await expect(page.locator('body')).not.toContainText(mia.password)
})
