// A run's status as a badge: a mark and a word, coloured too, so colour never carries it alone.
import type { RunStatus } from '../../../shared/run-model'

const BADGE = {
  running: ['…', 'Running'],
  paused: ['‖', 'Paused'],
  waiting: ['…', 'Waiting'],
  succeeded: ['✓', 'Succeeded'],
  failed: ['✗', 'Failed'],
  cancelled: ['–', 'Cancelled'],
  interrupted: ['!', 'Interrupted'],
} as const satisfies Record<RunStatus, readonly [string, string]>

export function RunStatusBadge({ status }: { status: RunStatus }) {
  const [mark, word] = BADGE[status]
  return (
    <span className={`badge run-badge ${status}`}>
      <span aria-hidden="true">{mark}</span> {word}
    </span>
  )
}
