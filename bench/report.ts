// What a benchmark run produces: the shape of bench/results.json, and the table printed from it.
import type { FlowResult } from './flow-bench'
import type { Machine } from './machine'
import type { MemoryResult } from './memory-bench'
import type { SrpResult } from './srp-bench'
import type { StartupResult } from './startup-bench'
import type { VerifyResult } from './verify-bench'

/** Every figure, null when its benchmark could not run (the reason is in `errors`). */
export type BenchResults = {
  date: string
  machine: Machine
  srpSpeedup: SrpResult | null
  flowOverheadRatio: FlowResult | null
  verifyCostRatio: VerifyResult | null
  startupMs: StartupResult['startupMs'] | null
  rendererGzipBytes: StartupResult['rendererGzipBytes'] | null
  hostRssMb: MemoryResult | null
  errors?: Record<string, string>
}

type Row = [figure: string, ours: string, peer: string, result: string, goal: string]

const notMeasured = (figure: string): Row => [figure, '—', '—', 'not measured', '']

/** The results as an aligned text table, one row per figure, goals marked met or missed. */
export function formatTable(results: BenchResults): string {
  const { srpSpeedup: srp, flowOverheadRatio: flow, verifyCostRatio: verify } = results
  const { startupMs: startup, rendererGzipBytes: gzip, hostRssMb: memory } = results
  const rows: Row[] = [
    ['figure', 'ours (median)', 'peer (median)', 'result', 'goal'],
    srp
      ? [
          'srpSpeedup',
          `${srp.oursMedianMs} ms`,
          `acij ${srp.acijMedianMs} ms`,
          `${srp.value}× faster`,
          withVerdict(srp.goal, srp.value),
        ]
      : notMeasured('srpSpeedup'),
    flow
      ? [
          'flowOverheadRatio',
          `${flow.oursMedianMs} ms`,
          `openid-client ${flow.bareMedianMs} ms`,
          `${flow.value}`,
          withVerdict(flow.goal, flow.value),
        ]
      : notMeasured('flowOverheadRatio'),
    verify
      ? [
          'verifyCostRatio',
          `${verify.oursTokensPerSecond} tokens/s`,
          `jose ${verify.joseTokensPerSecond} tokens/s`,
          `${verify.value}`,
          withVerdict(verify.goal, verify.value),
        ]
      : notMeasured('verifyCostRatio'),
    startup
      ? [
          'startupMs',
          `${startup.value} ms`,
          `bare Node page ${startup.baselineMedianMs} ms`,
          `${startup.value} ms (${startup.ratio}× the floor)`,
          '',
        ]
      : notMeasured('startupMs'),
    gzip
      ? [
          'rendererGzipBytes',
          `${gzip.files.length} files`,
          '—',
          `${gzip.value} B (${(gzip.value / 1024).toFixed(1)} KiB)`,
          '',
        ]
      : notMeasured('rendererGzipBytes'),
    memory
      ? [
          'hostRssMb',
          `idle ${memory.idle} MB`,
          '—',
          `${memory.after1000Runs} MB after 1000 runs (Δ ${signed(memory.deltaMb)}, last 500 ${signed(memory.secondHalfDeltaMb)})`,
          `flat ${memory.isFlat ? 'met' : 'missed'}${memory.gcForced ? '' : ' (no GC forced)'}`,
        ]
      : notMeasured('hostRssMb'),
  ]
  const widths = rows[0]!.map((_, column) => Math.max(...rows.map((row) => row[column]!.length)))
  const line = (row: Row) =>
    row
      .map((cell, column) => cell.padEnd(widths[column]!))
      .join('  ')
      .trimEnd()
  const { machine } = results
  const header = `${results.date} · ${machine.os} · ${machine.cpus.count} × ${machine.cpus.model} · Node ${machine.node}`
  return [header, '', line(rows[0]!), ...rows.slice(1).map(line)].join('\n').trimEnd()
}

/** "<= 1.15 missed": a goal written as an operator and a number, checked against the value. */
function withVerdict(goal: string, value: number): string {
  const [operator, target] = goal.split(' ')
  const met = operator === '>=' ? value >= Number(target) : value <= Number(target)
  return `${goal} ${met ? 'met' : 'missed'}`
}

const signed = (mb: number) => `${mb >= 0 ? '+' : ''}${mb} MB`
