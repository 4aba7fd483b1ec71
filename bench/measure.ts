// Timing the benchmarks share: a monotonic clock, the median, and side-by-side sampling that
// alternates which contender goes first, so drift (heat, other load) falls on both alike.
import { performance } from 'node:perf_hooks'

type Samples = { ours: number[]; peer: number[] }

/** The middle value (the mean of the two middle ones for an even count). */
export function median(values: number[]): number {
  if (values.length === 0) throw new RangeError('median of nothing')
  const sorted = [...values].sort((a, b) => a - b)
  const middle = Math.floor(sorted.length / 2)
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2
}

/** Milliseconds `task` takes, on the monotonic clock. */
async function timeMs(task: () => unknown): Promise<number> {
  const start = performance.now()
  await task()
  return performance.now() - start
}

/**
 * Times `ours` and `peer` once each per round, after `warmup` untimed rounds (JIT, lazy imports,
 * first connections). Even rounds run ours first, odd rounds the peer first.
 */
export async function sampleSideBySide(options: {
  rounds: number
  warmup: number
  ours: () => unknown
  peer: () => unknown
}): Promise<Samples> {
  for (let round = 0; round < options.warmup; round++) {
    await options.ours()
    await options.peer()
  }
  const samples: Samples = { ours: [], peer: [] }
  for (let round = 0; round < options.rounds; round++) {
    if (round % 2 === 0) {
      samples.ours.push(await timeMs(options.ours))
      samples.peer.push(await timeMs(options.peer))
    } else {
      samples.peer.push(await timeMs(options.peer))
      samples.ours.push(await timeMs(options.ours))
    }
  }
  return samples
}

/** Rounds a figure for the report: enough digits to compare, no float noise. */
export const round = (value: number, digits = 2): number => Number(value.toFixed(digits))
