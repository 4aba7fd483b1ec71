// What starting a flow takes: the client, the provider (an issuer to discover, or endpoints by
// hand) and the options of that flow. Secrets given here go straight into the run's secret box.
import { z } from 'zod'
import { CognitoAccountInput } from './cognito-account-input'
import { CognitoFlowInput } from './cognito-flow-input'

export const HttpUrl = z.url({
  protocol: /^https?$/,
  error: 'Give a full http:// or https:// URL.',
})

/** A provider's endpoints entered by hand, named as discovery names them. */
export const ProviderEndpoints = z.object({
  issuer: z.string().max(2000).optional(),
  authorization_endpoint: HttpUrl.optional(),
  token_endpoint: HttpUrl.optional(),
  userinfo_endpoint: HttpUrl.optional(),
  jwks_uri: HttpUrl.optional(),
  introspection_endpoint: HttpUrl.optional(),
  revocation_endpoint: HttpUrl.optional(),
  device_authorization_endpoint: HttpUrl.optional(),
  end_session_endpoint: HttpUrl.optional(),
})

export const ProviderInput = z.union([
  z.object({ issuer: HttpUrl }),
  z.object({ endpoints: ProviderEndpoints }),
])
export type ProviderInput = z.infer<typeof ProviderInput>

/**
 * How the client proves who it is at the token endpoint.
 * @see OpenID Connect Core 1.0 §9 (Client Authentication), RFC 7523 §2.2 (private_key_jwt)
 */
export const ClientAuthMethod = z.enum([
  'client_secret_basic',
  'client_secret_post',
  'private_key_jwt',
  'none',
])
export type ClientAuthMethod = z.infer<typeof ClientAuthMethod>

/** The algorithms a client key pair can be generated for (`keys.generate`). */
export const ClientKeyAlg = z.enum(['ES256', 'RS256', 'EdDSA'])
export type ClientKeyAlg = z.infer<typeof ClientKeyAlg>

/** A generated client key pair: the private JWK to keep, the public one to register. */
export const GeneratedClientKey = z.object({
  privateJwk: z.string(),
  publicJwk: z.string(),
  /** The JWK thumbprint (RFC 7638), set as `kid` in both JWKs. */
  kid: z.string(),
})
export type GeneratedClientKey = z.infer<typeof GeneratedClientKey>

const ClientInput = z.object({
  clientId: z.string().min(1, 'The client id is required.').max(500),
  clientSecret: z.string().max(2000).optional(),
  authMethod: ClientAuthMethod.optional(),
  /** private_key_jwt: the client's private key as a JWK (JSON text), a secret like clientSecret. */
  privateKeyJwk: z.string().max(16_384, 'A private key (JWK) is at most 16 KB.').optional(),
  scope: z.string().max(2000).optional(),
  /** Extra parameters for the authorization or token request (audience, resource, prompt…). */
  extraParams: z.record(z.string().max(200), z.string().max(4000)).optional(),
})

/** Runs started from a saved profile name it; the profile's kept client secret fills a gap. */
export const ProfileRef = z.string().min(1).max(80)

const Common = z.object({
  profile: ProfileRef.optional(),
  provider: ProviderInput,
  client: ClientInput,
  /** `step`: each step waits, prepared and editable, until advanced. */
  mode: z.enum(['auto', 'step']).default('auto'),
})

export const RedirectInput = z.object({
  host: z.enum(['127.0.0.1', 'localhost', '[::1]']).default('127.0.0.1'),
  /** 0: a free port (RFC 8252 §7.3). */
  port: z.number().int().min(0).max(65_535).default(0),
  path: z
    .string()
    .regex(/^\/[\w\-./~]*$/, 'A path such as /callback')
    .default('/callback'),
})

/**
 * How long a browser flow waits for the browser to come back to the loopback redirect, unless told
 * otherwise: long enough to sign in with MFA, short enough that a forgotten listener closes.
 * @see RFC 8252 §7.3 https://www.rfc-editor.org/rfc/rfc8252#section-7.3
 */
export const DEFAULT_CALLBACK_TIMEOUT_MS = 5 * 60_000
/** The shortest and longest waits a run accepts: one second, one hour. */
export const CALLBACK_TIMEOUT_BOUNDS_MS = { min: 1_000, max: 3_600_000 } as const

/** What every flow that sends a browser to the provider and waits for it to come back takes. */
const BrowserFields = {
  redirect: RedirectInput.default({ host: '127.0.0.1', port: 0, path: '/callback' }),
  /** `none`: the URL is shown and someone else drives the browser. */
  browser: z.enum(['system', 'none']).default('system'),
  callbackTimeoutMs: z
    .number()
    .int()
    .min(CALLBACK_TIMEOUT_BOUNDS_MS.min)
    .max(CALLBACK_TIMEOUT_BOUNDS_MS.max)
    .default(DEFAULT_CALLBACK_TIMEOUT_MS),
}

/**
 * Trainer mode's "break it" toggles: each makes one request of the code flow wrong on purpose, so
 * a room sees the provider's refusal (or the client's check failing) and the diagnostic.
 */
export const BreakIt = z.enum([
  /** The state coming back is not the one sent (a forged or mixed-up callback). */
  'state-changed',
  /** The token request leaves out code_verifier. */
  'verifier-dropped',
  /** The code is sent a second time after it was exchanged. */
  'code-replayed',
  /** The token request names another redirect_uri than the authorization request did. */
  'redirect-uri-altered',
  /** The nonce expected in the ID token is not the one sent. */
  'nonce-changed',
  /** The ID token is checked as if it were presented after it expired. */
  'expired-token-reused',
])
export type BreakIt = z.infer<typeof BreakIt>

