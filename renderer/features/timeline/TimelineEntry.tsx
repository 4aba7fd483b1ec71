// One request in the timeline: a table row of its facts, which opens onto the whole exchange.
import { useId, useState } from 'react'
import type { TimelineRow } from '../../../shared/timeline-rows'
import { formatWhen } from '../history/format-when'
import { ExchangeDetails } from './ExchangeDetails'
import { STEP_KIND_LABEL } from '../../components/step-kind-label'

/** Columns of the timeline table, so the details row can span them all. */
const TIMELINE_COLUMNS = 7

export function TimelineEntry({ row }: { row: TimelineRow }) {
  const [isOpen, setOpen] = useState(false)
  const detailsId = useId()
  const { response, error } = row.exchange
  return (
    <>
      <tr className={isOpen ? 'timeline-row open' : 'timeline-row'}>
        <td>
          <time dateTime={row.at}>{formatWhen(row.at)}</time>
        </td>
        <td>
          {row.runTitle}
          <span className="timeline-step">{row.stepTitle}</span>
        </td>
        <td>
          <code>{row.method}</code>
        </td>
        <th scope="row">
          <button
            type="button"
            className="timeline-toggle"
            aria-expanded={isOpen}
            aria-controls={isOpen ? detailsId : undefined}
            onClick={() => setOpen(!isOpen)}
          >
            <span aria-hidden="true">{isOpen ? '▾' : '▸'}</span> {row.host}
            {row.path}
          </button>
        </th>
        <td>
          <span className={`badge timeline-badge status-${row.statusClass}`}>
            {response ? response.status : 'No response'}
          </span>
          {!response && error && <span className="timeline-error"> {error}</span>}
        </td>
        <td>{row.durationMs === undefined ? '—' : `${Math.round(row.durationMs)} ms`}</td>
        <td>{STEP_KIND_LABEL[row.stepKind]}</td>
      </tr>
      {isOpen && (
        <tr id={detailsId} className="timeline-details">
          <td colSpan={TIMELINE_COLUMNS}>
            <ExchangeDetails row={row} />
          </td>
        </tr>
      )}
    </>
  )
}
