// The fields only some flows have: PKCE and response mode, the response type, the redirect URI,
// the token a token flow sends, and where to sign out.
import { bindDraft } from '../../components/bind-draft'
import { CheckField, SelectField, TextField } from '../../components/FormFields'
import { RedirectFields } from './RedirectFields'
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
  const bind = bindDraft(details, onChange)
  return (
    <>
      {(flow === 'code' || flow === 'hybrid') && (
        <SelectField label="PKCE" {...bind('pkce')} options={['S256', 'plain', 'off'] as const} />
      )}
      {flow === 'code' && details.pkce !== 'off' && (
        <TextField
          label="Code verifier"
          {...bind('codeVerifier')}
          placeholder="generated for each run; or your own, 43–128 characters"
        />
      )}
      {flow === 'code' && (
        <>
          <SelectField
            label="Response mode"
            {...bind('responseMode')}
            options={['query', 'fragment', 'form_post'] as const}
          />
          <span />
          <CheckField
            label="Also call UserInfo and check its sub"
            checked={details.callUserinfo}
            onChange={(callUserinfo) => onChange({ callUserinfo })}
          />
        </>
      )}
      {flow === 'implicit' && (
        <SelectField
          label="Response type"
          {...bind('responseType')}
          options={['id_token', 'id_token token', 'token'] as const}
        />
      )}
      {flow === 'logout' && <LogoutFields details={details} onChange={onChange} />}
      {REDIRECT_FLOWS.includes(flow) &&
        !(flow === 'logout' && details.logoutVariant === 'cognito') && (
          <RedirectFields details={details} onChange={onChange} withPath={flow !== 'logout'} />
        )}
      {tokenLabel && <TextField label={tokenLabel} type="password" {...bind('token')} required />}
      {flow === 'refresh' && (
        <TextField
          label="ID token of the sign-in"
          type="password"
          {...bind('originalIdToken')}
          placeholder="optional: a refreshed ID token must be for the same sign-in"
        />
      )}
      {(flow === 'introspection' || flow === 'revocation') && (
        <SelectField
          label="Token type hint"
          {...bind('tokenTypeHint')}
          options={[
            { value: '', label: 'none' },
            { value: 'access_token', label: 'access_token' },
            { value: 'refresh_token', label: 'refresh_token' },
          ]}
        />
      )}
    </>
  )
}

function LogoutFields({ details, onChange }: Omit<Props, 'flow'>) {
  const bind = bindDraft(details, onChange)
  return (
    <>
      <SelectField
        label="Logout kind"
        {...bind('logoutVariant')}
        options={[
          { value: 'oidc', label: 'OpenID Connect (end_session_endpoint)' },
          { value: 'cognito', label: 'Cognito hosted UI (/logout)' },
        ]}
      />
      {details.logoutVariant === 'oidc' ? (
        <TextField
          label="ID token (id_token_hint)"
          type="password"
          {...bind('idTokenHint')}
          placeholder="optional: says whose session and which client"
        />
      ) : (
        <>
          <TextField
            label="Logout endpoint"
            {...bind('logoutEndpoint')}
            placeholder="https://<domain>.auth.<region>.amazoncognito.com/logout"
            required
          />
          <TextField
            label="Logout URI"
            {...bind('logoutUri')}
            placeholder="a sign-out URL registered for the app client"
            required
          />
        </>
      )}
    </>
  )
}
