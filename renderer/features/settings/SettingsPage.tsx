// The Settings page: where data and secrets are kept, the passphrase vault, files the workspace
// could not read, how much run history to keep, and trainer mode.
import { useState } from 'react'
import type { WireError } from '../../../shared/wire-error'
import { ErrorNotice } from '../../components/ErrorNotice'
import { updateSettings, useSettings } from '../../state/use-settings'
import { SECRET_HOME_WORDS } from '../../components/secret-words'
import { HistorySettings } from './HistorySettings'
import { StoreProblems } from './StoreProblems'
import { useWorkspaceStatus } from './use-workspace-status'
import { VaultPanel } from './VaultPanel'
import { CheckField } from '../../components/FormFields'
import './settings.css'

export function SettingsPage() {
  const { status, error, replace } = useWorkspaceStatus()
  const settings = useSettings()
  const [trainerError, setTrainerError] = useState<WireError>()
  // The box follows the click at once; the engine's answer then confirms it or puts it back.
  const [trainerWanted, setTrainerWanted] = useState<boolean>()
  const switchTrainerMode = async (trainerMode: boolean) => {
    setTrainerWanted(trainerMode)
    setTrainerError(await updateSettings({ trainerMode }))
    setTrainerWanted(undefined)
  }

  return (
    <section className="page workspace-page settings-page" aria-labelledby="settings-title">
      <h1 id="settings-title">Settings</h1>
      {error && <ErrorNotice error={error} />}
      {status && status.problems.length > 0 && <StoreProblems problems={status.problems} />}

      <section aria-labelledby="storage-title">
        <h2 id="storage-title">Where your data lives</h2>
        {status ? (
          <dl className="facts">
            <dt>Data folder</dt>
            <dd>
              <code>{status.dataDir}</code>
            </dd>
            <dt>Secrets</dt>
            <dd className="words">{SECRET_HOME_WORDS[status.secretHome]}</dd>
          </dl>
        ) : (
          !error && <p className="muted">Reading the workspace…</p>
        )}
      </section>

      {status && <VaultPanel vault={status.vault} onStatus={replace} />}

      <HistorySettings settings={settings} />

      <section aria-labelledby="trainer-title">
        <h2 id="trainer-title">Trainer mode</h2>
        <CheckField
          label="Trainer mode"
          checked={trainerWanted ?? settings.trainerMode}
          onChange={(trainerMode) => void switchTrainerMode(trainerMode)}
        />
        {trainerError && <ErrorNotice error={trainerError} />}
        <p className="muted">
          Larger type and a larger sequence diagram for a room, an explanation before each step, and
          the “break it” toggles that make one request of a flow wrong on purpose.
        </p>
      </section>
    </section>
  )
}
