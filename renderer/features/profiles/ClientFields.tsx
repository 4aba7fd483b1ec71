// One client of a profile: its id, how it authenticates, what it asks for, where the provider sends
// the browser back, and its secret (for private_key_jwt, its private key as a JWK), shown as a kept
// secret is (KeptSecretField).
import type { SecretHome } from '../../../shared/workspace-model'
import { bindDraft } from '../../components/bind-draft'
import { SelectField, TextAreaField, TextField } from '../../components/FormFields'
import type { AuthMethod, ClientDraft, RedirectHost } from './profile-draft'
import { PrivateKeyJwkFields } from '../flows/PrivateKeyJwkFields'
import { CognitoClientSettingsPanel, type CognitoPoolAddress } from './CognitoClientSettingsPanel'
import { KeptSecretField } from './KeptSecretField'

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

/** The client's secret; for private_key_jwt, its private key (JWK), its one secret. */
function SecretField({
  client,
  onChange,
  secretHome,
}: Omit<Props, 'number' | 'onRemove' | 'cognitoPool'>) {
  return client.authMethod === 'private_key_jwt' ? (
    <KeptSecretField
      label="Private key (JWK)"
      newLabel="New private key (JWK)"
      noun="private key"
      secret={client}
      onChange={onChange}
      secretHome={secretHome}
      input={(field) => <PrivateKeyJwkFields {...field} />}
    />
  ) : (
    <KeptSecretField
      label="Client secret"
      newLabel="New client secret"
      noun="secret"
      secret={client}
      onChange={onChange}
      secretHome={secretHome}
      placeholder="none (public client)"
    />
  )
}
