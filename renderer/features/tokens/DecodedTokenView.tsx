// What a decoded token says: its kind, header, payload and, for a JWS, its times in words.
import type { DecodedToken } from '../../../shared/contract'
import { JsonView } from '../../components/JsonView'
import { TimeClaimsTable } from './TimeClaimsTable'

export function DecodedTokenView({ token }: { token: DecodedToken }) {
  if (token.kind === 'jwe') {
    return (
      <div className="decoded">
        <p className="token-kind">
          Encrypted token (JWE): its payload cannot be read without the decryption key.
        </p>
        <h2>Header</h2>
        <JsonView value={token.header} label="Header" />
      </div>
    )
  }
  const alg = typeof token.header.alg === 'string' ? token.header.alg : 'no alg'
  return (
    <div className="decoded">
      <p className="token-kind">
        Signed token (JWS) · {alg} ·{' '}
        {token.signature.present
          ? `signature of ${token.signature.bytes} bytes, not verified`
          : 'no signature: an unsecured token that anyone could have written'}
      </p>
      <div className="decoded-columns">
        <div>
          <h2>Header</h2>
          <JsonView value={token.header} label="Header" />
        </div>
        <div>
          <h2>Payload</h2>
          <JsonView value={token.payload} label="Payload" />
        </div>
      </div>
      <TimeClaimsTable payload={token.payload} />
    </div>
  )
}
