// What can be done with the open run: start it again, or save it as curl commands, a HAR file or
// a JSON scenario someone else can import.
import { useState } from 'react'
import type { Run, RunSummary } from '../../../shared/run-model'
import type { RunExportFormat } from '../../../shared/workspace-model'
import type { WireError } from '../../../shared/wire-error'
import { call } from '../../client'
import { downloadFile } from '../../components/download-file'
import { ErrorNotice } from '../../components/ErrorNotice'

const EXPORTS: [RunExportFormat, string][] = [
  ['curl', 'Export as curl'],
  ['har', 'Export as HAR'],
  ['json', 'Export as JSON scenario'],
]

export function RunActions({
  run,
  onReplayed,
}: {
  run: RunSummary
  onReplayed: (replay: Run) => void
}) {
  const [error, setError] = useState<WireError>()
  const [isBusy, setBusy] = useState(false)

  const replay = async () => {
    setBusy(true)
    const result = await call('runs.replay', { runId: run.id })
    setBusy(false)
    // RUN_REPLAY_UNAVAILABLE (a secret missing) comes with a hint on what to do: show both.
    setError(result.ok ? undefined : result.error)
    if (result.ok) onReplayed(result.value)
  }
  const exportAs = async (format: RunExportFormat) => {
    const result = await call('runs.export', { runId: run.id, format })
    setError(result.ok ? undefined : result.error)
    if (result.ok) downloadFile(result.value)
  }

  return (
    <>
      <div className="toolbar history-actions" role="group" aria-label="Run actions">
        <button type="button" onClick={replay} disabled={isBusy}>
          Replay
        </button>
        {EXPORTS.map(([format, label]) => (
          <button key={format} type="button" onClick={() => exportAs(format)}>
            {label}
          </button>
        ))}
      </div>
      {error && <ErrorNotice error={error} />}
    </>
  )
}
