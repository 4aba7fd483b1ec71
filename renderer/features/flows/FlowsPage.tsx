// The Flows page: pick a provider, a client and a flow, run it straight through or step by step.
import { useState } from 'react'
import type { StartRunInput } from '../../../shared/flow-input'
import type { WireError } from '../../../shared/wire-error'
import { call } from '../../client'
import { ErrorNotice } from '../../components/ErrorNotice'
import { rememberRun } from '../../state/run-store'
import { CognitoAccountForm } from './CognitoAccountForm'
import { CognitoFlowForm } from './CognitoFlowForm'
import { FlowForm } from './FlowForm'
import { RunView } from './RunView'

type Family = 'oauth' | 'cognito' | 'cognito-account'

export function FlowsPage() {
  const [family, setFamily] = useState<Family>('oauth')
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
        Run an OAuth 2.0, OpenID Connect or Amazon Cognito sign-in against a provider and watch
        every request and answer. Step by step, each request waits for you, and you can change it
        before it goes.
      </p>
      <div className="tabs" role="radiogroup" aria-label="Kind of flow">
        {(
          [
            ['oauth', 'OAuth 2.0 / OpenID Connect'],
            ['cognito', 'Cognito sign-in (SRP, MFA)'],
            ['cognito-account', 'Cognito account'],
          ] as const
        ).map(([value, label]) => (
          <label key={value} className={family === value ? 'tab selected' : 'tab'}>
            <input
              type="radio"
              name="flow-family"
              value={value}
              checked={family === value}
              onChange={() => setFamily(value)}
            />
            {label}
          </label>
        ))}
      </div>
      {family === 'oauth' && <FlowForm onStart={start} />}
      {family === 'cognito' && <CognitoFlowForm onStart={start} />}
      {family === 'cognito-account' && <CognitoAccountForm onStart={start} />}
      {error && <ErrorNotice error={error} />}
      {runId && <RunView runId={runId} />}
    </section>
  )
}
