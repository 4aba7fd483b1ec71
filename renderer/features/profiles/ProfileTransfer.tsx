// Moves profiles between computers: export all or some (secrets only when asked, and then encrypted
// with a passphrase), and import a file exported here (its passphrase when it carries secrets).
import { useId, useState, type FormEvent } from 'react'
import type { WireError } from '../../../shared/wire-error'
import type { Profile } from '../../../shared/workspace-model'
import { call } from '../../client'
import { downloadFile } from '../../components/download-file'
import { ErrorNotice } from '../../components/ErrorNotice'
import { CheckField, TextField } from '../../components/FormFields'
import { NewPassphraseFields } from '../../components/NewPassphraseFields'
import { passphraseProblem } from '../../components/passphrase-problem'

/** The contract's bound on an import, checked before a larger file is read into memory. */
const MAX_IMPORT_BYTES = 5_000_000

type Props = { profiles: Profile[]; onImported: () => void }

export function ProfileTransfer({ profiles, onImported }: Props) {
  return (
    <section className="profile-transfer" aria-labelledby="profile-transfer-title">
      <h2 id="profile-transfer-title">Export and import</h2>
      <div className="transfer-columns">
        {profiles.length > 0 && <ExportForm profiles={profiles} />}
        <ImportForm onImported={onImported} />
      </div>
    </section>
  )
}

function ExportForm({ profiles }: { profiles: Profile[] }) {
  const id = useId()
  const [left, setLeft] = useState<ReadonlySet<string>>(new Set())
  const [withSecrets, setWithSecrets] = useState(false)
  const [passphrase, setPassphrase] = useState('')
  const [repeat, setRepeat] = useState('')
  const [error, setError] = useState<WireError>()
  const [done, setDone] = useState('')

  const chosen = profiles.filter((profile) => !left.has(profile.name)).map(({ name }) => name)
  const choose = (name: string, included: boolean) => {
    const next = new Set(left)
    if (included) next.delete(name)
    else next.add(name)
    setLeft(next)
  }

  const submit = async (event: FormEvent) => {
    event.preventDefault()
    setDone('')
    const problem = withSecrets ? passphraseProblem(passphrase, repeat) : undefined
    if (problem) return setError({ code: 'IPC_INVALID_INPUT', message: problem })
    setError(undefined)
    const result = await call('profiles.export', {
      ...(chosen.length < profiles.length ? { names: chosen } : {}),
      ...(withSecrets ? { passphrase } : {}),
    })
    if (!result.ok) return setError(result.error)
    setPassphrase('')
    setRepeat('')
    downloadFile(result.value)
    setDone(`Downloaded ${result.value.filename}.`)
  }

  return (
    <form onSubmit={submit} aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>Export</h3>
      <fieldset className="export-choice">
        <legend>Profiles to export</legend>
        {profiles.map(({ name }) => (
          <CheckField
            key={name}
            label={name}
            checked={!left.has(name)}
            onChange={(included) => choose(name, included)}
          />
        ))}
      </fieldset>
      <CheckField
        label="Include secrets, encrypted with a passphrase"
        checked={withSecrets}
        onChange={setWithSecrets}
      />
      {withSecrets && (
        <div className="form-grid">
          <NewPassphraseFields
            labels={['Export passphrase', 'Repeat the export passphrase']}
            passphrase={passphrase}
            repeat={repeat}
            onPassphraseChange={setPassphrase}
            onRepeatChange={setRepeat}
          />
        </div>
      )}
      {error && <ErrorNotice error={error} />}
      <div className="form-actions">
        <button type="submit" disabled={chosen.length === 0}>
          {chosen.length === profiles.length ? 'Export all profiles' : 'Export chosen profiles'}
        </button>
        <span role="status">{done}</span>
      </div>
    </form>
  )
}

function ImportForm({ onImported }: { onImported: () => void }) {
  const id = useId()
  const [file, setFile] = useState<File>()
  const [passphrase, setPassphrase] = useState('')
  const [error, setError] = useState<WireError>()
  const [done, setDone] = useState('')

  const submit = async (event: FormEvent) => {
    event.preventDefault()
    setDone('')
    if (!file) return
    if (file.size > MAX_IMPORT_BYTES) {
      return setError({ code: 'IMPORT_INVALID', message: 'A profiles file is at most 5 MB.' })
    }
    setError(undefined)
    const result = await call('profiles.import', {
      content: await file.text(),
      ...(passphrase ? { passphrase } : {}),
    })
    if (!result.ok) return setError(result.error)
    setPassphrase('')
    const names = result.value.imported
    setDone(
      names.length === 0
        ? 'The file held no profiles.'
        : `Imported ${names.length === 1 ? '1 profile' : `${names.length} profiles`}: ${names.join(', ')}.`,
    )
    onImported()
  }

  return (
    <form onSubmit={submit} aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>Import</h3>
      <div className="form-grid">
        <label htmlFor={`${id}-file`}>Profiles file</label>
        <input
          id={`${id}-file`}
          type="file"
          accept=".json,application/json"
          onChange={(e) => setFile(e.target.files?.[0])}
          required
        />
        <TextField
          label="Passphrase of the file"
          type="password"
          value={passphrase}
          onChange={setPassphrase}
          placeholder="only when it was exported with secrets"
        />
      </div>
      {error && <ErrorNotice error={error} />}
      <div className="form-actions">
        <button type="submit" disabled={!file}>
          Import profiles
        </button>
        <span role="status">{done}</span>
      </div>
    </form>
  )
}
