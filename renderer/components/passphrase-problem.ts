// Checks a new passphrase before it is sent (the vault's, an export's), in the words of the shared
// schema the engine checks it with, plus the one check only a form can make: typed twice alike.
import { Passphrase } from '../../shared/workspace-model'

/** What is wrong with a new passphrase and its repetition; undefined when nothing is. */
export function passphraseProblem(passphrase: string, repeat: string): string | undefined {
  const parsed = Passphrase.safeParse(passphrase)
  if (!parsed.success) return parsed.error.issues[0]?.message
  if (passphrase !== repeat) return 'The two passphrases differ: type the same one twice.'
  return undefined
}
