// The Profiles page: saved providers and clients, a new one from a preset or from a discovery URL,
// the editor for the one open, and export and import.
import { useState } from 'react'
import { findPreset } from '../../../shared/profile-presets'
import type { Profile, ProfileInput } from '../../../shared/workspace-model'
import { ErrorNotice } from '../../components/ErrorNotice'
import { useSandbox } from '../../state/use-sandbox'
import { useWorkspaceStatus } from '../settings/use-workspace-status'
import { DiscoverFromUrl } from './DiscoverFromUrl'
import type { SandboxAddresses } from './PresetPicker'
import { ProfileEditor } from './ProfileEditor'
import { ProfileList } from './ProfileList'
import { ProfileTransfer } from './ProfileTransfer'
import { applyPreset, blankDraft, draftFromProfile, type ProfileDraft } from './profile-draft'
import { useProfiles } from '../../state/use-profiles'
import './profiles.css'

/** The draft open in the editor; `opened` remounts the editor each time another is opened. */
type Open = { draft: ProfileDraft; opened: number }

export function ProfilesPage() {
  const { profiles, error, reload } = useProfiles()
  const workspace = useWorkspaceStatus()
  const { status: sandboxStatus } = useSandbox()
  const [open, setOpen] = useState<Open>()
  const [notice, setNotice] = useState('')

  const sandbox: SandboxAddresses = {
    oidc: sandboxStatus?.oidc?.issuer,
    cognito: sandboxStatus?.cognito?.endpoint,
  }
  const openDraft = (draft: ProfileDraft) => {
    setNotice('')
    setOpen((current) => ({ draft, opened: (current?.opened ?? 0) + 1 }))
  }
  // A new profile starts on the sandbox, which works with nothing else filled in.
  const startNew = () =>
    openDraft(applyPreset(blankDraft('sandbox'), findPreset('sandbox'), { address: sandbox.oidc }))

  return (
    <section className="page workspace-page profiles-page" aria-labelledby="profiles-title">
      <h1 id="profiles-title">Profiles</h1>
      <p className="lead">
        A profile keeps a provider and its clients, so a flow starts without typing them again.
        Client secrets are kept encrypted, never shown, and left out of exports unless you choose a
        passphrase for them.
      </p>
      {workspace.error && <ErrorNotice error={workspace.error} />}
      <div className="profiles-layout">
        <div className="profiles-side">
          <button type="button" className="primary" onClick={startNew}>
            New profile
          </button>
          <DiscoverFromUrl
            onDraft={(draft: ProfileInput) => openDraft(draftFromProfile(draft, false))}
          />
          <h2>Saved profiles</h2>
          {error && <ErrorNotice error={error} />}
          <ProfileList
            profiles={profiles}
            openName={open?.draft.savedName}
            onOpen={(profile: Profile) => openDraft(draftFromProfile(profile, true))}
          />
          <p role="status">{notice}</p>
        </div>
        {open && (
          <ProfileEditor
            key={open.opened}
            initial={open.draft}
            secretHome={workspace.status?.secretHome}
            sandbox={sandbox}
            onSaved={(profile) => {
              // Same key: the editor keeps its state; the list marks the profile under its new name.
              setOpen(
                (current) => current && { ...current, draft: draftFromProfile(profile, true) },
              )
              reload()
            }}
            onDeleted={(name) => {
              setOpen(undefined)
              setNotice(`Deleted ${name}.`)
              reload()
            }}
            onClose={() => setOpen(undefined)}
          />
        )}
      </div>
      <ProfileTransfer profiles={profiles ?? []} onImported={reload} />
    </section>
  )
}
