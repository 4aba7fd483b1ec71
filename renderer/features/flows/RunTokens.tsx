// The tokens a run obtained, each hidden until revealed, each with a way into the inspector, which
// then checks it against what the run sent (issuer, client, nonce, the access token for at_hash).
import { useState } from 'react'
import type { Run } from '../../../shared/run-model'
import type { WireError } from '../../../shared/wire-error'
import { ErrorNotice } from '../../components/ErrorNotice'
import { SECRETS_NOT_KEPT, SecretText } from '../../components/SecretText'
import { openRunToken } from './open-run-token'

export function RunTokens({ run }: { run: Run }) {
  const [error, setError] = useState<WireError>()
  const isLive = run.origin === 'live'
  const inspect = async (name: string) => setError(await openRunToken(run, name))
  return (
    <>
      <h3>Tokens</h3>
      <dl className="facts" aria-label="Tokens">
        {run.tokens.map((token) => (
          <div key={token.name} className="fact">
            <dt>{token.name}</dt>
            <dd>
              <SecretText runId={run.id} text={token.value} />{' '}
              {isLive ? (
                <button
                  type="button"
                  onClick={() => void inspect(token.name)}
                  aria-label={`Inspect ${token.name}`}
                >
                  Inspect
                </button>
              ) : (
                <span className="muted">(cannot be inspected: {SECRETS_NOT_KEPT})</span>
              )}
            </dd>
          </div>
        ))}
      </dl>
      {error && <ErrorNotice error={error} />}
    </>
  )
}
