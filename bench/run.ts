// `npm run bench`: runs every benchmark in turn (each measures ours side by side with its peer),
// prints the table and writes bench/results.json. A benchmark that cannot run is reported as
// such and the others still run; the exit code is then 1. Goals are printed, never enforced.
import { writeFile } from 'node:fs/promises'
import { benchFlowOverhead } from './flow-bench'
import { describeMachine } from './machine'
import { benchMemory } from './memory-bench'
import { formatTable, type BenchResults } from './report'
import { benchSrp } from './srp-bench'
import { benchStartup } from './startup-bench'
import { benchVerify } from './verify-bench'

const RESULTS_FILE = 'bench/results.json'

const errors: Record<string, string> = {}

/** Runs one benchmark, keeping its failure as a line of the report instead of stopping. */
async function attempt<T>(name: string, bench: () => Promise<T>): Promise<T | null> {
  process.stdout.write(`${name}…\n`)
  try {
    return await bench()
  } catch (error) {
    errors[name] = error instanceof Error ? error.message : String(error)
    console.error(`${name} could not be measured:`, error)
    return null
  }
}

const srp = await attempt('srp', benchSrp)
const verify = await attempt('verify', benchVerify)
const flow = await attempt('flow', benchFlowOverhead)
const memory = await attempt('memory', benchMemory)
const startup = await attempt('startup', benchStartup)

const results: BenchResults = {
  date: new Date().toISOString(),
  machine: describeMachine(),
  srpSpeedup: srp,
  flowOverheadRatio: flow,
  verifyCostRatio: verify,
  startupMs: startup?.startupMs ?? null,
  rendererGzipBytes: startup?.rendererGzipBytes ?? null,
  hostRssMb: memory,
  ...(Object.keys(errors).length > 0 && { errors }),
}
await writeFile(RESULTS_FILE, `${JSON.stringify(results, null, 2)}\n`)
process.stdout.write(`\n${formatTable(results)}\nWritten to ${RESULTS_FILE}.\n`)
if (Object.keys(errors).length > 0) process.exitCode = 1
