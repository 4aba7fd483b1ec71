// The ID tokens of two runs, claim by claim (same user before and after a change, hosted login
// against SRP). Only live runs can: their token values are revealed, on request, for decoding.
import { useState } from 'react'
import { compareClaims, type ClaimComparison } from '../../../shared/compare-claims'
import type { Run } from '../../../shared/run-model'
import { tokenSecretId } from '../../../shared/run-token-secret'
import type { WireError } from '../../../shared/wire-error'
import { call } from '../../client'
import { ClaimComparisonTable } from '../../components/ClaimComparisonTable'
import { ErrorNotice } from '../../components/ErrorNotice'
import { SECRETS_NOT_KEPT } from '../../components/SecretText'

export function IdTokenComparison({ first, second }: { first: Run; second: Run }) {
  const [claims, setClaims] = useState<ClaimComparison[]>()
  const [note, setNote] = useState<string>()
  const [error, setError] = useState<WireError>()

  if (first.origin !== 'live' || second.origin !== 'live') {
    return (
      <p className="muted">
        ID tokens cannot be compared: {SECRETS_NOT_KEPT}, and saved or imported runs hold only
        markers where the token values were.
      </p>
    )
  }
  const missing = [first, second].find((run) => tokenSecretId(run, 'id_token') === undefined)
  if (missing) return <p className="muted">“{missing.title}” obtained no ID token to compare.</p>

  const compare = async () => {
    setError(undefined)
    setNote(undefined)
    const payloads = []
    for (const run of [first, second]) {
      const decoded = await readIdToken(run)
      if ('error' in decoded) return setError(decoded.error)
      if (decoded.payload === undefined) {
        return setNote(`The ID token of “${run.title}” is encrypted: its claims cannot be read.`)
      }
      payloads.push(decoded.payload)
    }
    setClaims(compareClaims(payloads[0] ?? {}, payloads[1] ?? {}))
  }

  return (
    <div className="history-claims">
      <h3>ID tokens</h3>
      <div className="toolbar">
        <button type="button" onClick={compare}>
          Compare the ID tokens claim by claim
        </button>
      </div>
      {error && <ErrorNotice error={error} />}
      {note && <p>{note}</p>}
      {claims && (
        <ClaimComparisonTable
          rows={claims}
          sides={['First run', 'Second run']}
          caption="ID token claims of the first and the second run"
        />
      )}
    </div>
  )
}

/** Reveals a run's newest ID token and decodes it; a JWE has no readable payload. */
async function readIdToken(
  run: Run,
): Promise<{ payload: Record<string, unknown> | undefined } | { error: WireError }> {
  const revealed = await call('runs.revealSecret', {
    runId: run.id,
    secretId: tokenSecretId(run, 'id_token') ?? '',
  })
  if (!revealed.ok) return { error: revealed.error }
  const decoded = await call('tokens.decode', { token: revealed.value.value })
  if (!decoded.ok) return { error: decoded.error }
  return { payload: decoded.value.kind === 'jws' ? decoded.value.payload : undefined }
}
