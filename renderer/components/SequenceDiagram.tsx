// The run as a sequence diagram: who talks to whom at each step (the person and their browser,
// Auth Flow Explorer, the provider), each arrow lit as its step runs, succeeds or fails.
import type { Step } from '../../shared/run-model'

const LANES = ['Person & browser', 'Auth Flow Explorer', 'Provider'] as const
type Lane = 0 | 1 | 2

/** From which lane to which lane each kind of step goes. */
const ARROWS: Record<Step['kind'], [Lane, Lane]> = {
  compute: [1, 1],
  http: [1, 2],
  browser: [1, 0],
  callback: [2, 1],
  input: [0, 1],
  check: [1, 1],
}

const LANE_X = [90, 300, 510]
const ROW = 34
const TOP = 44

export function SequenceDiagram({ steps }: { steps: Step[] }) {
  const height = TOP + steps.length * ROW + 16
  return (
    <svg
      className="sequence"
      viewBox={`0 0 600 ${height}`}
      role="img"
      aria-label={`Sequence of ${steps.length} steps`}
    >
      {LANES.map((lane, index) => (
        <g key={lane}>
          <text x={LANE_X[index]} y={18} textAnchor="middle" className="lane-title">
            {lane}
          </text>
          <line
            x1={LANE_X[index]}
            x2={LANE_X[index]}
            y1={28}
            y2={height - 8}
            className="lifeline"
          />
        </g>
      ))}
      {steps.map((step, index) => {
        const [from, to] = ARROWS[step.kind]
        const y = TOP + index * ROW
        const x1 = LANE_X[from] ?? 0
        const x2 = LANE_X[to] ?? 0
        const title = step.title.length > 44 ? `${step.title.slice(0, 43)}…` : step.title
        return (
          <g key={step.id} className={`arrow ${step.status}`}>
            <title>{step.title}</title>
            {from === to ? (
              <path d={`M ${x1} ${y} h 40 v 14 h -40`} fill="none" markerEnd="url(#head)" />
            ) : (
              <line x1={x1} x2={x2} y1={y + 8} y2={y + 8} markerEnd="url(#head)" />
            )}
            <text
              x={from === to ? x1 + 48 : (x1 + x2) / 2}
              y={y + 3}
              textAnchor={from === to ? 'start' : 'middle'}
            >
              {index + 1}. {title}
            </text>
          </g>
        )
      })}
      <defs>
        <marker id="head" markerWidth="8" markerHeight="8" refX="7" refY="4" orient="auto">
          <path d="M0,0 L8,4 L0,8 z" fill="context-stroke" />
        </marker>
      </defs>
    </svg>
  )
}
