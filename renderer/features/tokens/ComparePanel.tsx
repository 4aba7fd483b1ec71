// Two tokens side by side, claim by claim, differences first: the hosted-login ID token against the
// SRP one of the same user, a token before and after refresh, the same user at two providers.
import { useEffect, useId, useState } from 'react'
import { compareClaims } from '../../../shared/compare-claims'
import type { DecodedToken } from '../../../shared/contract'
import type { WireError } from '../../../shared/wire-error'
import { call } from '../../client'
import { ClaimComparisonTable } from '../../components/ClaimComparisonTable'
import { ErrorNotice } from '../../components/ErrorNotice'

export function ComparePanel({ first }: { first: DecodedToken & { kind: 'jws' } }) {
  const id = useId()
  const [text, setText] = useState('')
  const [second, setSecond] = useState<DecodedToken>()
  const [error, setError] = useState<WireError>()

  useEffect(() => {
    if (text.trim() === '') return setSecond(undefined)
    let current = true
    void call('tokens.decode', { token: text }).then((result) => {
      if (!current) return
      setSecond(result.ok ? result.value : undefined)
      setError(result.ok ? undefined : result.error)
    })
    return () => {
      current = false
    }
  }, [text])

  const rows = second?.kind === 'jws' ? compareClaims(first.payload, second.payload) : []
  return (
    <section aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>Compare</h2>
      <div className="field">
        <label htmlFor={`${id}-second`}>Second token</label>
        <textarea
          id={`${id}-second`}
          rows={3}
          value={text}
          onChange={(event) => setText(event.target.value)}
          spellCheck={false}
          autoComplete="off"
          placeholder="Paste another token to compare its claims with this one"
        />
      </div>
      {error && <ErrorNotice error={error} />}
      {second?.kind === 'jwe' && (
        <p className="muted">The second token is encrypted: nothing to compare.</p>
      )}
      {rows.length > 0 && (
        <ClaimComparisonTable rows={rows} sides={['First', 'Second']} label="Claims compared" />
      )}
    </section>
  )
}
