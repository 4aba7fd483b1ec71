// The Sandbox page: the local OpenID provider and Cognito pool, their demo clients and users,
// and the outbox where the pool's SMS and email codes arrive.
import { ErrorNotice } from '../../components/ErrorNotice'
import { useSandbox } from '../../state/use-sandbox'
import { CognitoSandboxPanel } from './CognitoSandboxPanel'
import { OidcSandboxPanel } from './OidcSandboxPanel'
import { Outbox } from './Outbox'

const STATE_TEXT = {
  stopped: 'Stopped',
  starting: 'Starting…',
  running: 'Running on 127.0.0.1',
  failed: 'Failed to start',
} as const

export function SandboxPage() {
  const { status, callError, start, stop } = useSandbox()
  const state = status?.state ?? 'stopped'
  return (
    <section className="page" aria-labelledby="sandbox-title">
      <h1 id="sandbox-title">Sandbox</h1>
      <p className="lead">
        A real OpenID provider and a Cognito-compatible user pool on this computer, with demo
        clients and users, so every flow works with no cloud account. Nothing here is saved.
      </p>
      <div className="toolbar">
        <p className="sandbox-state" role="status">
          {STATE_TEXT[state]}
        </p>
        {state === 'running' ? (
          <button type="button" onClick={stop}>
            Stop sandbox
          </button>
        ) : (
          <button type="button" onClick={start} disabled={state === 'starting'}>
            Start sandbox
          </button>
        )}
      </div>
      {callError && <ErrorNotice error={callError} />}
      {status?.error && <ErrorNotice error={status.error} />}
      {status?.oidc && <OidcSandboxPanel oidc={status.oidc} />}
      {status?.cognito && <CognitoSandboxPanel cognito={status.cognito} />}
      {state === 'running' && <Outbox messages={status?.outbox ?? []} />}
    </section>
  )
}
