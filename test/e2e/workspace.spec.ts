// The workspace as a person keeps it: a profile made from the sandbox's discovery URL, a flow run
// from it, that run found in history after the app restarts on the same data folder, exported as
// curl and HAR without its secret, and each page photographed.
import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { expect, test, type Page } from '@playwright/test'
import { waitForSandbox } from '../helpers/call-web-host'
import { startBuiltWebHost, type RunningWebHost } from '../helpers/start-web-host'

const PROFILE = 'Sandbox service (from discovery)'

let dataDir: string
let running: RunningWebHost | undefined

test.beforeEach(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'afx-e2e-workspace-'))
})
test.afterEach(async () => {
  await running?.stop()
  running = undefined
  await rm(dataDir, { recursive: true, force: true })
})

const goTo = (page: Page, name: string) =>
  page.getByRole('navigation', { name: 'Pages' }).getByRole('button', { name }).click()

async function download(page: Page, button: string): Promise<string> {
  const [file] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: button }).click(),
  ])
  return readFile(await file.path(), 'utf8')
}

test('a profile from a discovery URL runs a flow that history keeps across a restart', async ({
  page,
}) => {
  running = await startBuiltWebHost([], dataDir)
  const sandbox = await waitForSandbox(running)
  const issuer = sandbox.oidc?.issuer ?? ''
  const secret =
    sandbox.oidc?.clients.find((client) => client.client_id === 'afx-service')?.client_secret ?? ''
  await page.goto(running.url)

  // One paste makes the draft; the person names it, adds the client and its secret, saves.
  await goTo(page, 'Profiles')
  await page
    .getByLabel('Discovery URL or issuer')
    .fill(`${issuer}/.well-known/openid-configuration`)
  await page.getByRole('button', { name: 'Create from discovery' }).click()
  await expect(page.getByLabel('Issuer', { exact: true })).toHaveValue(issuer)
  await page.getByLabel('Name', { exact: true }).fill(PROFILE)
  const client = page.getByRole('group', { name: 'Client 1' })
  await client.getByLabel('Client ID').fill('afx-service')
  await client.getByLabel('Authentication method').selectOption('client_secret_basic')
  await client.getByLabel('Client secret').fill(secret)
  await page.getByRole('button', { name: 'Save profile' }).click()
  await expect(page.getByText(`Saved ${PROFILE}.`)).toBeVisible()
  await expect(client).toContainText('Kept for this session only')
  await page.screenshot({ path: 'test-results/workspace-profiles.png', fullPage: true })

  // The flow form takes everything from the profile; the engine adds the kept secret.
  await goTo(page, 'Flows')
  await page.getByRole('combobox', { name: 'Profile', exact: true }).selectOption(PROFILE)
  await page.getByRole('combobox', { name: 'Flow', exact: true }).selectOption('client_credentials')
  await page.getByRole('button', { name: 'Start' }).click()
  const run = page.getByRole('region', { name: /Client credentials/ })
  await expect(run.getByRole('status')).toHaveText('Succeeded')

  // Exports: runnable curl with the secret as a variable, HAR 1.2, neither with the secret.
  await goTo(page, 'History')
  await page.getByRole('searchbox', { name: 'Search runs' }).fill('afx-service')
  const runs = page.getByRole('list', { name: 'Runs' })
  await expect(runs.getByRole('listitem')).toHaveCount(1)
  await runs.getByRole('button', { name: /Client credentials/ }).click()
  const curl = await download(page, 'Export as curl')
  expect(curl).toMatch(/^#!\/bin\/sh/)
  expect(curl).toContain('curl ')
  expect(curl).toMatch(/"\$AUTHORIZATION"|"\$CLIENT_SECRET"/)
  expect(curl).not.toContain(secret)
  const har = JSON.parse(await download(page, 'Export as HAR')) as {
    log: { version: string; entries: { request: { url: string } }[] }
  }
  expect(har.log.version).toBe('1.2')
  expect(har.log.entries.map((entry) => entry.request.url)).toContainEqual(
    expect.stringMatching(/\/token$/),
  )
  expect(JSON.stringify(har)).not.toContain(secret)
  await page.screenshot({ path: 'test-results/workspace-history.png', fullPage: true })

  await goTo(page, 'Timeline')
  await expect(page.getByRole('table', { name: 'Requests, newest first' })).toContainText('/token')
  await page.screenshot({ path: 'test-results/workspace-timeline.png', fullPage: true })
  await goTo(page, 'Settings')
  await expect(page.getByText(/kept for this session only/i).first()).toBeVisible()
  await page.screenshot({ path: 'test-results/workspace-settings.png', fullPage: true })

  // A restart on the same data folder: the run is there as it was, the profile too.
  await running.stop()
  running = await startBuiltWebHost([], dataDir)
  await page.goto(running.url)
  await goTo(page, 'History')
  await page
    .getByRole('list', { name: 'Runs' })
    .getByRole('button', { name: /Client credentials/ })
    .click()
  const reopened = page.getByRole('region', { name: /Client credentials/ })
  await expect(reopened.getByRole('status')).toHaveText('Succeeded')
  await expect(reopened.getByRole('article', { name: /token/i }).first()).toBeVisible()
  await goTo(page, 'Profiles')
  await page
    .getByRole('list', { name: 'Saved profiles' })
    .getByRole('button', { name: PROFILE })
    .click()
  await expect(page.getByRole('group', { name: 'Client 1' })).toContainText(
    'Kept by an earlier session: enter it again',
  )
})
