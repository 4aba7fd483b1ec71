// A step's teaching text, behind "What is happening here". In trainer mode it is open, and on the
// step a step-by-step run waits on it stands out, so the room reads it before the step runs.
import type { Step } from '../../../shared/run-model'
import { explanationOf } from '../../../shared/step-explanations'
import { useSettings } from '../../state/use-settings'
import './teaching.css'

export function StepTeaching({ step }: { step: Step }) {
  const { trainerMode } = useSettings()
  const explanation = explanationOf(step.explain)
  if (!explanation) return null
  const upNext = trainerMode && step.status === 'ready'
  return (
    <details
      className={upNext ? 'teaching up-next' : 'teaching'}
      open={trainerMode}
      aria-label="What is happening here"
    >
      <summary>What is happening here</summary>
      <p>{explanation.text}</p>
      <p className="muted">
        See{' '}
        <a href={explanation.url} target="_blank" rel="noreferrer noopener">
          {explanation.ref}
        </a>
      </p>
    </details>
  )
}
