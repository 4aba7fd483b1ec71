// Two runs side by side, step by step: which steps both took, which only one did, and where they
// went differently (kind, status, HTTP status, diagnostics), then their ID tokens claim by claim.
import { useEffect, useState, type ReactNode } from 'react'
import {
  alignRunSteps,
  type AlignedStep,
  type StepFacts,
  type StepField,
} from '../../../shared/align-run-steps'
import type { Run } from '../../../shared/run-model'
import type { WireError } from '../../../shared/wire-error'
import { call } from '../../client'
import { ErrorNotice } from '../../components/ErrorNotice'
import { formatWhen } from './format-when'
import { IdTokenComparison } from './IdTokenComparison'

type Pair = { first: Run; second: Run }

export function RunComparison({ firstId, secondId }: { firstId: string; secondId: string }) {
  const [pair, setPair] = useState<Pair>()
  const [error, setError] = useState<WireError>()

  useEffect(() => {
    let current = true
    void Promise.all([
      call('runs.get', { runId: firstId }),
      call('runs.get', { runId: secondId }),
    ]).then(([first, second]) => {
      if (!current) return
      // The older run is the first, so the table reads as before and after.
      if (first.ok && second.ok) setPair(inOrder(first.value, second.value))
      setError(!first.ok ? first.error : !second.ok ? second.error : undefined)
    })
    return () => {
      current = false
    }
  }, [firstId, secondId])

  return (
    <section className="history-compare" aria-labelledby="history-compare-title">
      <h2 id="history-compare-title">Compare two runs</h2>
      {error && <ErrorNotice error={error} />}
      {pair && <StepsCompared {...pair} />}
      {pair && <IdTokenComparison {...pair} />}
    </section>
  )
}

const inOrder = (a: Run, b: Run): Pair =>
  a.createdAt <= b.createdAt ? { first: a, second: b } : { first: b, second: a }

function StepsCompared({ first, second }: Pair) {
  const rows = alignRunSteps(first.steps, second.steps)
  const differing = rows.filter((row) => !row.first || !row.second || row.differences.length > 0)
  return (
    <>
      <p>
        First: <strong>{first.title}</strong> ({formatWhen(first.createdAt)}). Second:{' '}
        <strong>{second.title}</strong> ({formatWhen(second.createdAt)}).
      </p>
      <p role="status">
        {differing.length === 0
          ? `All ${rows.length} steps went the same way.`
          : `${differing.length} of ${rows.length} steps differ.`}
      </p>
      <table className="history-steps-compared">
        <caption>Steps side by side; where they differ, the first run's value comes first.</caption>
        <thead>
          <tr>
            <th scope="col">Step</th>
            <th scope="col">Kind</th>
            <th scope="col">Status</th>
            <th scope="col">HTTP status</th>
            <th scope="col">Duration</th>
            <th scope="col">Diagnostics</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row, index) => (
            <ComparedStep key={index} row={row} />
          ))}
        </tbody>
      </table>
    </>
  )
}

function ComparedStep({ row }: { row: AlignedStep }) {
  const only = !row.second ? 'first' : !row.first ? 'second' : undefined
  const title = compared(row, 'title', (facts) => facts.title)
  return (
    <tr>
      <th scope="row" className={title.differs ? 'differs' : undefined}>
        {title.content}
        {only && <span className="badge only-badge">Only in the {only} run</span>}
      </th>
      {[
        compared(row, 'kind', (facts) => facts.kind),
        compared(row, 'status', (facts) => facts.status),
        compared(row, 'httpStatus', (facts) => String(facts.httpStatus ?? '—')),
        compared(row, 'duration', (facts) =>
          facts.durationMs === undefined ? '—' : `${Math.round(facts.durationMs)} ms`,
        ),
        compared(row, 'diagnostics', (facts) => facts.diagnosticCodes.join(', ') || 'none'),
      ].map(({ content, differs }, index) => (
        <td key={index} className={differs ? 'differs' : undefined}>
          {content}
        </td>
      ))}
    </tr>
  )
}

/** One fact of a pair of steps: one value when they agree, both when not, flagged in words. */
function compared(
  row: AlignedStep,
  field: StepField | 'duration',
  show: (facts: StepFacts) => string,
): { content: ReactNode; differs: boolean } {
  const left = row.first && show(row.first)
  const right = row.second && show(row.second)
  // Durations differ on every run: shown side by side, never flagged. Other facts that agree
  // (diagnostics found in another order) show once.
  const differs = field !== 'duration' && row.differences.includes(field)
  if (
    left === undefined ||
    right === undefined ||
    (field === 'duration' ? left === right : !differs)
  ) {
    return { content: left ?? right, differs }
  }
  return {
    content: (
      <>
        {differs && <strong className="differs-tag">Differs: </strong>}
        {left} <span className="muted">vs</span> {right}
      </>
    ),
    differs,
  }
}