export const CodeFlowInput = Common.extend({
  flow: z.literal('code'),
  pkce: z.enum(['S256', 'plain', 'off']).default('S256'),
  /** A verifier of your own (43–128 characters); generated when absent. */
  codeVerifier: z
    .string()
    .regex(
      /^[A-Za-z0-9._~-]{43,128}$/,
      'A code_verifier is 43 to 128 of A–Z a–z 0–9 - . _ ~ (RFC 7636 §4.1).',
    )
    .optional(),
  responseMode: z.enum(['query', 'fragment', 'form_post']).default('query'),
  breakIt: z.array(BreakIt).max(BreakIt.options.length).optional(),
  /** After the ID token checks: ask UserInfo and check its sub is the ID token's (OIDC Core §5.3.2). */
  callUserinfo: z.boolean().optional(),
  ...BrowserFields,
})
export type CodeFlowInput = z.infer<typeof CodeFlowInput>

export const ClientCredentialsInput = Common.extend({
  flow: z.literal('client_credentials'),
})
export type ClientCredentialsInput = z.infer<typeof ClientCredentialsInput>

/** A token the user pastes: kept in the run's secret box from the start, never shown in clear. */
const TokenValue = z.string().min(1, 'The token is required.').max(64_000)
const TokenTypeHint = z.enum(['access_token', 'refresh_token'])

/** RFC 6749 §6; the client's scope, when given, asks for less than was granted. */
export const RefreshInput = Common.extend({
  flow: z.literal('refresh'),
  refreshToken: TokenValue,
  /**
   * The ID token of the sign-in the refresh token came from: a refreshed ID token must keep its
   * issuer, subject and audience (OIDC Core §12.2), or the refreshed tokens are refused.
   */
  originalIdToken: TokenValue.optional(),
})
export type RefreshInput = z.infer<typeof RefreshInput>

/** OIDC Core §5.3. */
export const UserinfoInput = Common.extend({
  flow: z.literal('userinfo'),
  accessToken: TokenValue,
})
export type UserinfoInput = z.infer<typeof UserinfoInput>

/** RFC 7662. */
export const IntrospectionInput = Common.extend({
  flow: z.literal('introspection'),
  token: TokenValue,
  tokenTypeHint: TokenTypeHint.optional(),
})
export type IntrospectionInput = z.infer<typeof IntrospectionInput>

/** RFC 7009. */
export const RevocationInput = Common.extend({
  flow: z.literal('revocation'),
  token: TokenValue,
  tokenTypeHint: TokenTypeHint.optional(),
})
export type RevocationInput = z.infer<typeof RevocationInput>

/** RFC 8628. */
export const DeviceFlowInput = Common.extend({
  flow: z.literal('device'),
  /** `system`: open verification_uri_complete in the system browser; `none`: only show it. */
  browser: z.enum(['system', 'none']).default('system'),
  /** Seconds between polls when the provider names no interval (RFC 8628 §3.2 says 5). */
  fallbackIntervalSeconds: z.number().int().min(1).max(60).default(5),
})
export type DeviceFlowInput = z.infer<typeof DeviceFlowInput>

/** OIDC Core §3.2 (`id_token`, `id_token token`); RFC 6749 §4.2 (`token`, built by hand). */
export const ImplicitFlowInput = Common.extend({
  flow: z.literal('implicit'),
  responseType: z.enum(['id_token', 'id_token token', 'token']).default('id_token token'),
  ...BrowserFields,
})
export type ImplicitFlowInput = z.infer<typeof ImplicitFlowInput>

/** OIDC Core §3.3, response_type `code id_token`. */
export const HybridFlowInput = Common.extend({
  flow: z.literal('hybrid'),
  pkce: z.enum(['S256', 'plain', 'off']).default('S256'),
  ...BrowserFields,
})
export type HybridFlowInput = z.infer<typeof HybridFlowInput>

/**
 * OIDC RP-Initiated Logout 1.0 (`oidc`: the provider's end_session_endpoint, back to the loopback
 * listener), or Cognito's hosted UI `/logout` (`cognito`: no state comes back to wait for).
 */
export const LogoutInput = Common.extend({
  flow: z.literal('logout'),
  variant: z.enum(['oidc', 'cognito']).default('oidc'),
  /** The ID token of the session to end (`oidc`): tells the provider who and which client. */
  idTokenHint: TokenValue.optional(),
  /** `cognito`: the hosted UI's logout endpoint, https://<domain>/logout. */
  logoutEndpoint: HttpUrl.optional(),
  /** `cognito`: a sign-out URL registered for the app client, where Cognito sends the browser. */
  logoutUri: HttpUrl.optional(),
  ...BrowserFields,
  redirect: RedirectInput.default({ host: '127.0.0.1', port: 0, path: '/logged-out' }),
}).refine((input) => input.variant === 'oidc' || (input.logoutEndpoint && input.logoutUri), {
  message: "Cognito's logout needs the hosted UI's logout endpoint and a registered logout URI.",
  path: ['logoutEndpoint'],
})
export type LogoutInput = z.infer<typeof LogoutInput>

export const StartRunInput = z.discriminatedUnion('flow', [
  CodeFlowInput,
  ClientCredentialsInput,
  RefreshInput,
  UserinfoInput,
  IntrospectionInput,
  RevocationInput,
  DeviceFlowInput,
  ImplicitFlowInput,
  HybridFlowInput,
  LogoutInput,
  CognitoFlowInput,
  CognitoAccountInput,
])
export type StartRunInput = z.infer<typeof StartRunInput>
export type FlowName = StartRunInput['flow']
