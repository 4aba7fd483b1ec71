// One run as it happens: its steps as cards, the next step's request (editable) when paused, the
// tokens it obtained (each can be opened in the inspector).
import { useState } from 'react'
import {
  isFinishedStatus,
  type InputValues,
  type RunStatus,
  type StepEdits,
} from '../../../shared/run-model'
import type { WireError } from '../../../shared/wire-error'
import { call } from '../../client'
import { ErrorNotice } from '../../components/ErrorNotice'
import { SequenceDiagram } from '../../components/SequenceDiagram'
import { rememberRun, useRun } from '../../state/run-store'
import { StepCard } from './StepCard'
import { InputPrompt } from './InputPrompt'
import { RunTokens } from './RunTokens'
import { StepEditor } from './StepEditor'

const STATUS_TEXT = {
  running: 'Running…',
  paused: 'Paused: the next step waits for you',
  waiting: 'Waiting for the browser',
  succeeded: 'Succeeded',
  failed: 'Failed',
  cancelled: 'Cancelled',
  interrupted: 'Interrupted: the app stopped before this run ended',
} as const satisfies Record<RunStatus, string>

export function RunView({ runId }: { runId: string }) {
  const run = useRun(runId)
  const [error, setError] = useState<WireError>()
  if (!run) return null
  const finished = isFinishedStatus(run.status)

  const advance = async (edits?: StepEdits) => {
    const result = await call('runs.advance', { runId, ...(edits ? { edits } : {}) })
    if (result.ok) rememberRun(result.value)
    setError(result.ok ? undefined : result.error)
  }
  const cancel = async () => {
    const result = await call('runs.cancel', { runId })
    if (result.ok) rememberRun(result.value)
  }
  const provideInput = async (values: InputValues) => {
    const result = await call('runs.provideInput', { runId, values })
    if (result.ok) rememberRun(result.value)
    setError(result.ok ? undefined : result.error)
  }
  const pausedStep = run.status === 'paused' ? run.steps.at(-1) : undefined
  const askingStep = run.steps.at(-1)
  const isAsking = run.status === 'waiting' && askingStep?.kind === 'input'

  return (
    <section className="run" aria-labelledby="run-title" data-run-status={run.status}>
      <h2 id="run-title">{run.title}</h2>
      <div className="toolbar">
        <p className={`run-status ${run.status}`} role="status">
          {isAsking ? 'Waiting for your answer' : STATUS_TEXT[run.status]}
        </p>
        {!finished && (
          <button type="button" onClick={cancel}>
            Cancel run
          </button>
        )}
      </div>
      {error && <ErrorNotice error={error} />}
      <SequenceDiagram steps={run.steps} />
      <ol className="card-list" aria-label="Steps">
        {run.steps.map((step) => (
          <li key={step.id}>
            <StepCard runId={run.id} step={step} />
          </li>
        ))}
      </ol>
      {pausedStep && <StepEditor step={pausedStep} onSend={advance} />}
      {isAsking && askingStep && (
        <InputPrompt key={askingStep.id} runId={run.id} step={askingStep} onSubmit={provideInput} />
      )}
      {run.status === 'failed' &&
        run.diagnostics.map((diagnostic) => (
          <ErrorNotice key={diagnostic.code} error={{ ...diagnostic, code: 'RUN_STEP_FAILED' }} />
        ))}
      {run.tokens.length > 0 && <RunTokens run={run} />}
    </section>
  )
}
