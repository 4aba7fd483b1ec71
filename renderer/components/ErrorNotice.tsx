// An error in words: what went wrong, what to do, and the rule it comes from.
import type { WireError } from '../../shared/wire-error'

export function ErrorNotice({ error }: { error: WireError }) {
  return (
    <div className="error-notice" role="alert">
      <p className="error-message">{error.message}</p>
      {error.hint && <p className="error-hint">{error.hint}</p>}
      {error.ref && <p className="error-ref">See {error.ref}</p>}
    </div>
  )
}
