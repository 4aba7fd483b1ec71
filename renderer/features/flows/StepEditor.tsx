// The request a paused step is about to send, with parameters to change or remove before it goes.
import { useId, useState } from 'react'
import type { Step, StepEdits } from '../../../shared/run-model'

export function StepEditor({ step, onSend }: { step: Step; onSend: (edits?: StepEdits) => void }) {
  const id = useId()
  const [set, setSet] = useState('')
  const [remove, setRemove] = useState('')
  const sends = step.kind === 'http' || step.kind === 'browser'

  const send = () => {
    const edits: StepEdits = {}
    const pairs = set.split('\n').filter((line) => line.includes('='))
    if (pairs.length > 0) {
      edits.set = Object.fromEntries(
        pairs.map((line) => [
          line.slice(0, line.indexOf('=')).trim(),
          line.slice(line.indexOf('=') + 1).trim(),
        ]),
      )
    }
    const names = remove.split(/[\s,]+/).filter(Boolean)
    if (names.length > 0) edits.remove = names
    onSend(edits.set || edits.remove ? edits : undefined)
  }

  return (
    <div className="step-editor" aria-label="Next step">
      <p>
        Next: <strong>{step.title}</strong>
      </p>
      {sends && (
        <div className="edit-grid">
          <label htmlFor={`${id}-set`}>Set parameters</label>
          <textarea
            id={`${id}-set`}
            rows={2}
            value={set}
            onChange={(e) => setSet(e.target.value)}
            placeholder="name=value, one per line"
          />
          <label htmlFor={`${id}-remove`}>Remove parameters</label>
          <input
            id={`${id}-remove`}
            value={remove}
            onChange={(e) => setRemove(e.target.value)}
            placeholder="code_verifier state"
          />
        </div>
      )}
      <button type="button" className="primary" onClick={send}>
        {sends ? 'Send' : 'Next step'}
      </button>
    </div>
  )
}
