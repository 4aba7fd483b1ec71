// Start-up: from spawning the built web host (`afx web`) to the renderer's ready marker in headless
// Chromium, next to a bare Node server with a one-line page as the floor; and the gzip weight of
// the JS and CSS that first load fetched.
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { performance } from 'node:perf_hooks'
import type { Browser } from 'playwright-core'
import { launchChromium } from '../test/helpers/chromium'
import { median, round } from './measure'
import { measureRendererGzip, type RendererFile } from './renderer-gzip'
import { spawnAnnouncingServer } from './spawn-announcing-server'

const ROUNDS = 7
const READY_MARKER = '[data-app-state="ready"]'
const RENDERER_DIR = 'out/renderer'

/** The floor: a Node process that serves a page already carrying the ready marker. */
const BASELINE_SERVER = `require('node:http')
  .createServer((req, res) => res.writeHead(200, { 'content-type': 'text/html' })
    .end('<!doctype html><title>baseline</title><div data-app-state="ready"></div>'))
  .listen(0, '127.0.0.1', function () { console.log('http://127.0.0.1:' + this.address().port + '/') })`

export type StartupResult = {
  startupMs: {
    value: number
    baselineMedianMs: number
    ratio: number
    runsMs: number[]
    baselineRunsMs: number[]
    rounds: number
  }
  rendererGzipBytes: { value: number; files: RendererFile[] }
}

/** startupMs = median time from process spawn to the ready marker; the browser is already up. */
export async function benchStartup(): Promise<StartupResult> {
  const browser = await launchChromium()
  try {
    const firstLoadUrls: string[] = []
    const hostMs: number[] = []
    const baselineMs: number[] = []
    for (let round = 0; round < ROUNDS; round++) {
      const dataDir = await mkdtemp(join(tmpdir(), 'afx-bench-web-'))
      try {
        const args = ['bin/afx.js', 'web', '--no-open', '--sandbox', 'off', '--data-dir', dataDir]
        const requests = round === 0 ? firstLoadUrls : []
        hostMs.push(await timeToReady(browser, args, requests))
      } finally {
        await rm(dataDir, { recursive: true, force: true })
      }
      baselineMs.push(await timeToReady(browser, ['-e', BASELINE_SERVER], []))
    }
    const gzip = await measureRendererGzip(RENDERER_DIR, firstLoadUrls)
    const hostMedian = median(hostMs)
    const baselineMedian = median(baselineMs)
    return {
      startupMs: {
        value: round(hostMedian, 0),
        baselineMedianMs: round(baselineMedian, 0),
        ratio: round(hostMedian / baselineMedian),
        runsMs: hostMs.map((ms) => round(ms, 0)),
        baselineRunsMs: baselineMs.map((ms) => round(ms, 0)),
        rounds: ROUNDS,
      },
      rendererGzipBytes: { value: gzip.totalGzipBytes, files: gzip.files },
    }
  } finally {
    await browser.close()
  }
}

/** Spawns the server, opens the URL it prints in a fresh context, and times until the marker. */
async function timeToReady(browser: Browser, args: string[], requests: string[]): Promise<number> {
  const context = await browser.newContext()
  const page = await context.newPage()
  page.on('request', (request) => void requests.push(request.url()))
  const start = performance.now()
  const server = await spawnAnnouncingServer(args)
  try {
    await page.goto(server.url)
    await page.locator(READY_MARKER).waitFor({ state: 'attached', timeout: 20_000 })
    return performance.now() - start
  } finally {
    await context.close()
    await server.stop()
  }
}
