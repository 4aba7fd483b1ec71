// The Flows page: pick a provider, a client and a flow, run it straight through or step by step.
import { useState } from 'react'
import type { StartRunInput } from '../../../shared/flow-input'
import type { WireError } from '../../../shared/wire-error'
import { call } from '../../client'
import { ErrorNotice } from '../../components/ErrorNotice'
import { rememberRun } from '../../state/run-store'
import { FlowForm } from './FlowForm'
import { RunView } from './RunView'

export function FlowsPage() {
  const [runId, setRunId] = useState<string>()
  const [error, setError] = useState<WireError>()

  const start = async (input: StartRunInput) => {
    setError(undefined)
    const result = await call('runs.start', input)
    if (!result.ok) return setError(result.error)
    rememberRun(result.value)
    setRunId(result.value.id)
  }

  return (
    <section className="page" aria-labelledby="flows-title">
      <h1 id="flows-title">Flows</h1>
      <p className="lead">
        Run an OAuth 2.0 or OpenID Connect flow against a provider and watch every request and
        answer. Step by step, each request waits for you, and you can change it before it goes.
      </p>
      <FlowForm onStart={start} />
      {error && <ErrorNotice error={error} />}
      {runId && <RunView runId={runId} />}
    </section>
  )
}
