// The runs history shows: runs.list with the search words, asked again a moment after the user
// stops typing and whenever a run changes, so live runs move and new ones appear.
import { useCallback, useEffect, useState } from 'react'
import type { RunSummary } from '../../../shared/run-model'
import type { WireError } from '../../../shared/wire-error'
import { call, getClient, onResync } from '../../client'

/** Long enough to let a word be typed, short enough to feel immediate. */
const DEBOUNCE_MS = 250

export type RunList = {
  /** Undefined until the first answer. */
  runs: RunSummary[] | undefined
  error: WireError | undefined
  refresh: () => void
}

export function useRunList(query: string): RunList {
  const [runs, setRuns] = useState<RunSummary[]>()
  const [error, setError] = useState<WireError>()
  // Bumped to ask again; a burst of run.updated events (one per step) then costs one call.
  const [version, setVersion] = useState(0)
  const refresh = useCallback(() => setVersion((current) => current + 1), [])

  useEffect(() => {
    let current = true
    const words = query.trim()
    const timer = setTimeout(() => {
      void call('runs.list', words === '' ? {} : { query: words }).then((result) => {
        if (!current) return // a later query has been typed since
        if (result.ok) setRuns(result.value)
        setError(result.ok ? undefined : result.error)
      })
    }, DEBOUNCE_MS)
    return () => {
      current = false
      clearTimeout(timer)
    }
  }, [query, version])

  useEffect(() => {
    const offUpdated = getClient().on('run.updated', refresh)
    const offResync = onResync(refresh)
    return () => {
      offUpdated()
      offResync()
    }
  }, [refresh])

  return { runs, error, refresh }
}
