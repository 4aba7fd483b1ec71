// One profile being written: its name, a preset that fills in the provider's quirks, the provider,
// its clients, a Cognito pool's test users, and notes. Saves through profiles.save (as a rename when the name changed) and
// deletes after a second, explicit confirmation.
import { useId, useState, type FormEvent } from 'react'
import type { WireError } from '../../../shared/wire-error'
import type { Profile, SecretHome } from '../../../shared/workspace-model'
import { findPreset } from '../../../shared/profile-presets'
import { call } from '../../client'
import { ErrorNotice } from '../../components/ErrorNotice'
import { TextAreaField, TextField } from '../../components/FormFields'
import { ClientFields } from './ClientFields'
import { PresetPicker, type SandboxAddresses } from './PresetPicker'
import {
  applyPreset,
  blankClient,
  draftFromProfile,
  saveRequestFromDraft,
  type ClientDraft,
  type ProfileDraft,
} from './profile-draft'
import { ProviderFields } from './ProviderFields'
import { TestUsersFields } from './TestUsersFields'

type Props = {
  initial: ProfileDraft
  secretHome: SecretHome | undefined
  sandbox: SandboxAddresses
  onSaved: (profile: Profile) => void
  onDeleted: (name: string) => void
  onClose: () => void
}

export function ProfileEditor({
  initial,
  secretHome,
  sandbox,
  onSaved,
  onDeleted,
  onClose,
}: Props) {
  const id = useId()
  const [draft, setDraft] = useState(initial)
  const [error, setError] = useState<WireError>()
  const [saved, setSaved] = useState('')
  const [busy, setBusy] = useState(false)
  const [confirmingDelete, setConfirmingDelete] = useState(false)

  const change = (update: Partial<ProfileDraft>) => {
    setSaved('')
    setDraft((current) => ({ ...current, ...update }))
  }
  const changeClient = (key: number, update: Partial<ClientDraft>) =>
    change({
      clients: draft.clients.map((client) =>
        client.key === key ? { ...client, ...update } : client,
      ),
    })

  const save = async (event: FormEvent) => {
    event.preventDefault()
    setBusy(true)
    setError(undefined)
    const result = await call('profiles.save', saveRequestFromDraft(draft))
    setBusy(false)
    if (!result.ok) return setError(result.error)
    // The engine's answer replaces the draft: typed secrets leave memory, kept ones show where.
    setDraft(draftFromProfile(result.value, true))
    setSaved(`Saved ${result.value.name}.`)
    onSaved(result.value)
  }

  const remove = async () => {
    if (draft.savedName === undefined) return
    setBusy(true)
    const result = await call('profiles.remove', { name: draft.savedName })
    setBusy(false)
    setConfirmingDelete(false)
    if (!result.ok) return setError(result.error)
    onDeleted(result.value.removed)
  }

  const title = draft.savedName === undefined ? 'New profile' : `Profile ${draft.savedName}`
  return (
    <section className="profile-editor" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{title}</h2>
      <form onSubmit={save} aria-labelledby={`${id}-title`}>
        <div className="form-grid">
          <TextField
            label="Name"
            value={draft.name}
            onChange={(name) => change({ name })}
            required
          />
        </div>
        <PresetPicker
          preset={draft.preset}
          onPresetChange={(preset) => change({ preset })}
          onFill={(values) => change(applyPreset(draft, findPreset(draft.preset), values))}
          sandbox={sandbox}
        />
        <ProviderFields
          provider={draft.provider}
          onChange={(update) => change({ provider: { ...draft.provider, ...update } })}
        />
        {draft.clients.map((client, index) => (
          <ClientFields
            key={client.key}
            client={client}
            number={index + 1}
            secretHome={secretHome}
            cognitoPool={
              draft.provider.kind === 'cognito'
                ? {
                    region: draft.provider.region,
                    userPoolId: draft.provider.userPoolId,
                    endpoint: draft.provider.apiEndpoint,
                  }
                : undefined
            }
            onChange={(update) => changeClient(client.key, update)}
            onRemove={
              draft.clients.length > 1
                ? () => change({ clients: draft.clients.filter(({ key }) => key !== client.key) })
                : undefined
            }
          />
        ))}
        {draft.clients.length === 0 && (
          <p className="muted">No client yet: add the one the provider registered for this app.</p>
        )}
        <button
          type="button"
          onClick={() => change({ clients: [...draft.clients, blankClient()] })}
        >
          Add a client
        </button>
        {/* Shown for a pool; and for users left on another provider, so they can be removed. */}
        {(draft.provider.kind === 'cognito' || draft.users.length > 0) && (
          <TestUsersFields
            users={draft.users}
            onChange={(users) => change({ users })}
            secretHome={secretHome}
          />
        )}
        <div className="form-grid">
          <TextAreaField
            label="Notes"
            rows={3}
            value={draft.notes}
            onChange={(notes) => change({ notes })}
          />
        </div>
        {error && <ErrorNotice error={error} />}
        <div className="form-actions">
          <button type="submit" className="primary" disabled={busy}>
            Save profile
          </button>
          <button type="button" onClick={onClose}>
            Close
          </button>
          {draft.savedName !== undefined && !confirmingDelete && (
            <button type="button" className="danger" onClick={() => setConfirmingDelete(true)}>
              Delete profile
            </button>
          )}
          <span role="status">{saved}</span>
        </div>
        {confirmingDelete && (
          <div className="confirm-delete" role="group" aria-labelledby={`${id}-confirm`}>
            <p id={`${id}-confirm`}>
              Delete the profile “{draft.savedName}” and any secret kept for it? This cannot be
              undone.
            </p>
            <button type="button" className="danger" onClick={remove} disabled={busy}>
              Delete for good
            </button>
            {/* Focus lands on the safe answer, so a stray Enter deletes nothing. */}
            <button type="button" onClick={() => setConfirmingDelete(false)} autoFocus>
              Keep it
            </button>
          </div>
        )}
      </form>
    </section>
  )
}
