// Starts the built app in browser mode (`afx web`) as a user would, with a fresh data folder,
// and stops it after the test. Needs `npm run build` first (npm test does it). The printed code
// opens the test's own session (`key`, for API calls); the page gets a one-time address of its own
// (`url`), made with that session, as each address opens one tab only.
import { spawn, type ChildProcess } from 'node:child_process'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Result } from '../../shared/result'

export type RunningWebHost = {
  /** A one-time address for the browser (`#k=…`), good for a minute and one tab. */
  url: string
  origin: string
  port: number
  /** A session key, for API calls the test makes itself (`Authorization: Bearer`). */
  key: string
  dataDir: string
  stop(): Promise<void>
}

/**
 * `args` go to `afx web`; the sandbox takes free ports so tests never collide with a running app.
 * `reuseDataDir`: start again on the folder an earlier host used (a restart), and leave it there.
 */
export async function startBuiltWebHost(
  args: string[] = [],
  reuseDataDir?: string,
): Promise<RunningWebHost> {
  const dataDir = reuseDataDir ?? (await mkdtemp(join(tmpdir(), 'afx-e2e-')))
  const child = spawn(
    process.execPath,
    [
      'bin/afx.js',
      'web',
      '--no-open',
      '--data-dir',
      dataDir,
      '--oidc-port',
      '0',
      '--cognito-port',
      '0',
      ...args,
    ],
    {
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  )
  const stop = async () => {
    const exited = new Promise((resolve) => child.once('exit', resolve))
    child.kill('SIGINT')
    await exited
    if (reuseDataDir === undefined) await rm(dataDir, { recursive: true, force: true })
  }
  try {
    const printed = new URL(await readAnnouncedUrl(child))
    const key = await openSession(printed)
    return {
      url: await newLaunchAddress(printed.origin, key),
      origin: printed.origin,
      port: Number(printed.port),
      key,
      dataDir,
      stop,
    }
  } catch (error) {
    if (child.exitCode === null) await stop()
    throw error
  }
}

/** Trades the printed one-time code for a session key, as the page's script does. */
export async function openSession(address: URL): Promise<string> {
  const code = new URLSearchParams(address.hash.slice(1)).get('k')
  const result = await postJson(`${address.origin}/api/session`, { code })
  return (result as { session: string }).session
}

/** A fresh one-time address made with a session, for one more tab. */
export async function newLaunchAddress(origin: string, key: string): Promise<string> {
  const result = await postJson(`${origin}/api/session/address`, {}, key)
  return (result as { url: string }).url
}

async function postJson(url: string, body: unknown, key?: string): Promise<unknown> {
  const response = await fetch(url, {
    method: 'POST',
    headers: {
      'Content-Type': 'application/json',
      ...(key !== undefined && { Authorization: `Bearer ${key}` }),
    },
    body: JSON.stringify(body),
  })
  const result = (await response.json()) as Result<unknown>
  if (!result.ok) throw new Error(`${url}: ${result.error.code} ${result.error.message}`)
  return result.value
}

function readAnnouncedUrl(child: ChildProcess): Promise<string> {
  return new Promise((resolve, reject) => {
    let output = ''
    const timer = setTimeout(() => reject(new Error(`afx web did not start:\n${output}`)), 15_000)
    const onData = (chunk: Buffer) => {
      output += chunk.toString()
      const match = /(http:\/\/127\.0\.0\.1:\d+\/#k=[\w-]+)/.exec(output)
      if (match?.[1]) {
        clearTimeout(timer)
        resolve(match[1])
      }
    }
    child.stdout?.on('data', onData)
    child.stderr?.on('data', onData)
    child.once('exit', (code) => reject(new Error(`afx web exited with ${code}:\n${output}`)))
  })
}
