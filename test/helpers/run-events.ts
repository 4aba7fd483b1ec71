// Waits for a run to reach a state: checked on its current record first, then on each
// run.updated event (a state reached between two awaits is never missed).
import type { Core } from '../../electron/core/create-core'
import { SECRET_MARKER, type Run } from '../../shared/run-model'

export function waitForRun(
  core: Pick<Core, 'events' | 'runs'>,
  runId: string,
  predicate: (run: Run) => boolean,
  timeoutMs = 15_000,
): Promise<Run> {
  const now = core.runs.get(runId)
  if (predicate(now)) return Promise.resolve(now)
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      unsubscribe()
      reject(new Error(`run ${runId} did not reach the expected state in ${timeoutMs} ms`))
    }, timeoutMs)
    const unsubscribe = core.events.subscribe((event, payload) => {
      const run = payload as Run
      if (event !== 'run.updated' || run.id !== runId || !predicate(run)) return
      clearTimeout(timer)
      unsubscribe()
      resolve(run)
    })
  })
}

/** The authorization URL of a run's browser step, once it is known. */
export async function authorizationUrlOf(
  core: Pick<Core, 'events' | 'runs'>,
  runId: string,
): Promise<string> {
  const run = await waitForRun(core, runId, (candidate) =>
    candidate.steps.some((step) => step.kind === 'browser' && step.status === 'done'),
  )
  return String(run.steps.find((step) => step.kind === 'browser')?.outputs.url)
}

/** The URL of a run's browser step with its secrets put back (an id_token_hint), to open it. */
export async function revealedUrlOf(
  core: Pick<Core, 'events' | 'runs'>,
  runId: string,
): Promise<string> {
  const url = await authorizationUrlOf(core, runId)
  return url.replace(SECRET_MARKER, (_marker, id: string) => core.runs.revealSecret(runId, id))
}
