// A passphrase from stdin (`--passphrase-stdin`, `afx vault create`): never an option's value,
// which the shell's history and `ps` would show.
import type { CliContext } from './cli-context'
import { UsageError } from './usage-error'

export async function readPassphrase(ctx: Pick<CliContext, 'readStdin'>): Promise<string> {
  const passphrase = (await ctx.readStdin()).replace(/\r?\n$/, '')
  if (passphrase === '') throw new UsageError('the passphrase read from stdin is empty.')
  return passphrase
}
