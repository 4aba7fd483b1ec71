// The JWTs an exchange carries, decoded where the timeline shows it: those in the clear at once,
// redacted ones (tokens, credentials) only when the user asks, and only for a live run.
import { useEffect, useState } from 'react'
import type { DecodedToken } from '../../../shared/contract'
import { findExchangeJwts, findTokenMarkers, type TokenMarker } from '../../../shared/find-jwts'
import type { HttpExchange } from '../../../shared/run-model'
import type { WireError } from '../../../shared/wire-error'
import { call } from '../../client'
import { ErrorNotice } from '../../components/ErrorNotice'
import { JsonView } from '../../components/JsonView'

export function ExchangeTokens({
  runId,
  isLive,
  exchange,
}: {
  runId: string
  isLive: boolean
  exchange: HttpExchange
}) {
  const clear = findExchangeJwts(exchange)
  // Saved and imported runs kept no values behind their markers: nothing to reveal.
  const hidden = isLive ? findTokenMarkers(exchange) : []
  if (clear.length === 0 && hidden.length === 0) return null
  return (
    <section className="timeline-tokens" aria-label="Tokens in this exchange">
      <h3>Tokens in this exchange</h3>
      {clear.map(({ token, where }) => (
        <div key={token}>
          <h4>JWT in the {where}</h4>
          <DecodedJwt token={token} />
        </div>
      ))}
      {hidden.map((marker) => (
        <HiddenJwt key={marker.secretId} runId={runId} marker={marker} />
      ))}
    </section>
  )
}

function HiddenJwt({ runId, marker }: { runId: string; marker: TokenMarker }) {
  const [token, setToken] = useState<string>()
  const [error, setError] = useState<WireError>()
  const reveal = async () => {
    const result = await call('runs.revealSecret', { runId, secretId: marker.secretId })
    setError(result.ok ? undefined : result.error)
    if (result.ok) setToken(result.value.value)
  }
  return (
    <div>
      <h4>{headingOf(marker)}</h4>
      {token === undefined ? (
        <div className="toolbar">
          <button type="button" onClick={reveal}>
            Reveal and decode {marker.label}
          </button>
        </div>
      ) : (
        <>
          <div className="toolbar">
            <button type="button" onClick={() => setToken(undefined)}>
              Hide {marker.label}
            </button>
          </div>
          <DecodedJwt token={token} />
        </>
      )}
      {error && <ErrorNotice error={error} />}
    </div>
  )
}

/** "id_token in the response body"; a header's marker is named after it, so said once. */
function headingOf({ label, where }: TokenMarker): string {
  return where.toLowerCase().endsWith(label.toLowerCase())
    ? `In the ${where}`
    : `${label} in the ${where}`
}

/** Header and payload through tokens.decode, the same reading as the Tokens page, unverified. */
function DecodedJwt({ token }: { token: string }) {
  const [decoded, setDecoded] = useState<DecodedToken>()
  const [error, setError] = useState<WireError>()
  useEffect(() => {
    let current = true
    void call('tokens.decode', { token }).then((result) => {
      if (!current) return
      setDecoded(result.ok ? result.value : undefined)
      setError(result.ok ? undefined : result.error)
    })
    return () => {
      current = false
    }
  }, [token])

  if (error) return <ErrorNotice error={error} />
  if (!decoded) return null
  const alg = typeof decoded.header.alg === 'string' ? decoded.header.alg : 'no alg'
  return (
    <div className="decoded-columns">
      <div>
        <p className="token-kind">
          {decoded.kind === 'jws'
            ? `Signed (JWS, ${alg}), signature not verified`
            : `Encrypted (JWE, ${alg}): only the header can be read`}
        </p>
        <JsonView value={decoded.header} label="JWT header" />
      </div>
      {decoded.kind === 'jws' && (
        <div>
          <p className="token-kind">Payload</p>
          <JsonView value={decoded.payload} label="JWT payload" />
        </div>
      )}
    </div>
  )
}
