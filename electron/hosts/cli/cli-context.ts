// What the CLI's commands touch of the outside world, so tests can run them in-process.
import type { Core } from '../../core/create-core'

export type CliContext = {
  core: Core
  stdout: (text: string) => void
  stderr: (text: string) => void
  readStdin: () => Promise<string>
  /** Asks one question on the terminal and returns the line typed; rejects when stdin ends. */
  ask: (question: string) => Promise<string>
  now: () => number
}
