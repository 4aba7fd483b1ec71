// Starts the built app in browser mode (`afx web`) as a user would, with a fresh data folder,
// and stops it after the test. Needs `npm run build` first (npm test does it).
import { spawn, type ChildProcess } from 'node:child_process'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

export type RunningWebHost = {
  url: string
  origin: string
  port: number
  /** The launch key, for API calls the test makes itself. */
  key: string
  dataDir: string
  stop(): Promise<void>
}

/** `args` go to `afx web`; the sandbox takes free ports so tests never collide with a running app. */
export async function startBuiltWebHost(args: string[] = []): Promise<RunningWebHost> {
  const dataDir = await mkdtemp(join(tmpdir(), 'afx-e2e-'))
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
  const url = await readAnnouncedUrl(child)
  const parsed = new URL(url)
  return {
    url,
    origin: parsed.origin,
    port: Number(parsed.port),
    key: parsed.searchParams.get('k') ?? '',
    dataDir,
    stop: async () => {
      const exited = new Promise((resolve) => child.once('exit', resolve))
      child.kill('SIGINT')
      await exited
      await rm(dataDir, { recursive: true, force: true })
    },
  }
}

function readAnnouncedUrl(child: ChildProcess): Promise<string> {
  return new Promise((resolve, reject) => {
    let output = ''
    const timer = setTimeout(() => reject(new Error(`afx web did not start:\n${output}`)), 15_000)
    const onData = (chunk: Buffer) => {
      output += chunk.toString()
      const match = /(http:\/\/127\.0\.0\.1:\d+\/\?k=[\w-]+)/.exec(output)
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
