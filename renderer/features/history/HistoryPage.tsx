// The History page: every run kept (this session's, saved ones, imported scenarios), searchable;
// one reopened as it was, replayed or exported; two compared step by step.
import { useState } from 'react'
import type { Run } from '../../../shared/run-model'
import type { WireError } from '../../../shared/wire-error'
import { call } from '../../client'
import { ErrorNotice } from '../../components/ErrorNotice'
import { SECRETS_NOT_KEPT } from '../../components/SecretText'
import { rememberRun } from '../../state/run-store'
import { RunView } from '../flows/RunView'
import { ImportScenario } from './ImportScenario'
import { RunActions } from './RunActions'
import { RunComparison } from './RunComparison'
import { RunList } from './RunList'
import { useRunList } from './use-run-list'
import './history.css'

const ORIGIN_NOTE = {
  live: undefined,
  saved: `Read back from history: ${SECRETS_NOT_KEPT}, so its secrets show as markers only.`,
  imported: 'Imported from a scenario file: it carries no secret values, only markers.',
} as const

export function HistoryPage() {
  const [query, setQuery] = useState('')
  const list = useRunList(query)
  const [opened, setOpened] = useState<Run>()
  const [ticked, setTicked] = useState<string[]>([])
  const [error, setError] = useState<WireError>()

  // RunView reads runs from the store; a saved or imported run gets there by being read once.
  const show = (run: Run) => {
    rememberRun(run)
    setOpened(run)
    setError(undefined)
  }
  const open = async (runId: string) => {
    const result = await call('runs.get', { runId })
    if (result.ok) show(result.value)
    else setError(result.error)
  }
  const showNew = (run: Run) => {
    show(run)
    list.refresh()
  }
  const tick = (runId: string, isTicked: boolean) =>
    setTicked((current) => (isTicked ? [...current, runId] : current.filter((id) => id !== runId)))
  const [firstId, secondId] = ticked

  return (
    <section className="page history" aria-labelledby="history-title">
      <h1 id="history-title">History</h1>
      <p className="lead">
        Every run of this session and the ones saved before it, newest first. Open one to see it as
        it went, replay it, export it, or tick two to compare them.
      </p>
      <div className="history-bar">
        <div className="field">
          <label htmlFor="history-search">Search runs</label>
          <input
            id="history-search"
            type="search"
            value={query}
            maxLength={200}
            placeholder="Title, flow, status, profile, host or diagnostic"
            onChange={(event) => setQuery(event.target.value)}
          />
        </div>
        <ImportScenario onImported={showNew} />
      </div>
      {list.error && <ErrorNotice error={list.error} />}
      {error && <ErrorNotice error={error} />}
      <div className="history-columns">
        <div>
          <h2>Runs</h2>
          {list.runs === undefined ? (
            <p className="muted">Reading history…</p>
          ) : list.runs.length === 0 ? (
            <p className="muted">
              {query.trim() === ''
                ? 'No runs yet: start one on the Flows page.'
                : 'No run matches.'}
            </p>
          ) : (
            <RunList
              runs={list.runs}
              selectedId={opened?.id}
              onOpen={(runId) => void open(runId)}
              ticked={ticked}
              onTick={tick}
            />
          )}
          {ticked.length > 0 && (
            <p className="muted" role="status">
              {ticked.length === 1
                ? 'Tick one more run to compare.'
                : 'Two runs ticked: untick one to choose another.'}
            </p>
          )}
        </div>
        <div className="history-detail">
          {firstId && secondId && (
            <>
              <RunComparison firstId={firstId} secondId={secondId} />
              <div className="toolbar">
                <button type="button" onClick={() => setTicked([])}>
                  Clear comparison
                </button>
              </div>
            </>
          )}
          {opened && (
            <section className="history-opened" aria-label="Opened run">
              <RunActions key={opened.id} run={opened} onReplayed={showNew} />
              {ORIGIN_NOTE[opened.origin] && <p className="muted">{ORIGIN_NOTE[opened.origin]}</p>}
              <RunView runId={opened.id} />
            </section>
          )}
        </div>
      </div>
    </section>
  )
}
