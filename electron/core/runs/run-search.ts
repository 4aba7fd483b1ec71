// Finds runs by what a person remembers of them: the flow, the client, the provider's host, an
// error they saw. Every word of the query must appear somewhere.
import type { Run } from '../../../shared/run-model'

/** True when every word of the query appears in what a person would search a run by. */
export function runMatches(run: Run, query: string): boolean {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean)
  if (words.length === 0) return true
  const haystack = [
    run.title,
    run.flow,
    run.status,
    run.origin,
    run.profile ?? '',
    ...run.steps.flatMap((step) => [step.title, hostOf(step.exchange?.request.url)]),
    ...[...run.diagnostics, ...run.steps.flatMap((step) => step.diagnostics)].flatMap((d) => [
      d.code,
      d.message,
    ]),
  ]
    .join('\n')
    .toLowerCase()
  return words.every((word) => haystack.includes(word))
}

function hostOf(url: string | undefined): string {
  if (!url) return ''
  try {
    return new URL(url).host
  } catch {
    return ''
  }
}
