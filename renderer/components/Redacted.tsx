// A secret shown as dots until the user asks to see it.
import { useState } from 'react'

export function Redacted({ value, label }: { value: string; label: string }) {
  const [shown, setShown] = useState(false)
  return (
    <span className="redacted">
      <code aria-label={label}>{shown ? value : '•'.repeat(10)}</code>
      <button
        type="button"
        className="link-button"
        aria-pressed={shown}
        aria-label={`${shown ? 'Hide' : 'Show'} ${label}`}
        onClick={() => setShown(!shown)}
      >
        {shown ? 'Hide' : 'Show'}
      </button>
    </span>
  )
}
