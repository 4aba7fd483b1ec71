// Security fault #165: the process is killed (SIGKILL: no handler runs, nothing is flushed)
// during a flow and during a store write. On the next start the store is intact, nothing is left
// listening, and the run that was going is kept and marked interrupted.
// The CLI is the built one (`npm run build` first, as npm test does); the writer is a tsx child.
import { spawn, type ChildProcess } from 'node:child_process'
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { Workspace } from '../../electron/core/store/workspace'
import { testCoreIn } from '../helpers/test-impl'
import { isListening, startFaultProvider, type FaultProvider } from '../helpers/fault-provider'

const REPO_ROOT = fileURLToPath(new URL('../..', import.meta.url))
const WRITER = fileURLToPath(new URL('./store-writer-child.ts', import.meta.url))

/** Resolves with the first line of the child's stream that matches. */
function lineFrom(stream: NodeJS.ReadableStream, pattern: RegExp, timeoutMs = 15_000) {
  return new Promise<string>((resolve, reject) => {
    let text = ''
    const timer = setTimeout(
      () => reject(new Error(`no line matching ${pattern}: ${text}`)),
      timeoutMs,
    )
    stream.on('data', (chunk: Buffer) => {
      text += chunk.toString('utf8')
      const line = text.split('\n').find((candidate) => pattern.test(candidate))
      if (line === undefined) return
      clearTimeout(timer)
      resolve(line)
    })
  })
}

async function kill(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return
  const exited = new Promise((resolve) => child.once('exit', resolve))
  child.kill('SIGKILL')
  await exited
}

async function waitFor<T>(probe: () => Promise<T | undefined>, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    const found = await probe()
    if (found !== undefined) return found
    if (Date.now() > deadline) throw new Error('waited in vain')
    await new Promise((resolve) => setTimeout(resolve, 25))
  }
}

describe('the app killed while a flow waits for the browser (#165)', () => {
  let provider: FaultProvider
  let dataDir: string
  beforeAll(async () => {
    provider = await startFaultProvider()
    dataDir = await mkdtemp(join(tmpdir(), 'afx-killed-'))
  })
  afterAll(async () => {
    await provider.close()
    await rm(dataDir, { recursive: true, force: true })
  })

  it('finds the run interrupted on the next start, with nothing left listening', async () => {
    const cli = spawn(
      process.execPath,
      [
        'bin/afx.js',
        'flow',
        'code',
        '--issuer',
        provider.issuer,
        '--client-id',
        'killed-rp',
        '--browser',
        'none',
        '--data-dir',
        dataDir,
      ],
      { cwd: REPO_ROOT, stdio: ['ignore', 'pipe', 'pipe'] },
    )
    const line = await lineFrom(cli.stderr!, /^Open this URL to sign in: /)
    const redirectUri = new URL(
      new URL(line.slice(line.indexOf('http'))).searchParams.get('redirect_uri')!,
    )
    expect(await isListening(Number(redirectUri.port))).toBe(true)
    // Kept at its stop before the kill: the CLI wrote it on its own, nobody asked it to.
    const historyDir = join(dataDir, 'history')
    const file = await waitFor(async () => {
      const names = await readdir(historyDir).catch(() => [])
      return names.find((name) => /^run-[\w-]+\.json$/.test(name))
    })
    await waitFor(
      async () =>
        (await readFile(join(historyDir, file), 'utf8')).includes('"status": "waiting"') ||
        undefined,
    )
    await kill(cli)

    expect(await isListening(Number(redirectUri.port))).toBe(false)
    const restarted = testCoreIn(dataDir)
    const [summary] = restarted.runs.list()
    expect(summary).toMatchObject({ status: 'interrupted', origin: 'saved' })
    const run = restarted.runs.get(summary!.id)
    expect(run.diagnostics[0]).toMatchObject({ code: 'RUN_INTERRUPTED', severity: 'error' })
    expect(run.diagnostics[0]?.message).toMatch(/^The app stopped while this run was waiting/)
    expect(run.steps.find((step) => step.kind === 'callback')?.status).toBe('cancelled')
    expect(run.steps.find((step) => step.kind === 'browser')?.status).toBe('done')
    // Kept with its input, so it can be run again as it was started.
    expect(restarted.runs.replayInput(run.id)).toMatchObject({
      flow: 'code',
      provider: { issuer: provider.issuer },
      client: { clientId: 'killed-rp' },
    })
    await restarted.history.flush()
    // Nothing the restart did opens a listener again.
    expect(await isListening(Number(redirectUri.port))).toBe(false)
  })
})

describe('the app killed in the middle of saving the workspace (#165)', () => {
  let dataDir: string
  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'afx-killed-store-'))
  })
  afterAll(async () => {
    await rm(dataDir, { recursive: true, force: true })
  })

  it('leaves one whole version of the profile every time, never a broken file', async () => {
    let last = 0
    for (let round = 0; round < 6; round++) {
      const writer = spawn(
        process.execPath,
        ['--import', 'tsx', WRITER, dataDir, String(last + 1)],
        {
          cwd: REPO_ROOT,
          stdio: ['ignore', 'pipe', 'pipe'],
        },
      )
      try {
        await lineFrom(writer.stdout!, /^saving$/)
        // Somewhere inside the stream of writes: each takes a few milliseconds (it is fsynced).
        await new Promise((resolve) => setTimeout(resolve, 5 + round * 7))
      } finally {
        // SIGKILL, also when the test fails: the writer's loop never yields to a gentler signal.
        await kill(writer)
      }

      const workspace = Workspace.open({ dataDir })
      expect(workspace.status().problems).toEqual([])
      const notes = workspace.getProfile('Kept').notes ?? ''
      const version = Number(/^version (\d+)$/.exec(notes)?.[1])
      expect(version).toBeGreaterThan(last)
      last = version
    }
    // Whatever the kill left behind beside the file is litter, never the file itself.
    const names = await readdir(dataDir)
    expect(names).toContain('workspace.json')
    expect(names.filter((name) => !/^workspace\.json(\.[0-9a-f]+\.tmp)?$/.test(name))).toEqual([])
  })
})
