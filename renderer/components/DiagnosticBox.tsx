// A diagnostic shown in full, the same on every page: its code and words, then the hint and the
// rule it comes from. `words` renders the message (a run's may hold secret markers to reveal).
import type { ReactNode } from 'react'
import type { Diagnostic } from '../../shared/run-model'

type Props = { diagnostic: Diagnostic; words?: (message: string) => ReactNode }

export function DiagnosticBox({ diagnostic, words = (message) => message }: Props) {
  return (
    <div
      className={`diagnostic ${diagnostic.severity}`}
      role={diagnostic.severity === 'error' ? 'alert' : undefined}
    >
      <p>
        <code>{diagnostic.code}</code> {words(diagnostic.message)}
      </p>
      {diagnostic.hint && <p className="muted">{diagnostic.hint}</p>}
      {diagnostic.ref && <p className="muted">See {diagnostic.ref}</p>}
    </div>
  )
}
