// The Timeline page: every HTTP exchange of every run in one list, newest first, live as runs go,
// filtered by run, host, status class and step kind, each opening onto its whole exchange.
import { useMemo, useState } from 'react'
import {
  buildTimelineRows,
  filterTimelineRows,
  timelineChoices,
  type TimelineFilters,
} from '../../../shared/timeline-rows'
import { ErrorNotice } from '../../components/ErrorNotice'
import { TimelineEntry } from './TimelineEntry'
import { TimelineFilterBar } from './TimelineFilters'
import { useAllRuns } from './use-all-runs'
import './timeline.css'

export function TimelinePage() {
  const { runs, isLoading, error } = useAllRuns()
  const [filters, setFilters] = useState<TimelineFilters>({})
  const rows = useMemo(() => buildTimelineRows(runs), [runs])
  const choices = useMemo(() => timelineChoices(rows), [rows])
  const shown = useMemo(() => filterTimelineRows(rows, filters), [rows, filters])

  return (
    <section className="page timeline" aria-labelledby="timeline-title">
      <h1 id="timeline-title">Timeline</h1>
      <p className="lead">
        Every request every run sent, newest first, with what came back. Open a request to read its
        headers and bodies, and the tokens in them.
      </p>
      {error && <ErrorNotice error={error} />}
      <TimelineFilterBar filters={filters} choices={choices} onChange={setFilters} />
      <p role="status" className="muted">
        {isLoading
          ? 'Reading history…'
          : shown.length === rows.length
            ? `${rows.length} request${rows.length === 1 ? '' : 's'}.`
            : `Showing ${shown.length} of ${rows.length} requests.`}
      </p>
      {shown.length > 0 && (
        <table className="timeline-list">
          <caption className="muted">Requests, newest first</caption>
          <thead>
            <tr>
              <th scope="col">Time</th>
              <th scope="col">Run</th>
              <th scope="col">Method</th>
              <th scope="col">Host and path</th>
              <th scope="col">Status</th>
              <th scope="col">Duration</th>
              <th scope="col">Step kind</th>
            </tr>
          </thead>
          <tbody>
            {shown.map((row) => (
              <TimelineEntry key={row.key} row={row} />
            ))}
          </tbody>
        </table>
      )}
    </section>
  )
}
