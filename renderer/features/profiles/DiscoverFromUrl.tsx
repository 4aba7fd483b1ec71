// Drafts a profile from a provider's discovery document: paste its URL (or just the issuer), and the
// engine reads it and answers with a profile to check and save.
import { useState, type FormEvent } from 'react'
import type { WireError } from '../../../shared/wire-error'
import type { ProfileInput } from '../../../shared/workspace-model'
import { call } from '../../client'
import { ErrorNotice } from '../../components/ErrorNotice'
import { TextField } from '../../components/FormFields'

export function DiscoverFromUrl({ onDraft }: { onDraft: (draft: ProfileInput) => void }) {
  const [url, setUrl] = useState('')
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<WireError>()

  const submit = async (event: FormEvent) => {
    event.preventDefault()
    setBusy(true)
    setError(undefined)
    const result = await call('profiles.discover', { url: url.trim() })
    setBusy(false)
    if (!result.ok) return setError(result.error)
    setUrl('')
    onDraft(result.value)
  }

  return (
    <form className="discover-form form-grid" onSubmit={submit} aria-label="From a discovery URL">
      <TextField
        label="Discovery URL or issuer"
        value={url}
        onChange={setUrl}
        placeholder="https://login.example.com/.well-known/openid-configuration"
        required
      />
      <span />
      <div className="form-actions">
        <button type="submit" disabled={busy}>
          Create from discovery
        </button>
        <span role="status">{busy ? 'Reading the discovery document…' : ''}</span>
      </div>
      {error && (
        <div className="form-wide">
          <ErrorNotice error={error} />
        </div>
      )}
    </form>
  )
}
