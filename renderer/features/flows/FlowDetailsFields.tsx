// The fields only some flows have: PKCE and response mode, the response type, the redirect host,
// the token a token flow sends, and where to sign out.
import { SelectField, TextField } from './FormFields'
import { REDIRECT_FLOWS, type FlowDetails, type FlowName } from './flow-choices'

type Props = {
  flow: FlowName
  details: FlowDetails
  onChange: (change: Partial<FlowDetails>) => void
}

/** What the token field is called in each token flow. */
const TOKEN_LABEL: Partial<Record<FlowName, string>> = {
  refresh: 'Refresh token',
  userinfo: 'Access token',
  introspection: 'Token',
  revocation: 'Token',
}

export function FlowDetailsFields({ flow, details, onChange }: Props) {
  const tokenLabel = TOKEN_LABEL[flow]
  return (
    <>
      {(flow === 'code' || flow === 'hybrid') && (
        <SelectField
          label="PKCE"
          value={details.pkce}
          options={['S256', 'plain', 'off'] as const}
          onChange={(pkce) => onChange({ pkce })}
        />
      )}
      {flow === 'code' && details.pkce !== 'off' && (
        <TextField
          label="Code verifier"
          value={details.codeVerifier}
          onChange={(codeVerifier) => onChange({ codeVerifier })}
          placeholder="generated for each run; or your own, 43–128 characters"
        />
      )}
      {flow === 'code' && (
        <SelectField
          label="Response mode"
          value={details.responseMode}
          options={['query', 'fragment', 'form_post'] as const}
          onChange={(responseMode) => onChange({ responseMode })}
        />
      )}
      {flow === 'implicit' && (
        <SelectField
          label="Response type"
          value={details.responseType}
          options={['id_token', 'id_token token', 'token'] as const}
          onChange={(responseType) => onChange({ responseType })}
        />
      )}
      {flow === 'logout' && <LogoutFields details={details} onChange={onChange} />}
      {REDIRECT_FLOWS.includes(flow) &&
        !(flow === 'logout' && details.logoutVariant === 'cognito') && (
          <SelectField
            label="Redirect host"
            value={details.redirectHost}
            options={['127.0.0.1', 'localhost', '[::1]'] as const}
            onChange={(redirectHost) => onChange({ redirectHost })}
          />
        )}
      {tokenLabel && (
        <TextField
          label={tokenLabel}
          type="password"
          value={details.token}
          onChange={(token) => onChange({ token })}
          required
        />
      )}
      {(flow === 'introspection' || flow === 'revocation') && (
        <SelectField
          label="Token type hint"
          value={details.tokenTypeHint}
          options={[
            { value: '', label: 'none' },
            { value: 'access_token', label: 'access_token' },
            { value: 'refresh_token', label: 'refresh_token' },
          ]}
          onChange={(tokenTypeHint) => onChange({ tokenTypeHint })}
        />
      )}
    </>
  )
}

function LogoutFields({ details, onChange }: Omit<Props, 'flow'>) {
  return (
    <>
      <SelectField
        label="Logout kind"
        value={details.logoutVariant}
        options={[
          { value: 'oidc', label: 'OpenID Connect (end_session_endpoint)' },
          { value: 'cognito', label: 'Cognito hosted UI (/logout)' },
        ]}
        onChange={(logoutVariant) => onChange({ logoutVariant })}
      />
      {details.logoutVariant === 'oidc' ? (
        <TextField
          label="ID token (id_token_hint)"
          type="password"
          value={details.idTokenHint}
          onChange={(idTokenHint) => onChange({ idTokenHint })}
          placeholder="optional: says whose session and which client"
        />
      ) : (
        <>
          <TextField
            label="Logout endpoint"
            value={details.logoutEndpoint}
            onChange={(logoutEndpoint) => onChange({ logoutEndpoint })}
            placeholder="https://<domain>.auth.<region>.amazoncognito.com/logout"
            required
          />
          <TextField
            label="Logout URI"
            value={details.logoutUri}
            onChange={(logoutUri) => onChange({ logoutUri })}
            placeholder="a sign-out URL registered for the app client"
            required
          />
        </>
      )}
    </>
  )
}
