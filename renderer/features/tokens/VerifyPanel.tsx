// Verifies the token: where its key comes from (for a JWE: the key that decrypts it), what the
// claims must say, and the report. A token opened from a run comes with the run's expectations
// and is verified at once.
import { useEffect, useId, useRef, useState, type FormEvent } from 'react'
import { describeRunExpectations } from '../../../shared/run-token-expectations'
import type { InspectTokenInput, TokenReport } from '../../../shared/token-report'
import type { WireError } from '../../../shared/wire-error'
import { call } from '../../client'
import { ErrorNotice } from '../../components/ErrorNotice'
import type { TokenOpening } from './token-opening'
import { TokenReportView } from './TokenReportView'

type KeySource = 'issuer' | 'jwks_url' | 'key' | 'hmac' | 'none'

type Props = {
  token: string
  /** A JWE: the key field takes the recipient's key, which decrypts it. */
  encrypted: boolean
  /** Set when the token was opened from a run: its expectations, checked at once. */
  opening?: TokenOpening | undefined
}

export function VerifyPanel({ token, encrypted, opening }: Props) {
  const id = useId()
  const given = opening?.expect
  const [source, setSource] = useState<KeySource>('issuer')
  const [keyText, setKeyText] = useState('')
  const [kind, setKind] = useState(given?.kind ?? 'auto')
  const [issuer, setIssuer] = useState(given?.issuer ?? '')
  const [clientId, setClientId] = useState(given?.clientId ?? '')
  const [nonce, setNonce] = useState(given?.nonce ?? '')
  const [skew, setSkew] = useState(String(given?.clockSkewSeconds ?? 60))
  const [report, setReport] = useState<TokenReport>()
  const [error, setError] = useState<WireError>()
  const [busy, setBusy] = useState(false)

  const inspect = async () => {
    setBusy(true)
    const input: InspectTokenInput = {
      token,
      expect: {
        // What only the run knows (the access token for at_hash, the flow) rides along.
        ...given,
        kind,
        clockSkewSeconds: Number(skew) || 0,
        issuer: issuer || undefined,
        clientId: clientId || undefined,
        nonce: nonce || undefined,
      },
      ...keyInput(encrypted ? 'key' : source, keyText),
    }
    const result = await call('tokens.inspect', input)
    setBusy(false)
    setReport(result.ok ? result.value : undefined)
    setError(result.ok ? undefined : result.error)
  }
  const verify = (event: FormEvent) => {
    event.preventDefault()
    void inspect()
  }

  // A token opened from a run is verified once, as it arrives (the ref survives StrictMode's
  // second effect run, so the engine is asked once).
  const verifiedOnArrival = useRef(false)
  useEffect(() => {
    if (opening === undefined || verifiedOnArrival.current) return
    verifiedOnArrival.current = true
    void inspect()
  })

  return (
    <section aria-labelledby={`${id}-title`} className="verify">
      <h2 id={`${id}-title`}>Verify</h2>
      {opening && <p className="muted">{describeRunExpectations(opening.from, opening.expect)}</p>}
      <form className="form-grid flow-form" onSubmit={verify} aria-label="Verify">
        {encrypted ? (
          <>
            <label htmlFor={`${id}-key`}>Decryption key</label>
            <textarea
              id={`${id}-key`}
              rows={4}
              value={keyText}
              onChange={(e) => setKeyText(e.target.value)}
              placeholder={'The private key it was encrypted to: a JWK (with "d") or a PEM block'}
              spellCheck={false}
              autoComplete="off"
              required
            />
          </>
        ) : (
          <>
            <label htmlFor={`${id}-source`}>Key</label>
            <select
              id={`${id}-source`}
              value={source}
              onChange={(e) => setSource(e.target.value as KeySource)}
            >
              <option value="issuer">From the token's issuer (discovery, then JWKS)</option>
              <option value="jwks_url">From a JWKS URL</option>
              <option value="key">A key I paste (JWK, JWKS or PEM)</option>
              <option value="hmac">A shared secret (HMAC)</option>
              <option value="none">None: check the claims only</option>
            </select>
          </>
        )}
        {!encrypted && source === 'jwks_url' && (
          <>
            <label htmlFor={`${id}-key`}>JWKS URL</label>
            <input
              id={`${id}-key`}
              value={keyText}
              onChange={(e) => setKeyText(e.target.value)}
              required
            />
          </>
        )}
        {!encrypted && source === 'key' && (
          <>
            <label htmlFor={`${id}-key`}>Public key</label>
            <textarea
              id={`${id}-key`}
              rows={4}
              value={keyText}
              onChange={(e) => setKeyText(e.target.value)}
              required
            />
          </>
        )}
        {!encrypted && source === 'hmac' && (
          <>
            <label htmlFor={`${id}-key`}>Shared secret</label>
            <input
              id={`${id}-key`}
              type="password"
              value={keyText}
              onChange={(e) => setKeyText(e.target.value)}
              autoComplete="off"
              required
            />
          </>
        )}
        <label htmlFor={`${id}-kind`}>Token kind</label>
        <select
          id={`${id}-kind`}
          value={kind}
          onChange={(e) => setKind(e.target.value as typeof kind)}
        >
          <option value="auto">Guess from the token</option>
          <option value="id_token">ID token</option>
          <option value="access_token">Access token</option>
        </select>
        <label htmlFor={`${id}-issuer`}>Expected issuer</label>
        <input
          id={`${id}-issuer`}
          value={issuer}
          onChange={(e) => setIssuer(e.target.value)}
          placeholder="the token's iss, when empty"
        />
        <label htmlFor={`${id}-client`}>Client ID</label>
        <input id={`${id}-client`} value={clientId} onChange={(e) => setClientId(e.target.value)} />
        <label htmlFor={`${id}-nonce`}>Nonce sent</label>
        <input id={`${id}-nonce`} value={nonce} onChange={(e) => setNonce(e.target.value)} />
        <label htmlFor={`${id}-skew`}>Clock skew (s)</label>
        <input
          id={`${id}-skew`}
          type="number"
          min={0}
          value={skew}
          onChange={(e) => setSkew(e.target.value)}
        />
        <span />
        <button type="submit" className="primary" disabled={busy}>
          {busy ? 'Verifying…' : encrypted ? 'Decrypt and verify' : 'Verify'}
        </button>
      </form>
      {error && <ErrorNotice error={error} />}
      {report && <TokenReportView report={report} />}
    </section>
  )
}

function keyInput(source: KeySource, text: string): Pick<InspectTokenInput, 'key'> {
  switch (source) {
    case 'issuer':
      return { key: { kind: 'issuer' } }
    case 'jwks_url':
      return { key: { kind: 'jwks_url', url: text.trim() } }
    case 'key':
      return {
        key: text.trim().startsWith('-----')
          ? { kind: 'pem', pem: text }
          : { kind: 'jwk', json: text },
      }
    case 'hmac':
      return { key: { kind: 'hmac', secret: text } }
    case 'none':
      return {}
  }
}
