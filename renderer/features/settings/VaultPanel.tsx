// The passphrase vault, where secrets are kept when the OS keychain cannot be used (or by choice):
// create it with a passphrase typed twice, unlock it for this session, lock it again.
import { useState, type FormEvent } from 'react'
import type { Result } from '../../../shared/result'
import type { WireError } from '../../../shared/wire-error'
import type { WorkspaceStatus } from '../../../shared/workspace-model'
import { call } from '../../client'
import { ErrorNotice } from '../../components/ErrorNotice'
import { TextField } from '../../components/FormFields'
import { NewPassphraseFields } from '../../components/NewPassphraseFields'
import { passphraseProblem } from '../../components/passphrase-problem'

type Props = {
  vault: WorkspaceStatus['vault']
  onStatus: (status: WorkspaceStatus) => void
}

const VAULT_WORDS: Record<WorkspaceStatus['vault'], string> = {
  absent: 'There is no vault yet.',
  locked: 'The vault is locked: secrets kept in it cannot be used until you unlock it.',
  unlocked: 'The vault is unlocked until the app closes or you lock it.',
}

export function VaultPanel({ vault, onStatus }: Props) {
  const [passphrase, setPassphrase] = useState('')
  const [repeat, setRepeat] = useState('')
  const [error, setError] = useState<WireError>()
  const [busy, setBusy] = useState(false)

  const send = async (request: () => Promise<Result<WorkspaceStatus>>): Promise<void> => {
    setBusy(true)
    setError(undefined)
    const result = await request()
    setBusy(false)
    // The passphrase leaves the page's memory whatever the answer.
    setPassphrase('')
    setRepeat('')
    if (!result.ok) return setError(result.error)
    onStatus(result.value)
  }

  const create = (event: FormEvent) => {
    event.preventDefault()
    const problem = passphraseProblem(passphrase, repeat)
    if (problem) return setError({ code: 'IPC_INVALID_INPUT', message: problem })
    void send(() => call('vault.create', { passphrase }))
  }
  const unlock = (event: FormEvent) => {
    event.preventDefault()
    void send(() => call('vault.unlock', { passphrase }))
  }

  return (
    <section aria-labelledby="vault-title">
      <h2 id="vault-title">Passphrase vault</h2>
      <p>
        The vault keeps client secrets encrypted with a passphrase of yours (scrypt and
        AES-256-GCM). The passphrase itself is never stored: lose it and the secrets are lost.
      </p>
      <p className="vault-state" role="status">
        {VAULT_WORDS[vault]}
      </p>
      {vault === 'absent' && (
        <form className="form-grid" onSubmit={create} aria-label="Create the vault">
          <NewPassphraseFields
            labels={['New vault passphrase', 'Repeat the vault passphrase']}
            passphrase={passphrase}
            repeat={repeat}
            onPassphraseChange={setPassphrase}
            onRepeatChange={setRepeat}
          />
          <span />
          <button type="submit" disabled={busy}>
            Create vault
          </button>
        </form>
      )}
      {vault === 'locked' && (
        <form className="form-grid" onSubmit={unlock} aria-label="Unlock the vault">
          <TextField
            label="Vault passphrase"
            type="password"
            value={passphrase}
            onChange={setPassphrase}
            required
          />
          <span />
          <button type="submit" disabled={busy}>
            Unlock vault
          </button>
        </form>
      )}
      {vault === 'unlocked' && (
        <button
          type="button"
          onClick={() => void send(() => call('vault.lock', {}))}
          disabled={busy}
        >
          Lock vault
        </button>
      )}
      {error && <ErrorNotice error={error} />}
    </section>
  )
}
