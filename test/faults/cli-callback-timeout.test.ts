// `afx flow` waiting for a browser that never comes back, with no terminal to interrupt it
// (reference/security.md §7.11 #154): the wait has a default end it announces, --timeout changes
// it, and when it ends the command exits 1 with the reason on one line and the loopback port shut.
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { performance } from 'node:perf_hooks'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { expectPlainWords } from '../helpers/fault-oracle'
import {
  DISCOVERY_PATH,
  isListening,
  metadataOf,
  sendJson,
  sendText,
  startFaultProvider,
  type FaultProvider,
} from '../helpers/fault-provider'
import { runCliInProcess, type CliRun } from '../helpers/run-cli-in-process'

const WAIT_LINE =
  /^Waiting up to (.+) for the browser to come back \(--timeout SECONDS to change it\)\.$/

let provider: FaultProvider
let dataDir: string
beforeAll(async () => {
  provider = await startFaultProvider({
    // A provider that can run every browser flow, and whose sign-in page keeps the browser: the
    // redirect URI is not refused, so only the callback timeout ends the wait.
    [`GET ${DISCOVERY_PATH}`]: (_req, res, self) =>
      sendJson(res, {
        ...metadataOf(self.issuer),
        end_session_endpoint: `${self.issuer}/logout`,
        response_types_supported: ['code', 'id_token', 'id_token token', 'code id_token'],
      }),
    'GET /authorize': (_req, res) =>
      sendText(res, '<!doctype html><title>Sign in</title><form></form>', 'text/html'),
    'GET /logout': (_req, res) =>
      sendText(res, '<!doctype html><title>Sign out?</title><form></form>', 'text/html'),
  })
  dataDir = await mkdtemp(join(tmpdir(), 'afx-callback-timeout-'))
})
afterAll(async () => {
  await provider.close()
  await rm(dataDir, { recursive: true, force: true })
})

function afxFlow(flow: string, extra: string[] = [], dir = dataDir): CliRun {
  return runCliInProcess([
    'flow',
    flow,
    '--issuer',
    provider.issuer,
    '--client-id',
    'afx-fault-client',
    '--browser',
    'none',
    '--data-dir',
    dir,
    ...extra,
  ])
}

/** The stderr line starting with `prefix`, once the CLI has printed it. */
async function stderrLine(cli: CliRun, prefix: string): Promise<string> {
  for (let waited = 0; waited < 10_000; waited += 20) {
    const line = cli.stderr.find((candidate) => candidate.startsWith(prefix))
    if (line !== undefined) return line
    await new Promise((resolve) => setTimeout(resolve, 20))
  }
  throw new Error(`no stderr line starting "${prefix}"; stderr:\n${cli.stderr.join('\n')}`)
}

/** The URL the CLI asks a person to open, and the loopback redirect it waits on. */
async function announcedUrl(cli: CliRun, action: 'sign in' | 'sign out') {
  const url = new URL((await stderrLine(cli, `Open this URL to ${action}: `)).split(': ')[1]!)
  const redirect = new URL(
    url.searchParams.get('redirect_uri') ?? url.searchParams.get('post_logout_redirect_uri')!,
  )
  return { url, redirect, port: Number(redirect.port) }
}

describe('afx flow with no --timeout (#154)', () => {
  it('announces the 5-minute default once, right after the URL, and waits on it', async () => {
    const ownDir = join(dataDir, 'default-wait')
    const cli = afxFlow('code', [], ownDir)
    const { url, redirect, port } = await announcedUrl(cli, 'sign in')
    await stderrLine(cli, 'Waiting up to ')
    // Past the redirect-URI probe (1 s): nothing but the browser, or the timeout, ends the wait.
    await new Promise((resolve) => setTimeout(resolve, 1_500))

    expect(cli.stderr).toEqual([
      `Open this URL to sign in: ${url.href}`,
      'Waiting up to 5 min for the browser to come back (--timeout SECONDS to change it).',
    ])
    expect(await isListening(port)).toBe(true)

    // The person gives up at the provider: the browser comes back with access_denied. That ends
    // the wait at once, as a person would, instead of after 5 minutes.
    redirect.search = new URLSearchParams({
      error: 'access_denied',
      state: url.searchParams.get('state')!,
    }).toString()
    await fetch(redirect)
    expect(await cli.exitCode).toBe(1)
    expect(await isListening(port)).toBe(false)
    // A refusal is not a timeout: no advice to wait longer.
    expect(cli.stderr).toHaveLength(2)

    // The run really waited with the default: the input history kept says so.
    const [file, ...others] = await readdir(join(ownDir, 'history'))
    expect(others).toEqual([])
    const saved = JSON.parse(await readFile(join(ownDir, 'history', file!), 'utf8'))
    expect(saved.input).toMatchObject({ flow: 'code', callbackTimeoutMs: 5 * 60_000 })
  })
})

describe('afx flow --timeout when the browser never comes back (#154)', () => {
  it.each([
    ['code', 'sign in'],
    ['implicit', 'sign in'],
    ['hybrid', 'sign in'],
    ['logout', 'sign out'],
  ] as const)(
    '%s --timeout 1: exit 1 after 1 s, one line saying why, the port closed',
    async (flow, action) => {
      const begun = performance.now()
      const cli = afxFlow(flow, ['--timeout', '1'])
      const { port } = await announcedUrl(cli, action)
      expect(await isListening(port)).toBe(true)

      const code = await cli.exitCode
      const elapsedMs = performance.now() - begun

      expect(code).toBe(1)
      expect(elapsedMs).toBeGreaterThanOrEqual(1_000)
      expect(elapsedMs).toBeLessThan(8_000)
      expect(cli.stderr.find((line) => WAIT_LINE.test(line))).toMatch(/^Waiting up to 1 s /)
      const reason = cli.stderr.at(-1)!
      expect(reason).not.toContain('\n')
      expect(reason).toMatch(
        /^afx: No callback arrived at http:\/\/127\.0\.0\.1:\d+\/\S+ within 1 s\. .*the browser never came back\. To wait longer, run again with --timeout SECONDS\.$/,
      )
      expect(cli.stdout.join('\n')).toMatch(/^✗ .*\n\s+LOOPBACK_TIMEOUT: No callback arrived/m)
      expectPlainWords([...cli.stdout, ...cli.stderr].join('\n'))
      expect(await isListening(port)).toBe(false)
    },
  )

  it('--json keeps stdout the run alone; the reason is on stderr', async () => {
    const cli = afxFlow('code', ['--timeout', '1', '--json'])
    const { port } = await announcedUrl(cli, 'sign in')

    expect(await cli.exitCode).toBe(1)
    const run = JSON.parse(cli.stdout.join('\n')) as { status: string }
    expect(run.status).toBe('failed')
    expect(cli.stderr.at(-1)).toMatch(/^afx: No callback arrived .* --timeout SECONDS\.$/)
    expect(await isListening(port)).toBe(false)
  })
})

describe('afx flow --timeout that is not a number of seconds', () => {
  it.each(['0', 'abc', '99999', '1.5', '3601', ''])(
    '--timeout "%s": exit 2 with the usage line, before any request',
    async (value) => {
      const before = provider.requests.length
      const cli = afxFlow('code', ['--timeout', value])

      expect(await cli.exitCode).toBe(2)
      expect(cli.stderr).toEqual([
        `afx: --timeout must be a whole number of seconds from 1 to 3600, not "${value}". Run "afx --help" for usage.`,
      ])
      expect(cli.stdout).toEqual([])
      expect(provider.requests.length).toBe(before)
    },
  )
})
