// Host memory: the resident memory of a core in a process of its own (bench/memory-probe.ts),
// idle and after 1,000 client-credentials runs against a sandbox kept in this process, so the
// provider's own memory never counts. Flat means the last samples are close to the early ones.
// The probe is bundled to plain JavaScript first (esbuild, which tsx and Vite bring): run through
// tsx, its loader alone would add some 35 MB of resident memory.
import { spawn } from 'node:child_process'
import { mkdtemp, rm, symlink } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { build } from 'esbuild'
import { startOidcSandbox } from '../electron/core/sandbox/oidc/oidc-sandbox'
import type { MemoryProbeOutput, MemorySample } from './memory-probe'

const RUNS = 1000
const SAMPLE_EVERY = 100
/** RSS moves by a few MB between samples for no reason of ours (allocator, GC timing). */
const FLAT_TOLERANCE_MB = 5
/** 1,000 runs take a few seconds here; this is for a probe that hangs. */
const PROBE_TIMEOUT_MS = 120_000

export type MemoryResult = {
  idle: number
  after1000Runs: number
  /** after1000Runs - idle: what the first runs load (code, kept runs) plus any growth. */
  deltaMb: number
  /** after1000Runs - the sample halfway, once the run store is full: the leak signal. */
  secondHalfDeltaMb: number
  /** Whether secondHalfDeltaMb stays within FLAT_TOLERANCE_MB. */
  isFlat: boolean
  gcForced: boolean
  samples: MemorySample[]
}

/** hostRssMb: RSS in MiB of the probe, idle and after RUNS runs, each after a forced GC. */
export async function benchMemory(): Promise<MemoryResult> {
  const probeDir = await mkdtemp(join(tmpdir(), 'afx-bench-probe-'))
  const sandbox = await startOidcSandbox({ port: 0 })
  try {
    const probe = await bundleProbe(probeDir)
    const secret = sandbox.description.clients.find(
      (c) => c.client_id === 'afx-service',
    )?.client_secret
    if (secret === undefined) throw new Error('memory: the sandbox has no afx-service secret')
    const output = await runProbe(probe, [
      sandbox.issuer,
      secret,
      String(RUNS),
      String(SAMPLE_EVERY),
    ])
    const first = output.samples[0]!
    const halfway = output.samples.find((s) => s.runs === RUNS / 2)!
    const last = output.samples.at(-1)!
    const secondHalfDeltaMb = Number((last.rssMb - halfway.rssMb).toFixed(1))
    return {
      idle: first.rssMb,
      after1000Runs: last.rssMb,
      deltaMb: Number((last.rssMb - first.rssMb).toFixed(1)),
      secondHalfDeltaMb,
      isFlat: secondHalfDeltaMb <= FLAT_TOLERANCE_MB,
      gcForced: output.gcForced,
      samples: output.samples,
    }
  } finally {
    await sandbox.close()
    await rm(probeDir, { recursive: true, force: true })
  }
}

/** Bundles our code into one module in `dir`; packages stay imports, found through a link. */
async function bundleProbe(dir: string): Promise<string> {
  await symlink(resolve('node_modules'), join(dir, 'node_modules'), 'dir')
  const outfile = join(dir, 'memory-probe.mjs')
  await build({
    entryPoints: ['bench/memory-probe.ts'],
    outfile,
    bundle: true,
    packages: 'external',
    platform: 'node',
    format: 'esm',
    target: 'node20',
    logLevel: 'warning',
  })
  return outfile
}

function runProbe(probe: string, args: string[]): Promise<MemoryProbeOutput> {
  const child = spawn(process.execPath, ['--expose-gc', probe, ...args], {
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let stdout = ''
  let stderr = ''
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()))
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), PROBE_TIMEOUT_MS)
    child.once('exit', (code, signal) => {
      clearTimeout(timer)
      const line = stdout.trim().split('\n').at(-1) ?? ''
      if (code === 0 && line.startsWith('{')) resolve(JSON.parse(line) as MemoryProbeOutput)
      else reject(new Error(`memory probe ended ${signal ?? code}:\n${stderr}`))
    })
  })
}
