// Every run with its steps, for the timeline: history read once (runs.list, then runs.get each),
// then kept current by run.updated, and read again when browser mode's event stream reconnects.
import { useEffect, useMemo, useState } from 'react'
import type { Run } from '../../../shared/run-model'
import type { WireError } from '../../../shared/wire-error'
import { call, getClient, onResync } from '../../client'

export type AllRuns = {
  runs: Run[]
  isLoading: boolean
  error: WireError | undefined
}

export function useAllRuns(): AllRuns {
  const [runs, setRuns] = useState<ReadonlyMap<string, Run>>(new Map())
  const [isLoading, setLoading] = useState(true)
  const [error, setError] = useState<WireError>()

  useEffect(() => {
    let current = true
    const merge = (incoming: Run[]) =>
      setRuns((known) => {
        const next = new Map(known)
        // An answer read before the latest event must not undo it: keep the newer record.
        for (const run of incoming) {
          const kept = next.get(run.id)
          if (!kept || kept.updatedAt <= run.updatedAt) next.set(run.id, run)
        }
        return next
      })
    const load = async () => {
      const listed = await call('runs.list', {})
      if (!current) return
      if (!listed.ok) {
        setError(listed.error)
        return setLoading(false)
      }
      const answers = await Promise.all(
        listed.value.map((summary) => call('runs.get', { runId: summary.id })),
      )
      if (!current) return
      const found: Run[] = []
      let failure: WireError | undefined
      for (const answer of answers) {
        if (answer.ok) found.push(answer.value)
        // A run dropped from history between the two calls has nothing left to show.
        else if (answer.error.code !== 'RUN_NOT_FOUND') failure ??= answer.error
      }
      merge(found)
      setError(failure)
      setLoading(false)
    }
    void load()
    const offUpdated = getClient().on('run.updated', (run) => merge([run]))
    const offResync = onResync(() => void load())
    return () => {
      current = false
      offUpdated()
      offResync()
    }
  }, [])

  const list = useMemo(() => [...runs.values()], [runs])
  return { runs: list, isLoading, error }
}
