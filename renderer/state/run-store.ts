// A read-only mirror of the engine's runs, fed by run.updated events. The engine owns runs; the
// renderer only shows them.
import { useSyncExternalStore } from 'react'
import type { Run } from '../../shared/run-model'
import { call, getClient, onResync } from '../client'

const runs = new Map<string, Run>()
const listeners = new Set<() => void>()
let subscribed = false

/**
 * Starts mirroring at once, before any run is started: a run's first events can reach the page
 * before the answer to the call that started it does.
 */
export function watchRuns(): void {
  ensureSubscribed()
}

function ensureSubscribed(): void {
  if (subscribed) return
  subscribed = true
  getClient().on('run.updated', (run) => rememberRun(run))
  // Events missed while the stream was down: read each run again.
  onResync(() => {
    for (const runId of runs.keys()) {
      void call('runs.get', { runId }).then((result) => result.ok && rememberRun(result.value))
    }
  })
}

/** Records a run the renderer learned of (an event, or the answer to a call). */
export function rememberRun(run: Run): void {
  const known = runs.get(run.id)
  if (known && isNewer(known, run)) return // an older answer arriving late
  runs.set(run.id, run)
  for (const listener of listeners) listener()
}

function subscribe(listener: () => void): () => void {
  ensureSubscribed()
  listeners.add(listener)
  return () => listeners.delete(listener)
}

export function useRun(runId: string | undefined): Run | undefined {
  return useSyncExternalStore(subscribe, () => (runId ? runs.get(runId) : undefined))
}

/** By revision where both runs count them, else by time (equal times: the later arrival wins). */
function isNewer(known: Run, arriving: Run): boolean {
  if (known.revision !== undefined && arriving.revision !== undefined) {
    return known.revision > arriving.revision
  }
  return known.updatedAt > arriving.updatedAt
}
