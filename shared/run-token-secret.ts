// Which secret of a run holds one of its tokens, so a face can reveal that token on request.
import { SECRET_MARKER, type Run } from './run-model'

/** The secret id behind the run's last token of that name (after a refresh: the newest one). */
export function tokenSecretId(run: Pick<Run, 'tokens'>, name: string): string | undefined {
  const token = run.tokens.findLast((candidate) => candidate.name === name)
  return token && [...token.value.matchAll(SECRET_MARKER)][0]?.[1]
}
