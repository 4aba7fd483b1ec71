// How much run history is kept: at most so many runs, none older than so many days. Saved through
// the shared settings, so the engine's bounds decide and its words explain a refusal.
import { useId, useState, type FormEvent } from 'react'
import type { WireError } from '../../../shared/wire-error'
import type { Settings } from '../../../shared/workspace-model'
import { ErrorNotice } from '../../components/ErrorNotice'
import { updateSettings } from '../../state/use-settings'

export function HistorySettings({ settings }: { settings: Settings }) {
  const id = useId()
  const [maxRuns, setMaxRuns] = useState(String(settings.historyMaxRuns))
  const [maxAgeDays, setMaxAgeDays] = useState(String(settings.historyMaxAgeDays))
  // The fields follow the engine's values when they arrive or change (React's "adjust state when a
  // prop changes"), without remounting, so "Saved." stays in view.
  const [shown, setShown] = useState(settings)
  if (shown !== settings) {
    setShown(settings)
    setMaxRuns(String(settings.historyMaxRuns))
    setMaxAgeDays(String(settings.historyMaxAgeDays))
  }
  const [error, setError] = useState<WireError>()
  const [saved, setSaved] = useState('')

  const save = async (event: FormEvent) => {
    event.preventDefault()
    setSaved('')
    const refused = await updateSettings({
      historyMaxRuns: Number(maxRuns),
      historyMaxAgeDays: Number(maxAgeDays),
    })
    setError(refused)
    if (!refused) setSaved('Saved.')
  }

  return (
    <section aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>Run history</h2>
      <p>Finished runs are kept so you can open, export and replay them; the oldest go first.</p>
      <form className="form-grid" onSubmit={save} aria-labelledby={`${id}-title`}>
        <label htmlFor={`${id}-runs`}>Maximum runs kept</label>
        <input
          id={`${id}-runs`}
          type="number"
          min={1}
          max={10_000}
          step={1}
          value={maxRuns}
          onChange={(e) => setMaxRuns(e.target.value)}
          required
        />
        <label htmlFor={`${id}-days`}>Maximum age of a run, in days</label>
        <input
          id={`${id}-days`}
          type="number"
          min={1}
          max={3650}
          step={1}
          value={maxAgeDays}
          onChange={(e) => setMaxAgeDays(e.target.value)}
          required
        />
        <span />
        <div className="form-actions">
          <button type="submit">Save history limits</button>
          <span role="status">{saved}</span>
        </div>
      </form>
      {error && <ErrorNotice error={error} />}
    </section>
  )
}
