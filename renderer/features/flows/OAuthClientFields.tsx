// The provider and client of an OAuth or OpenID Connect run: the issuer (or the endpoints a saved
// profile gave), a sandbox client to pick, the client id, how the client authenticates and with
// what (a secret, or a private key for private_key_jwt), and the scope.
import type { ProviderInput } from '../../../shared/flow-input'
import type { OidcSandboxClient } from '../../../shared/sandbox-model'
import { bindDraft } from '../../components/bind-draft'
import { SelectField, TextField } from '../../components/FormFields'
import type { AuthMethod, ClientDraft } from './client-draft'
import { PrivateKeyJwkFields } from './PrivateKeyJwkFields'

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
  { value: 'private_key_jwt', label: 'private_key_jwt (a JWT signed with the client’s key)' },
  { value: 'none', label: 'none (public client)' },
]

/** The method a sandbox client is registered with, as the form offers it ('' for another). */
const registeredMethodOf = (client: OidcSandboxClient): AuthMethod | '' =>
  AUTH_METHODS.find((method) => method.value === client.token_endpoint_auth_method)?.value ?? ''

export function OAuthClientFields(props: Props) {
  const { provider, client, onClientChange, sandboxClients } = props
  const bind = bindDraft(client, onClientChange)
  // A sandbox client comes with the method it is registered with, and its demo key if it has one.
  const pickSandboxClient = (clientId: string) => {
    props.onPickSandboxClient(clientId)
    const picked = sandboxClients.find((candidate) => candidate.client_id === clientId)
    if (picked) {
      onClientChange({
        authMethod: registeredMethodOf(picked),
        privateKeyJwk: picked.private_key_jwk ?? '',
      })
    }
  }
  const usesPrivateKey = client.authMethod === 'private_key_jwt'
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
          onChange={pickSandboxClient}
        />
      )}
      <TextField label="Client ID" {...bind('clientId')} required />
      <SelectField label="Client authentication" {...bind('authMethod')} options={AUTH_METHODS} />
      {usesPrivateKey ? (
        <PrivateKeyJwkFields
          value={client.privateKeyJwk ?? ''}
          onChange={(privateKeyJwk) => onClientChange({ privateKeyJwk })}
          {...(props.secretNote && !client.privateKeyJwk
            ? { placeholder: 'kept with the profile', note: props.secretNote }
            : {})}
        />
      ) : (
        <TextField
          label="Client secret"
          type="password"
          {...bind('clientSecret')}
          placeholder={props.secretNote ? 'kept with the profile' : 'none (public client)'}
          note={props.secretNote}
        />
      )}
      <TextField label="Scope" {...bind('scope')} />
    </>
  )
}
