// What starting a flow takes: the client, the provider (an issuer to discover, or endpoints by
// hand) and the options of that flow. Secrets given here go straight into the run's secret box.
import { z } from 'zod'

const HttpUrl = z.url({ protocol: /^https?$/, error: 'Give a full http:// or https:// URL.' })

export const ProviderInput = z.union([
  z.object({ issuer: HttpUrl }),
  z.object({
    endpoints: z.object({
      issuer: z.string().optional(),
      authorization_endpoint: HttpUrl.optional(),
      token_endpoint: HttpUrl.optional(),
      userinfo_endpoint: HttpUrl.optional(),
      jwks_uri: HttpUrl.optional(),
    }),
  }),
])
export type ProviderInput = z.infer<typeof ProviderInput>

const ClientInput = z.object({
  clientId: z.string().min(1, 'The client id is required.').max(500),
  clientSecret: z.string().max(2000).optional(),
  authMethod: z.enum(['client_secret_basic', 'client_secret_post', 'none']).optional(),
  scope: z.string().max(2000).optional(),
  /** Extra parameters for the authorization or token request (audience, resource, prompt…). */
  extraParams: z.record(z.string().max(200), z.string().max(4000)).optional(),
})

const Common = z.object({
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

export const CodeFlowInput = Common.extend({
  flow: z.literal('code'),
  pkce: z.enum(['S256', 'plain', 'off']).default('S256'),
  /** A verifier of your own (43–128 characters); generated when absent. */
  codeVerifier: z.string().min(43).max(128).optional(),
  responseMode: z.enum(['query', 'form_post']).default('query'),
  redirect: RedirectInput.default({ host: '127.0.0.1', port: 0, path: '/callback' }),
  /** `none`: the URL is shown and someone else drives the browser. */
  browser: z.enum(['system', 'none']).default('system'),
  callbackTimeoutMs: z.number().int().min(1000).max(3_600_000).default(300_000),
})
export type CodeFlowInput = z.infer<typeof CodeFlowInput>

export const ClientCredentialsInput = Common.extend({
  flow: z.literal('client_credentials'),
})
export type ClientCredentialsInput = z.infer<typeof ClientCredentialsInput>

export const StartRunInput = z.discriminatedUnion('flow', [CodeFlowInput, ClientCredentialsInput])
export type StartRunInput = z.infer<typeof StartRunInput>
export type FlowName = StartRunInput['flow']
