// The Tokens page: paste a JWT, read its header, payload and times; decode errors in words.
import { useEffect, useId, useState } from 'react'
import type { DecodedToken } from '../../../shared/contract'
import type { WireError } from '../../../shared/wire-error'
import { call } from '../../client'
import { ErrorNotice } from '../../components/ErrorNotice'
import { DecodedTokenView } from './DecodedTokenView'
import { ComparePanel } from './ComparePanel'
import { VerifyPanel } from './VerifyPanel'

type Decoding =
  | { status: 'empty' }
  | { status: 'decoded'; token: DecodedToken }
  | { status: 'failed'; error: WireError }

export function TokensPage() {
  const [text, setText] = useState('')
  const inputId = useId()
  const [decoding, setDecoding] = useState<Decoding>({ status: 'empty' })

  useEffect(() => {
    if (text.trim() === '') return setDecoding({ status: 'empty' })
    let current = true // a slower answer for older text must not replace a newer one
    void call('tokens.decode', { token: text }).then((result) => {
      if (!current) return
      setDecoding(
        result.ok
          ? { status: 'decoded', token: result.value }
          : { status: 'failed', error: result.error },
      )
    })
    return () => {
      current = false
    }
  }, [text])

  return (
    <section className="page" aria-labelledby="tokens-title">
      <h1 id="tokens-title">Tokens</h1>
      <p className="lead">
        Paste a JWT to read what it says. Decoding does not verify the signature: anyone can make a
        token that decodes.
      </p>
      <div className="field">
        <label htmlFor={inputId}>Token</label>
        <textarea
          id={inputId}
          value={text}
          onChange={(event) => setText(event.target.value)}
          rows={5}
          spellCheck={false}
          autoComplete="off"
          placeholder="eyJhbGciOi…"
        />
      </div>
      {decoding.status === 'failed' && <ErrorNotice error={decoding.error} />}
      {decoding.status === 'decoded' && <DecodedTokenView token={decoding.token} />}
      {decoding.status === 'decoded' && decoding.token.kind === 'jws' && (
        <VerifyPanel token={text} />
      )}
      {decoding.status === 'decoded' && decoding.token.kind === 'jws' && (
        <ComparePanel first={decoding.token} />
      )}
    </section>
  )
}
