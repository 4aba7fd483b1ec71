// Reads a JSON scenario someone exported and adds it to history as an imported run.
import { useState } from 'react'
import type { Run } from '../../../shared/run-model'
import type { WireError } from '../../../shared/wire-error'
import { call } from '../../client'
import { ErrorNotice } from '../../components/ErrorNotice'

export function ImportScenario({ onImported }: { onImported: (run: Run) => void }) {
  const [error, setError] = useState<WireError>()

  const importFile = async (input: HTMLInputElement) => {
    const file = input.files?.[0]
    // Cleared at once, so choosing the same file again imports it again.
    input.value = ''
    if (!file) return
    const result = await call('runs.import', { content: await file.text() })
    setError(result.ok ? undefined : result.error)
    if (result.ok) onImported(result.value)
  }

  return (
    <div className="history-import">
      {/* The label is the button: the file input stays in the tab order, and its name is this. */}
      <label className="button-like">
        Import a scenario…
        <input
          type="file"
          className="visually-hidden"
          accept=".json,application/json"
          onChange={(event) => void importFile(event.currentTarget)}
        />
      </label>
      {error && <ErrorNotice error={error} />}
    </div>
  )
}
