// A secret kept with a profile as its editor shows it: a client's secret (or private key), a test
// user's password or TOTP secret. A kept secret is never shown: only where it lives, with "Replace"
// and "Forget" (saved as a set or a clear; untouched, it stays as it is).
import { useState, type ReactNode } from 'react'
import type { SecretHome } from '../../../shared/workspace-model'
import { TextField } from '../../components/FormFields'
import { describeKeptSecret, SECRET_HOME_WORDS } from '../../components/secret-words'
import type { SecretDraft } from './profile-draft'

/** The field a new value is typed in. */
export type NewSecretInput = {
  label: string
  value: string
  onChange: (value: string) => void
  placeholder?: string
}

type Props = {
  /** The field's label: "Client secret", "Password". */
  label: string
  /** Its label while replacing a kept one: "New client secret". */
  newLabel: string
  /** How the buttons name it: "Replace secret", "Forget password". */
  noun: string
  secret: SecretDraft
  onChange: (change: Partial<SecretDraft>) => void
  /** Where a secret saved now goes, said under the field. */
  secretHome: SecretHome | undefined
  /** What an empty field means when nothing is kept: "none (public client)". */
  placeholder?: string
  /** Types the new value; a masked text field unless given (a private JWK has its own). */
  input?: (field: NewSecretInput) => ReactNode
}

export function KeptSecretField({
  label,
  newLabel,
  noun,
  secret,
  onChange,
  secretHome,
  placeholder,
  input,
}: Props) {
  const [replacing, setReplacing] = useState(false)
  const { kept } = secret

  if (kept && !replacing) {
    return (
      <>
        <span className="grid-label">{label}</span>
        <div className="kept-secret">
          <span role="status">
            {secret.forget ? 'Forgotten when you save' : describeKeptSecret(kept)}
          </span>
          {secret.forget ? (
            <button type="button" onClick={() => onChange({ forget: false })}>
              Keep the {noun}
            </button>
          ) : (
            <>
              <button type="button" onClick={() => setReplacing(true)}>
                Replace {noun}
              </button>
              <button type="button" onClick={() => onChange({ forget: true })}>
                Forget {noun}
              </button>
            </>
          )}
        </div>
      </>
    )
  }

  const field: NewSecretInput = {
    label: kept ? newLabel : label,
    value: secret.newSecret,
    onChange: (newSecret) => onChange({ newSecret }),
    ...(kept
      ? { placeholder: `replaces the kept ${noun} on save` }
      : placeholder
        ? { placeholder }
        : {}),
  }
  return (
    <>
      {input ? input(field) : <TextField type="password" {...field} />}
      <span />
      <div className="field-help">
        {secretHome && <span>{SECRET_HOME_WORDS[secretHome]}</span>}
        {replacing && (
          <button
            type="button"
            onClick={() => {
              setReplacing(false)
              onChange({ newSecret: '' })
            }}
          >
            Keep the old {noun}
          </button>
        )}
      </div>
    </>
  )
}
