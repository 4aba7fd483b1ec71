// Text from a run, with each «secret:…» marker shown as a button that reveals that one value.
import { useState } from 'react'
import { SECRET_MARKER } from '../../shared/run-model'
import { call } from '../client'

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
    setValue(result.ok ? result.value.value : `(${result.error.message})`)
  }
  return (
    <button type="button" className="secret" onClick={reveal} aria-label={`Reveal ${label}`}>
      «{label}»
    </button>
  )
}
