// The memory benchmark's child process: an in-process core, idle and then through 1,000
// client-credentials runs against the sandbox the parent started, printing one JSON line of
// resident and heap memory samples. Run with --expose-gc so each sample follows a full GC.
// Arguments: <issuer> <client-secret> <runs> <sample every n runs>
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { setTimeout as sleep } from 'node:timers/promises'
import { createCore } from '../electron/core/create-core'

export type MemorySample = { runs: number; rssMb: number; heapUsedMb: number }
export type MemoryProbeOutput = { gcForced: boolean; samples: MemorySample[] }

const [issuer = '', clientSecret = '', runsArg = '1000', everyArg = '100'] = process.argv.slice(2)
const gc = (globalThis as { gc?: () => void }).gc

async function sample(runs: number): Promise<MemorySample> {
  // Twice, with a pause between: finalizers and freed sockets need a turn of the event loop.
  gc?.()
  await sleep(50)
  gc?.()
  const { rss, heapUsed } = process.memoryUsage()
  const mb = (bytes: number) => Number((bytes / 2 ** 20).toFixed(1))
  return { runs, rssMb: mb(rss), heapUsedMb: mb(heapUsed) }
}

const dataDir = await mkdtemp(join(tmpdir(), 'afx-bench-memory-'))
try {
  const core = createCore({
    face: 'cli',
    dataDir,
    canEncryptSecrets: () => false,
    openBrowser: () => {
      throw new Error('client credentials needs no browser')
    },
  })
  const samples = [await sample(0)]
  const total = Number(runsArg)
  for (let runs = 1; runs <= total; runs++) {
    const { done } = core.runs.start({
      flow: 'client_credentials',
      provider: { issuer },
      client: {
        clientId: 'afx-service',
        clientSecret,
        scope: 'api:read',
        extraParams: { resource: 'urn:afx:sandbox-api' },
      },
      mode: 'auto',
    })
    const run = await done
    if (run.status !== 'succeeded') {
      throw new Error(`run ${runs} ended ${run.status}: ${run.diagnostics[0]?.message}`)
    }
    // After the first run too: it loads the HTTP client and openid-client, once.
    if (runs === 1 || runs % Number(everyArg) === 0) samples.push(await sample(runs))
  }
  const output: MemoryProbeOutput = { gcForced: gc !== undefined, samples }
  process.stdout.write(`${JSON.stringify(output)}\n`)
} finally {
  await rm(dataDir, { recursive: true, force: true })
}
