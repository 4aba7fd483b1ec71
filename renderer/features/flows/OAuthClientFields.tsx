// The provider and client of an OAuth or OpenID Connect run: the issuer (or the endpoints a saved
// profile gave), a sandbox client to pick, the client id and secret, how the client authenticates,
// and the scope.
import type { ProviderInput } from '../../../shared/flow-input'
import type { OidcSandboxClient } from '../../../shared/sandbox-model'
import { bindDraft } from '../../components/bind-draft'
import { SelectField, TextField } from '../../components/FormFields'
import type { AuthMethod, ClientDraft } from './client-draft'

type Props = {
  provider: ProviderInput
  onIssuerChange: (issuer: string) => void
  client: ClientDraft
  onClientChange: (change: Partial<ClientDraft>) => void
  /** The sandbox's clients, offered when the issuer is the sandbox's. */
  sandboxClients: OidcSandboxClient[]
  onPickSandboxClient: (clientId: string) => void
  /** Where the secret comes from when the field is left empty (a saved profile). */
  secretNote: string | undefined
}

const AUTH_METHODS: readonly { value: AuthMethod | ''; label: string }[] = [
  { value: '', label: 'default: client_secret_basic with a secret, none without' },
  { value: 'client_secret_basic', label: 'client_secret_basic (Authorization header)' },
  { value: 'client_secret_post', label: 'client_secret_post (in the form body)' },
  { value: 'none', label: 'none (public client)' },
]

export function OAuthClientFields(props: Props) {
  const { provider, client, onClientChange, sandboxClients } = props
  const bind = bindDraft(client, onClientChange)
  return (
    <>
      {'issuer' in provider ? (
        <TextField
          label="Issuer"
          value={provider.issuer}
          onChange={props.onIssuerChange}
          required
          placeholder="https://login.example.com"
        />
      ) : (
        <>
          <span>Endpoints</span>
          <p className="muted">
            From the profile: {Object.keys(provider.endpoints).join(', ') || 'none given'}
          </p>
        </>
      )}
      {sandboxClients.length > 0 && (
        <SelectField
          label="Sandbox client"
          value={client.clientId}
          options={sandboxClients.map((candidate) => ({
            value: candidate.client_id,
            label: `${candidate.client_id}: ${candidate.label}`,
          }))}
          onChange={props.onPickSandboxClient}
        />
      )}
      <TextField label="Client ID" {...bind('clientId')} required />
      <TextField
        label="Client secret"
        type="password"
        {...bind('clientSecret')}
        placeholder={props.secretNote ? 'kept with the profile' : 'none (public client)'}
        note={props.secretNote}
      />
      <SelectField label="Client authentication" {...bind('authMethod')} options={AUTH_METHODS} />
      <TextField label="Scope" {...bind('scope')} />
    </>
  )
}
