// Which secret of a run holds one of its tokens, so a face can reveal that token on request.
import { secretIdIn, type Run } from './run-model'

/** The secret id behind the run's last token of that name (after a refresh: the newest one). */
export function tokenSecretId(run: Pick<Run, 'tokens'>, name: string): string | undefined {
  const token = run.tokens.findLast((candidate) => candidate.name === name)
  return secretIdIn(token?.value)
}
