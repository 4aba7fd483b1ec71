// One sandbox provider and one Chromium for a test file: started together before its tests,
// stopped after them (the browser first, so no page is left talking to a closed provider).
import type { Browser } from 'playwright-core'
import { startOidcSandbox, type OidcSandbox } from '../../electron/core/sandbox/oidc/oidc-sandbox'
import { launchChromium } from './chromium'

export type SandboxAndBrowser = { sandbox: OidcSandbox; browser: Browser }

export async function startSandboxAndBrowser(
  options: { webCallbackPort?: number } = {},
): Promise<SandboxAndBrowser> {
  const [sandbox, browser] = await Promise.all([
    startOidcSandbox({ port: 0, ...options }),
    launchChromium(),
  ])
  return { sandbox, browser }
}

/** Tolerates a start that failed half-way: whatever was started is stopped. */
export async function stopSandboxAndBrowser(started: Partial<SandboxAndBrowser>): Promise<void> {
  await started.browser?.close()
  await started.sandbox?.close()
}
