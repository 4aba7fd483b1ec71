// The Tokens page: paste a token (or open one from a run), read its header, payload and times;
// verify it, decrypt it, compare it, or, when it is opaque, ask its issuer about it.
import { useEffect, useId, useState } from 'react'
import type { DecodedToken } from '../../../shared/contract'
import type { WireError } from '../../../shared/wire-error'
import { call } from '../../client'
import { ErrorNotice } from '../../components/ErrorNotice'
import { useNavigation } from '../../state/navigation'
import { DecodedTokenView } from './DecodedTokenView'
import { ComparePanel } from './ComparePanel'
import { IntrospectPanel } from './IntrospectPanel'
import { tokenOpeningOf } from './token-opening'
import { VerifyPanel } from './VerifyPanel'

type Decoding =
  | { status: 'empty' }
  | { status: 'decoded'; token: DecodedToken }
  | { status: 'opaque' }
  | { status: 'failed'; error: WireError }

/** Decodes the text; a token with no dots at all is asked about again: is it opaque? */
async function decodeToken(text: string): Promise<Decoding> {
  const decoded = await call('tokens.decode', { token: text })
  if (decoded.ok) return { status: 'decoded', token: decoded.value }
  if (decoded.error.code === 'TOKEN_WRONG_PART_COUNT') {
    // The inspector decides what counts as opaque (it tolerates a "Bearer" prefix, for one).
    const report = await call('tokens.inspect', { token: text })
    if (report.ok && report.value.kind === 'opaque') return { status: 'opaque' }
  }
  return { status: 'failed', error: decoded.error }
}

export function TokensPage() {
  const { payload } = useNavigation()
  // Read once: a page opened from a run starts with that run's token.
  const [opening] = useState(() => tokenOpeningOf(payload))
  const [text, setText] = useState(opening?.token ?? '')
  const inputId = useId()
  const [decoding, setDecoding] = useState<Decoding>({ status: 'empty' })
  // The run's expectations hold while its token is the one shown.
  const fromRun = opening?.token === text ? opening : undefined

  useEffect(() => {
    if (text.trim() === '') return setDecoding({ status: 'empty' })
    let current = true // a slower answer for older text must not replace a newer one
    void decodeToken(text).then((next) => {
      if (current) setDecoding(next)
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
      {decoding.status === 'opaque' && (
        <>
          <p className="token-kind">
            Opaque token: not a JWT, so it carries no claims anyone but its issuer can read, and no
            signature to check.
          </p>
          <IntrospectPanel token={text.trim()} />
        </>
      )}
      {decoding.status === 'decoded' && (
        <>
          <DecodedTokenView token={decoding.token} />
          <VerifyPanel token={text} encrypted={decoding.token.kind === 'jwe'} opening={fromRun} />
          {decoding.token.kind === 'jws' && <ComparePanel first={decoding.token} />}
        </>
      )}
    </section>
  )
}
