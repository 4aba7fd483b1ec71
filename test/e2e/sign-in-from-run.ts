// What a person does when a run waits for the browser: opens the run's sign-in link in a new tab
// and signs alice in at the sandbox provider, allowing the consent. Returns that tab.
import { type BrowserContext, type Locator, type Page } from '@playwright/test'

export async function signInFromRun(context: BrowserContext, run: Locator): Promise<Page> {
  const [signIn] = await Promise.all([
    context.waitForEvent('page'),
    run.getByRole('link', { name: 'Open the sign-in page' }).click(),
  ])
  await signIn.getByLabel('Username').fill('alice')
  await signIn.getByLabel('Password').fill('alice-password')
  await signIn.getByRole('button', { name: 'Sign in' }).click()
  await signIn.getByRole('button', { name: 'Allow' }).click()
  return signIn
}
