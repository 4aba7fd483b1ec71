// Text from a run, with each «secret:…» marker shown as a button that reveals that one value.
import { useState } from 'react'
import { SECRET_MARKER } from '../../shared/run-model'
import { call } from '../client'

/** Why a saved or imported run cannot reveal a secret: only markers were written to disk. */
export const SECRETS_NOT_KEPT = 'secret values are not kept after the app restarts'

export function SecretText({ runId, text }: { runId: string; text: string }) {
  const parts: (string | { id: string; label: string })[] = []
  let last = 0
  for (const match of text.matchAll(SECRET_MARKER)) {
    parts.push(text.slice(last, match.index), { id: match[1] ?? '', label: match[2] ?? 'secret' })
    last = (match.index ?? 0) + match[0].length
  }
  parts.push(text.slice(last))
  return (
    <>
      {parts.map((part, index) =>
        typeof part === 'string' ? part : <HiddenSecret key={index} runId={runId} {...part} />,
      )}
    </>
  )
}

function HiddenSecret({ runId, id, label }: { runId: string; id: string; label: string }) {
  const [value, setValue] = useState<string>()
  if (value !== undefined) {
    return (
      <span className="secret revealed">
        {value}
        <button type="button" className="link-button" onClick={() => setValue(undefined)}>
          Hide
        </button>
      </span>
    )
  }
  const reveal = async () => {
    const result = await call('runs.revealSecret', { runId, secretId: id })
    if (result.ok) return setValue(result.value.value)
    // A saved or imported run has no values behind its markers: say so in words, not as an error.
    const notKept = result.error.code === 'RUN_SECRET_NOT_FOUND'
    setValue(`(${notKept ? SECRETS_NOT_KEPT : result.error.message})`)
  }
  return (
    <button type="button" className="secret" onClick={reveal} aria-label={`Reveal ${label}`}>
      «{label}»
    </button>
  )
}
