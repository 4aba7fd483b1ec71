// What the CLI's commands touch of the outside world, so tests can run them in-process.
import type { ContractImpl } from '../../../shared/contract'

export type CliContext = {
  impl: ContractImpl
  stdout: (text: string) => void
  stderr: (text: string) => void
  readStdin: () => Promise<string>
  now: () => number
}
