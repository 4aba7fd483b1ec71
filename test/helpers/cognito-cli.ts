// Runs `afx` in this process against a sandbox pool, as a tester at a terminal would: the pool's
// id, endpoint and an app client added to the arguments, stdin and terminal answers scripted.
import type { CognitoSandbox } from '../../electron/core/sandbox/cognito/cognito-pool-server'
import { runCliInProcess } from './run-cli-in-process'

export type AfxOptions = {
  stdin?: string
  answer?: (question: string) => Promise<string>
  /** The app client; unless the arguments name one with --client-id. */
  clientId?: string
}

/** The exit code and the lines printed, joined. */
export async function afxAgainstPool(pool: CognitoSandbox, argv: string[], options: AfxOptions) {
  const { clientId, ...io } = options
  const run = runCliInProcess(
    [
      ...argv,
      '--user-pool-id',
      pool.description.userPoolId,
      '--endpoint',
      pool.endpoint,
      ...(argv.includes('--client-id') || clientId === undefined ? [] : ['--client-id', clientId]),
    ],
    io,
  )
  const code = await run.exitCode
  return { code, stdout: run.stdout.join('\n'), stderr: run.stderr.join('\n') }
}
