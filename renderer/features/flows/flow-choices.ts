// The flows the Flows page offers, what each one needs besides the provider and the client, and
// how the form's values become the engine's StartRunInput.
import {
  DEFAULT_CALLBACK_TIMEOUT_MS,
  type BreakIt,
  type StartRunInput,
} from '../../../shared/flow-input'
import type { OidcSandboxClient } from '../../../shared/sandbox-model'

/** The OAuth and OpenID Connect flows: those that talk to a provider (Cognito has its own form). */
type OAuthStartInput = Extract<StartRunInput, { provider: unknown }>
export type FlowName = OAuthStartInput['flow']

export const FLOW_CHOICES: readonly { value: FlowName; label: string }[] = [
  { value: 'code', label: 'Authorization code' },
  { value: 'client_credentials', label: 'Client credentials' },
  { value: 'device', label: 'Device authorization' },
  { value: 'refresh', label: 'Refresh token' },
  { value: 'userinfo', label: 'UserInfo' },
  { value: 'introspection', label: 'Introspection' },
  { value: 'revocation', label: 'Revocation' },
  { value: 'implicit', label: 'Implicit (legacy)' },
  { value: 'hybrid', label: 'Hybrid (code id_token)' },
  { value: 'logout', label: 'Logout' },
]

/** The values only some flows use; each flow reads its own. */
export type FlowDetails = {
  pkce: 'S256' | 'plain' | 'off'
  /** A code_verifier of the user's own (43–128 characters); empty: one is generated. */
  codeVerifier: string
  responseMode: 'query' | 'fragment' | 'form_post'
  responseType: 'id_token' | 'id_token token' | 'token'
  redirectHost: '127.0.0.1' | 'localhost' | '[::1]'
  /** Empty or 0: a free port for each run. */
  redirectPort: string
  redirectPath: string
  /** Trainer mode's toggles: what the code flow makes wrong on purpose. */
  breakIt: BreakIt[]
  /** The code flow ends by asking UserInfo and checking its sub is the ID token's. */
  callUserinfo: boolean
  /** The token a token flow sends: refresh token, access token, or the one to introspect. */
  token: string
  tokenTypeHint: '' | 'access_token' | 'refresh_token'
  logoutVariant: 'oidc' | 'cognito'
  idTokenHint: string
  /** refresh: the ID token of the sign-in, which a refreshed ID token is checked against. */
  originalIdToken: string
  logoutEndpoint: string
  logoutUri: string
}

export const DEFAULT_DETAILS: FlowDetails = {
  pkce: 'S256',
  codeVerifier: '',
  responseMode: 'query',
  responseType: 'id_token token',
  redirectHost: '127.0.0.1',
  redirectPort: '',
  redirectPath: '/callback',
  breakIt: [],
  callUserinfo: false,
  token: '',
  tokenTypeHint: '',
  logoutVariant: 'oidc',
  idTokenHint: '',
  originalIdToken: '',
  logoutEndpoint: '',
  logoutUri: '',
}

/** Flows that send a browser to the provider and wait on a loopback redirect. */
export const REDIRECT_FLOWS: readonly FlowName[] = ['code', 'implicit', 'hybrid', 'logout']

type Common = Pick<OAuthStartInput, 'provider' | 'client' | 'mode' | 'profile'>

/** The run to start from the form's values. */
export function buildStartInput(
  flow: FlowName,
  common: Common,
  details: FlowDetails,
  openBrowser: boolean,
): OAuthStartInput {
  const browser = openBrowser ? ('system' as const) : ('none' as const)
  const roundTrip = (path = details.redirectPath) => ({
    redirect: { host: details.redirectHost, port: Number(details.redirectPort) || 0, path },
    browser,
    callbackTimeoutMs: DEFAULT_CALLBACK_TIMEOUT_MS,
  })
  const hint = details.tokenTypeHint ? { tokenTypeHint: details.tokenTypeHint } : {}
  switch (flow) {
    case 'code':
      return {
        ...common,
        flow,
        pkce: details.pkce,
        ...(details.codeVerifier && details.pkce !== 'off'
          ? { codeVerifier: details.codeVerifier.trim() }
          : {}),
        responseMode: details.responseMode,
        ...(details.breakIt.length > 0 ? { breakIt: details.breakIt } : {}),
        ...(details.callUserinfo ? { callUserinfo: true } : {}),
        ...roundTrip(),
      }
    case 'hybrid':
      return { ...common, flow, pkce: details.pkce, ...roundTrip() }
    case 'implicit':
      return { ...common, flow, responseType: details.responseType, ...roundTrip() }
    case 'logout':
      return {
        ...common,
        flow,
        variant: details.logoutVariant,
        ...(details.idTokenHint ? { idTokenHint: details.idTokenHint } : {}),
        ...(details.logoutVariant === 'cognito'
          ? { logoutEndpoint: details.logoutEndpoint, logoutUri: details.logoutUri }
          : {}),
        ...roundTrip('/logged-out'),
      }
    case 'device':
      return { ...common, flow, browser, fallbackIntervalSeconds: 5 }
    case 'refresh':
      return {
        ...common,
        flow,
        refreshToken: details.token,
        ...(details.originalIdToken ? { originalIdToken: details.originalIdToken } : {}),
      }
    case 'userinfo':
      return { ...common, flow, accessToken: details.token }
    case 'introspection':
    case 'revocation':
      return { ...common, flow, token: details.token, ...hint }
    case 'client_credentials':
      return { ...common, flow }
  }
}

/** The flow a sandbox client is registered for, with the scope and parameters it needs. */
export function flowForClient(client: OidcSandboxClient): {
  flow: FlowName
  scope: string
  extraParams: string
} {
  const grants = client.grant_types
  if (grants.includes('client_credentials') && !grants.includes('authorization_code')) {
    return {
      flow: 'client_credentials',
      scope: client.scope
        .split(' ')
        .filter((scope) => scope.startsWith('api:'))
        .join(' '),
      extraParams: client.default_resource === undefined ? 'resource=urn:afx:sandbox-api' : '',
    }
  }
  const user = { scope: 'openid profile email', extraParams: '' }
  if (grants.includes('urn:ietf:params:oauth:grant-type:device_code'))
    return { flow: 'device', ...user }
  if (client.response_types.includes('code id_token')) return { flow: 'hybrid', ...user }
  if (grants.includes('implicit')) return { flow: 'implicit', ...user }
  return { flow: 'code', ...user }
}
