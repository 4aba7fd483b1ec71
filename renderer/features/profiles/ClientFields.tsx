// One client of a profile: its id, how it authenticates, what it asks for, where the provider sends
// the browser back, and its secret (for private_key_jwt, its private key as a JWK). A kept secret
// is never shown: only where it lives, with "Replace" and "Forget" (saved as a set or a clear;
// untouched, it stays as it is).
import { useState } from 'react'
import type { SecretHome } from '../../../shared/workspace-model'
import { bindDraft } from '../../components/bind-draft'
import { SelectField, TextAreaField, TextField } from '../../components/FormFields'
import type { AuthMethod, ClientDraft, RedirectHost } from './profile-draft'
import { describeKeptSecret, SECRET_HOME_WORDS } from '../../components/secret-words'
import { PrivateKeyJwkFields } from '../flows/PrivateKeyJwkFields'
import { CognitoClientSettingsPanel, type CognitoPoolAddress } from './CognitoClientSettingsPanel'

type Props = {
  client: ClientDraft
  number: number
  onChange: (change: Partial<ClientDraft>) => void
  /** Absent when it is the only client. */
  onRemove?: () => void
  secretHome: SecretHome | undefined
  /** The profile's Cognito pool, when the provider is one: its settings can be imported. */
  cognitoPool?: CognitoPoolAddress | undefined
}

const AUTH_METHODS: readonly { value: AuthMethod | ''; label: string }[] = [
  { value: '', label: 'chosen by the flow' },
  { value: 'client_secret_basic', label: 'client_secret_basic (HTTP Basic)' },
  { value: 'client_secret_post', label: 'client_secret_post (in the form body)' },
  { value: 'private_key_jwt', label: 'private_key_jwt (kept: the private key, as a JWK)' },
  { value: 'none', label: 'none (public client)' },
]

const REDIRECT_HOSTS: readonly RedirectHost[] = ['127.0.0.1', 'localhost', '[::1]']

export function ClientFields({
  client,
  number,
  onChange,
  onRemove,
  secretHome,
  cognitoPool,
}: Props) {
  const bind = bindDraft(client, onChange)
  return (
    <fieldset className="client-fields">
      <legend>Client {number}</legend>
      <div className="form-grid">
        <TextField label="Client ID" {...bind('clientId')} required />
        <SelectField label="Authentication method" {...bind('authMethod')} options={AUTH_METHODS} />
        <TextField label="Scope" {...bind('scope')} placeholder="openid profile email" />
        <TextAreaField
          label="Extra parameters"
          {...bind('extraParams')}
          rows={2}
          placeholder="one name=value per line: audience=https://api.example.com"
        />
        <SelectField label="Redirect host" {...bind('redirectHost')} options={REDIRECT_HOSTS} />
        <TextField label="Redirect port" {...bind('redirectPort')} placeholder="any free port" />
        <TextField label="Redirect path" {...bind('redirectPath')} placeholder="/callback" />
        <SecretField client={client} onChange={onChange} secretHome={secretHome} />
      </div>
      {cognitoPool && (
        <CognitoClientSettingsPanel
          pool={cognitoPool}
          clientId={client.clientId}
          settings={client.cognitoSettings}
          onChange={(cognitoSettings) => onChange({ cognitoSettings })}
        />
      )}
      {onRemove && (
        <button type="button" onClick={onRemove}>
          Remove client {number}
        </button>
      )}
    </fieldset>
  )
}

function SecretField({
  client,
  onChange,
  secretHome,
}: Omit<Props, 'number' | 'onRemove' | 'cognitoPool'>) {
  const [replacing, setReplacing] = useState(false)
  const { kept } = client
  // A private_key_jwt client keeps its private key (JWK) where another keeps its secret.
  const isKey = client.authMethod === 'private_key_jwt'
  const noun = isKey ? 'private key' : 'secret'

  if (kept && !replacing) {
    return (
      <>
        <span className="grid-label">{isKey ? 'Private key (JWK)' : 'Client secret'}</span>
        <div className="kept-secret">
          <span role="status">
            {client.forget ? 'Forgotten when you save' : describeKeptSecret(kept)}
          </span>
          {client.forget ? (
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

  return (
    <>
      {isKey ? (
        <PrivateKeyJwkFields
          label={kept ? 'New private key (JWK)' : 'Private key (JWK)'}
          value={client.newSecret}
          onChange={(newSecret) => onChange({ newSecret })}
          {...(kept ? { placeholder: 'replaces the kept private key on save' } : {})}
        />
      ) : (
        <TextField
          label={kept ? 'New client secret' : 'Client secret'}
          type="password"
          value={client.newSecret}
          onChange={(newSecret) => onChange({ newSecret })}
          placeholder={kept ? 'replaces the kept secret on save' : 'none (public client)'}
        />
      )}
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
