// The sandbox provider's registered clients: one per flow the app teaches, each registered the way
// a real deployment of that kind of app would be.
// @see RFC 7591 §2 (Client Metadata) https://www.rfc-editor.org/rfc/rfc7591#section-2
import type { ClientMetadata } from 'oidc-provider'
import { SANDBOX_API_RESOURCE, SANDBOX_API_SCOPE } from './sandbox-api'

export type DemoClient = {
  label: string
  metadata: ClientMetadata
  /** Whether a refresh grant hands out a new refresh token and retires the one presented. */
  rotatesRefreshTokens: boolean
  /** The resource assumed when a request names none, which makes every access token a JWT. */
  defaultResource?: string
  /** A private_key_jwt client's private key (JWK text), published like the demo secrets. */
  privateKeyJwk?: string
}

/**
 * The demo key pair of afx-private-key-jwt: an ES256 key made once with jose, its kid the RFC 7638
 * thumbprint. It is a demo key, published with the sandbox like the demo secrets: never use it
 * anywhere else.
 */
const DEMO_CLIENT_PUBLIC_JWK = {
  kty: 'EC',
  crv: 'P-256',
  x: 'PVXFxuQEyi0wMw1DwB2ajCe-s749UNaggupG0yi46z8',
  y: '7XkYE45fxIVrGgWjJroJll0gWkmULiU1LzLf74cPUzw',
  kid: '317kevrbud4c8BahH-p7ais4Z7aPi2LWuCqAky4bvUk',
  alg: 'ES256',
  use: 'sig',
}
const DEMO_CLIENT_PRIVATE_JWK = {
  ...DEMO_CLIENT_PUBLIC_JWK,
  d: 'w1FxoDy8GMx4QUJIEH_28SJDvaLFx80rBRJTDAmvn6Y',
}

/** The default port of the web clients' redirect URIs: web clients must match exactly. */
const DEFAULT_WEB_CALLBACK_PORT = 8765

const USER_SCOPE = 'openid profile email groups offline_access'
const DEVICE_CODE_GRANT = 'urn:ietf:params:oauth:grant-type:device_code'

/**
 * Native clients may use any port on a loopback address; oidc-provider matches the host
 * literally, so each spelling of loopback is registered.
 * @see RFC 8252 §7.3 (Loopback Interface Redirection) https://www.rfc-editor.org/rfc/rfc8252#section-7.3
 */
const anyLoopbackPort = (path: string) =>
  ['http://127.0.0.1', 'http://[::1]', 'http://localhost'].map((origin) => origin + path)

/**
 * The demo clients; web clients redirect to `webCallbackPort` exactly (no port wildcard for web).
 * @see RFC 6749 §3.1.2.2 (Registration Requirements) https://www.rfc-editor.org/rfc/rfc6749#section-3.1.2.2
 */
