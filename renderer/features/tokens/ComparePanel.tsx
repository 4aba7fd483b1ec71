// Two tokens side by side, claim by claim, differences first: the hosted-login ID token against the
// SRP one of the same user, a token before and after refresh, the same user at two providers.
import { useEffect, useId, useState } from 'react'
import { compareClaims, isExpectedToChange } from '../../../shared/compare-claims'
import type { DecodedToken } from '../../../shared/contract'
import type { WireError } from '../../../shared/wire-error'
import { call } from '../../client'
import { ErrorNotice } from '../../components/ErrorNotice'

const DIFFERENCE_TEXT = {
  same: 'same',
  changed: 'changed',
  only_left: 'only in the first',
  only_right: 'only in the second',
} as const

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
        <table aria-label="Claims compared" className="compare">
          <thead>
            <tr>
              <th scope="col">Claim</th>
              <th scope="col">First</th>
              <th scope="col">Second</th>
              <th scope="col">Difference</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.name} className={`difference-${row.difference}`}>
                <th scope="row">
                  <code>{row.name}</code>
                </th>
                <td>
                  <code>{'left' in row ? JSON.stringify(row.left) : '—'}</code>
                </td>
                <td>
                  <code>{'right' in row ? JSON.stringify(row.right) : '—'}</code>
                </td>
                <td>
                  {DIFFERENCE_TEXT[row.difference]}
                  {row.difference === 'changed' && isExpectedToChange(row.name) && (
                    <span className="muted"> (differs on every token)</span>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  )
}
