// Where a benchmark ran: the figures mean little without the machine and runtime behind them.
import { arch, cpus, release, totalmem, type } from 'node:os'

export type Machine = {
  os: string
  cpus: { count: number; model: string }
  memoryGb: number
  node: string
}

export function describeMachine(): Machine {
  const cores = cpus()
  return {
    os: `${type()} ${release()} ${arch()}`,
    cpus: { count: cores.length, model: cores[0]?.model.trim() ?? 'unknown' },
    memoryGb: Math.round(totalmem() / 2 ** 30),
    node: process.version,
  }
}
