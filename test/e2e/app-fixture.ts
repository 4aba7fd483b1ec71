// Each end-to-end test gets its own app in browser mode (`afx web`), with a fresh data folder and
// the sandbox on free ports, stopped when the test ends.
import { test as base } from '@playwright/test'
import { startBuiltWebHost, type RunningWebHost } from '../helpers/start-web-host'

export const test = base.extend<{ app: RunningWebHost }>({
  // eslint-disable-next-line no-empty-pattern -- Playwright reads the fixtures a function names
  app: async ({}, use) => {
    const app = await startBuiltWebHost()
    await use(app)
    await app.stop()
  },
})

export { expect } from '@playwright/test'