export function createDemoClients(webCallbackPort = DEFAULT_WEB_CALLBACK_PORT): DemoClient[] {
  const webCallback = (path: string) =>
    ['127.0.0.1', 'localhost'].map((host) => `http://${host}:${webCallbackPort}${path}`)
  return [
    {
      label:
        'Native app (public): authorization code + PKCE, any loopback port, rotating refresh tokens',
      rotatesRefreshTokens: true,
      metadata: {
        client_id: 'afx-native',
        client_name: 'AFX native app',
        application_type: 'native',
        token_endpoint_auth_method: 'none',
        grant_types: ['authorization_code', 'refresh_token'],
        response_types: ['code'],
        redirect_uris: anyLoopbackPort('/callback'),
        post_logout_redirect_uris: anyLoopbackPort('/logged-out'),
        scope: USER_SCOPE,
      },
    },
    {
      label: 'Web app (confidential, client_secret_basic): refresh tokens are not rotated',
      rotatesRefreshTokens: false,
      metadata: {
        client_id: 'afx-web-basic',
        client_secret: 'afx-web-basic-sandbox-secret-0f3c9a7e21d4b8',
        client_name: 'AFX web app (basic)',
        token_endpoint_auth_method: 'client_secret_basic',
        grant_types: ['authorization_code', 'refresh_token'],
        response_types: ['code'],
        redirect_uris: webCallback('/callback'),
        post_logout_redirect_uris: webCallback('/logged-out'),
        scope: USER_SCOPE,
      },
    },
    {
      label: 'Web app (confidential, client_secret_post): refresh tokens are rotated',
      rotatesRefreshTokens: true,
      metadata: {
        client_id: 'afx-web-post',
        client_secret: 'afx-web-post-sandbox-secret-6b2e8d14c0a95f',
        client_name: 'AFX web app (post)',
        token_endpoint_auth_method: 'client_secret_post',
        grant_types: ['authorization_code', 'refresh_token'],
        response_types: ['code'],
        redirect_uris: webCallback('/callback'),
        post_logout_redirect_uris: webCallback('/logged-out'),
        scope: USER_SCOPE,
      },
    },
    {
      // oidc-provider allows an http redirect for the implicit flow only to native clients.
      label: 'Implicit (legacy): id_token or id_token token in the URL fragment',
      rotatesRefreshTokens: false,
      metadata: {
        client_id: 'afx-implicit',
        client_name: 'AFX implicit app',
        application_type: 'native',
        token_endpoint_auth_method: 'none',
        grant_types: ['implicit'],
        response_types: ['id_token', 'id_token token'],
        redirect_uris: anyLoopbackPort('/callback'),
        post_logout_redirect_uris: anyLoopbackPort('/logged-out'),
        scope: 'openid profile email groups',
      },
    },
    {
      label: 'Hybrid: code id_token (ID token in the fragment, code redeemed with PKCE)',
      rotatesRefreshTokens: false,
      metadata: {
        client_id: 'afx-hybrid',
        client_name: 'AFX hybrid app',
        application_type: 'native',
        token_endpoint_auth_method: 'none',
        grant_types: ['authorization_code', 'implicit'],
        response_types: ['code id_token'],
        redirect_uris: anyLoopbackPort('/callback'),
        post_logout_redirect_uris: anyLoopbackPort('/logged-out'),
        scope: 'openid profile email groups',
      },
    },
    {
      label: `Service (client credentials): JWT access tokens for ${SANDBOX_API_RESOURCE}`,
      rotatesRefreshTokens: false,
      metadata: {
        client_id: 'afx-service',
        client_secret: 'afx-service-sandbox-secret-93d7a1f5e0c2b64',
        client_name: 'AFX service',
        token_endpoint_auth_method: 'client_secret_basic',
        grant_types: ['client_credentials'],
        response_types: [],
        redirect_uris: [],
        scope: SANDBOX_API_SCOPE,
      },
    },
    {
      label:
        'Service or web app (private_key_jwt): signs a client assertion with the published demo key instead of a secret',
      rotatesRefreshTokens: false,
      privateKeyJwk: JSON.stringify(DEMO_CLIENT_PRIVATE_JWK, null, 2),
      metadata: {
        client_id: 'afx-private-key-jwt',
        client_name: 'AFX private_key_jwt client',
        token_endpoint_auth_method: 'private_key_jwt',
        jwks: { keys: [DEMO_CLIENT_PUBLIC_JWK] },
        grant_types: ['client_credentials', 'authorization_code', 'refresh_token'],
        response_types: ['code'],
        redirect_uris: webCallback('/callback'),
        post_logout_redirect_uris: webCallback('/logged-out'),
        scope: `${USER_SCOPE} ${SANDBOX_API_SCOPE}`,
      },
    },
    {
      label: 'Device (TV, CLI): device authorization grant, public client',
      rotatesRefreshTokens: true,
      metadata: {
        client_id: 'afx-device',
        client_name: 'AFX device',
        token_endpoint_auth_method: 'none',
        grant_types: [DEVICE_CODE_GRANT, 'refresh_token'],
        response_types: [],
        redirect_uris: [],
        scope: USER_SCOPE,
      },
    },
    {
      label: `API client: every access token is a JWT (RFC 9068) for ${SANDBOX_API_RESOURCE}`,
      rotatesRefreshTokens: false,
      defaultResource: SANDBOX_API_RESOURCE,
      metadata: {
        client_id: 'afx-jwt-at',
        client_secret: 'afx-jwt-at-sandbox-secret-5c8f2a09d7e3b16',
        client_name: 'AFX API client',
        token_endpoint_auth_method: 'client_secret_basic',
        grant_types: ['authorization_code', 'refresh_token', 'client_credentials'],
        response_types: ['code'],
        redirect_uris: webCallback('/callback'),
        post_logout_redirect_uris: webCallback('/logged-out'),
        scope: `${USER_SCOPE} ${SANDBOX_API_SCOPE}`,
      },
    },
  ]
}
