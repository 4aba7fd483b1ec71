// `afx vault create|status`: the passphrase vault that keeps profile secrets between sessions
// where no OS keychain is at hand (the CLI, browser mode). Other commands unlock it for their own
// run with --passphrase-stdin.
import type { CliContext } from './cli-context'
import { readPassphrase } from './read-passphrase'
import { EXIT, UsageError } from './usage-error'

const HOME_WORDS = {
  'os-keychain': 'the OS keychain',
  vault: 'the passphrase vault',
  session: 'this session’s memory only',
} as const

export async function vaultCommand(args: string[], ctx: CliContext): Promise<number> {
  const { workspace } = ctx.core
  switch (args.join(' ')) {
    case 'create':
      workspace.createVault(await readPassphrase(ctx))
      ctx.stdout(
        'Created the passphrase vault: profile secrets saved with --passphrase-stdin are encrypted with it.',
      )
      return EXIT.ok
    case 'status': {
      const status = workspace.status()
      ctx.stdout(
        `Vault: ${status.vault}. A secret saved now goes to ${HOME_WORDS[status.secretHome]}.`,
      )
      for (const problem of status.problems)
        ctx.stdout(`Problem: ${problem.file}: ${problem.message}`)
      return EXIT.ok
    }
    default:
      throw new UsageError('vault takes create (passphrase on stdin) or status.')
  }
}
