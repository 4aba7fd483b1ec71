// Runs afx in this process with captured output and a Ctrl+C the test presses itself.
import { runCli, type CliEnvironment } from '../../electron/hosts/cli/run-cli'

export type CliRun = {
  stdout: string[]
  stderr: string[]
  /** Resolves with the exit code once the command ends. */
  exitCode: Promise<number>
  interrupt: () => void
  /** Waits until a stdout line matches. */
  waitForLine: (pattern: RegExp, timeoutMs?: number) => Promise<string>
}

export function runCliInProcess(
  argv: string[],
  options: {
    stdin?: string
    now?: number
    /** Answers the questions afx asks at the terminal (MFA codes); none: as if stdin were closed. */
    answer?: (question: string) => Promise<string>
  } = {},
): CliRun {
  const stdout: string[] = []
  const stderr: string[] = []
  let interrupt = () => {}
  const interrupted = new Promise<void>((resolve) => (interrupt = resolve))
  const env: CliEnvironment = {
    version: '0.0.0-test',
    appRoot: '/nonexistent',
    rendererDir: '/nonexistent',
    stdout: (text) => stdout.push(...text.split('\n')),
    stderr: (text) => stderr.push(text),
    readStdin: async () => options.stdin ?? '',
    ask: options.answer ?? (() => Promise.reject(new Error('stdin closed'))),
    untilInterrupted: () => interrupted,
    now: () => options.now ?? Date.now(),
  }
  const waitForLine = async (pattern: RegExp, timeoutMs = 10_000) => {
    const deadline = Date.now() + timeoutMs
    while (Date.now() < deadline) {
      const line = stdout.find((candidate) => pattern.test(candidate))
      if (line !== undefined) return line
      await new Promise((resolve) => setTimeout(resolve, 20))
    }
    throw new Error(
      `no stdout line matched ${pattern}; stdout:\n${stdout.join('\n')}\nstderr:\n${stderr.join('\n')}`,
    )
  }
  return { stdout, stderr, exitCode: runCli(argv, env), interrupt, waitForLine }
}
