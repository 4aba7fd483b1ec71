// Debian's Chromium, headless, with the flags this machine needs (no background networking: the
// network is closed, and Chromium's own connections would fail loudly). AFX_CHROMIUM overrides.
import { chromium, type Browser } from 'playwright-core'

export const CHROMIUM_PATH = process.env.AFX_CHROMIUM ?? '/usr/bin/chromium'

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
]

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: CHROMIUM_ARGS })
}
