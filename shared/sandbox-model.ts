// What the sandbox tells every face about itself: its two servers, their demo clients and users
// (demo credentials are public by design), and the outbox of SMS and email codes.
import { z } from 'zod'
import { WireError } from './wire-error'

export const OidcSandboxClient = z.object({
  client_id: z.string(),
  client_secret: z.string().optional(),
  /** A private_key_jwt client's demo private key (JWK text), public by design like the secrets. */
  private_key_jwk: z.string().optional(),
  label: z.string(),
  application_type: z.enum(['web', 'native']),
  grant_types: z.array(z.string()),
  response_types: z.array(z.string()),
  redirect_uris: z.array(z.string()),
  post_logout_redirect_uris: z.array(z.string()),
  token_endpoint_auth_method: z.string(),
  /** Every scope the client may ask for. */
  scope: z.string(),
  /** The resource indicator assumed when a request names none (RFC 8707). */
  default_resource: z.string().optional(),
  refresh_token_rotation: z.boolean(),
})
export type OidcSandboxClient = z.infer<typeof OidcSandboxClient>

export const OidcSandboxDescription = z.object({
  issuer: z.string(),
  clients: z.array(OidcSandboxClient),
  users: z.array(z.object({ username: z.string(), password: z.string(), label: z.string() })),
})
export type OidcSandboxDescription = z.infer<typeof OidcSandboxDescription>

export const CognitoSandboxClient = z.object({
  clientId: z.string(),
  clientSecret: z.string().optional(),
  explicitAuthFlows: z.array(z.string()),
  label: z.string(),
  /** Present when the client rotates refresh tokens (GetTokensFromRefreshToken only). */
  refreshTokenRotation: z
    .object({ retryGracePeriodSeconds: z.number().int().min(0).max(60) })
    .optional(),
})
export type CognitoSandboxClient = z.infer<typeof CognitoSandboxClient>

export const CognitoSandboxUser = z.object({
  /** The internal user name (cognito:username, USER_ID_FOR_SRP). */
  username: z.string(),
  password: z.string(),
  /** The factor a code is needed for; `challenges` tells the whole sequence. */
  mfa: z.enum(['none', 'totp', 'sms', 'email']),
  /** Base32, for an authenticator app or `otpauth`. */
  totpSecret: z.string().optional(),
  /** Other names that sign this user in (verified email, preferred_username). */
  signInAliases: z.array(z.string()).optional(),
  status: z.enum(['CONFIRMED', 'UNCONFIRMED', 'FORCE_CHANGE_PASSWORD']),
  /** The challenges a sign-in meets after the password, in order (or the error it ends with). */
  challenges: z.array(z.string()),
  label: z.string(),
})
export type CognitoSandboxUser = z.infer<typeof CognitoSandboxUser>

export const CognitoSandboxDescription = z.object({
  endpoint: z.string(),
  region: z.string(),
  userPoolId: z.string(),
  issuer: z.string(),
  jwksUri: z.string(),
  clients: z.array(CognitoSandboxClient),
  users: z.array(CognitoSandboxUser),
  /** The scripted CUSTOM_AUTH challenge. */
  customChallenge: z.object({ question: z.string(), answer: z.string() }),
  /** The pool's remembered-device setting (DeviceConfiguration), and what it means. */
  deviceTracking: z.object({
    challengeRequiredOnNewDevice: z.boolean(),
    deviceOnlyRememberedOnUserPrompt: z.boolean(),
    label: z.string(),
  }),
})
export type CognitoSandboxDescription = z.infer<typeof CognitoSandboxDescription>

export const OutboxMessage = z.object({
  channel: z.enum(['sms', 'email']),
  to: z.string(),
  username: z.string(),
  code: z.string(),
  /** What the code is for: SMS_MFA, EMAIL_OTP, SIGN_UP. */
  purpose: z.string(),
  /** ISO 8601 time of delivery. */
  at: z.string(),
})
export type OutboxMessage = z.infer<typeof OutboxMessage>

export const SandboxStatus = z.object({
  state: z.enum(['stopped', 'starting', 'running', 'failed']),
  oidc: OidcSandboxDescription.optional(),
  cognito: CognitoSandboxDescription.optional(),
  outbox: z.array(OutboxMessage),
  /** Why the last start failed, when it did. */
  error: WireError.optional(),
})
export type SandboxStatus = z.infer<typeof SandboxStatus>
