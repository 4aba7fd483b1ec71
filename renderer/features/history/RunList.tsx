// The runs found, newest first: open one to see it as it was, tick two to compare them.
import type { RunSummary } from '../../../shared/run-model'
import { formatWhen } from './format-when'
import { RunStatusBadge } from './RunStatusBadge'

const ORIGIN_TEXT = { live: undefined, saved: 'Saved', imported: 'Imported' } as const

export type RunListProps = {
  runs: RunSummary[]
  selectedId: string | undefined
  onOpen: (runId: string) => void
  /** The runs ticked for comparison: at most two. */
  ticked: string[]
  onTick: (runId: string, isTicked: boolean) => void
}

export function RunList({ runs, selectedId, onOpen, ticked, onTick }: RunListProps) {
  const isFull = ticked.length >= 2
  return (
    <ul className="card-list history-runs" aria-label="Runs">
      {runs.map((run) => {
        const isTicked = ticked.includes(run.id)
        const when = formatWhen(run.createdAt)
        const origin = ORIGIN_TEXT[run.origin]
        return (
          <li
            key={run.id}
            aria-label={run.title}
            className={run.id === selectedId ? 'card history-run selected' : 'card history-run'}
          >
            <button
              type="button"
              className="history-open"
              aria-current={run.id === selectedId ? 'true' : undefined}
              onClick={() => onOpen(run.id)}
            >
              {run.title}
            </button>
            <p className="history-meta">
              <RunStatusBadge status={run.status} />
              <span>{run.flow}</span>
              <time dateTime={run.createdAt}>{when}</time>
              {run.profile && <span>profile {run.profile}</span>}
              {origin && <span className="badge origin-badge">{origin}</span>}
            </p>
            <label className="history-tick">
              <input
                type="checkbox"
                checked={isTicked}
                // Two runs at most: untick one to choose another.
                disabled={!isTicked && isFull}
                onChange={(event) => onTick(run.id, event.target.checked)}
              />{' '}
              Compare
              <span className="visually-hidden">
                {' '}
                {run.title}, {when}
              </span>
            </label>
          </li>
        )
      })}
    </ul>
  )
}
