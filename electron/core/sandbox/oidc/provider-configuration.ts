// The sandbox provider's oidc-provider configuration: demo clients and users, fresh keys, every
// endpoint the app teaches switched on, our own pages, and every hook oidc-provider would
// otherwise warn about ("you SHOULD change it") given a sandbox answer.
// @see https://github.com/panva/node-oidc-provider/tree/main/docs#configuration-options
import { randomBytes } from 'node:crypto'
import type { Client, ProviderContext } from 'oidc-provider'
import { createInteractionPolicy } from './consent-policy'
import type { DemoClient } from './demo-clients'
import { findDemoAccount } from './demo-users'
import {
  renderDeviceCodePage,
  renderDeviceConfirmPage,
  renderDeviceSuccessPage,
} from './device-pages'
import type { MemoryStore } from './memory-adapter'
import { renderErrorPage, renderLoggedOutPage, renderLogoutPage } from './provider-pages'
import { sandboxResourceServerInfo } from './sandbox-api'
import { SCOPE_CLAIMS, SUPPORTED_SCOPES } from './scopes'
import type { generateSigningKeys } from './signing-keys'

type OidcProviderModule = typeof import('oidc-provider')
type Token = { clientId: string }

const MINUTE = 60
const HOUR = 60 * MINUTE
const DAY = 24 * HOUR

/** Lifetimes in seconds: short enough to watch tokens expire during a session. */
const TTL = {
  AccessToken: HOUR,
  AuthorizationCode: MINUTE,
  ClientCredentials: 10 * MINUTE,
  DeviceCode: 10 * MINUTE,
  IdToken: HOUR,
  RefreshToken: DAY,
  Interaction: HOUR,
  Session: DAY,
  Grant: DAY,
}

export type ProviderConfigurationInput = {
  oidc: Pick<OidcProviderModule, 'errors' | 'interactionPolicy'>
  clients: DemoClient[]
  jwks: Awaited<ReturnType<typeof generateSigningKeys>>
  store: MemoryStore
}

/**
 * Builds the configuration object for `new Provider(issuer, configuration)`.
 * @see https://github.com/panva/node-oidc-provider/tree/main/docs#configuration-options
 */
export function buildProviderConfiguration(input: ProviderConfigurationInput) {
  const { oidc, clients, jwks, store } = input
  const demoClient = (clientId: string | undefined) =>
    clients.find((client) => client.metadata.client_id === clientId)
  return {
    adapter: store.adapterFor,
    clients: clients.map((client) => client.metadata),
    jwks,
    // Random per start: session cookies from an earlier sandbox run are simply not recognised.
    cookies: { keys: [randomBytes(32).toString('base64url')] },
    findAccount: findDemoAccount,
    claims: SCOPE_CLAIMS,
    scopes: SUPPORTED_SCOPES,
    // oidc-provider's default leaves out `id_token token`, which the implicit client teaches.
    responseTypes: ['code', 'id_token', 'id_token token', 'code id_token', 'none'],
    interactions: { policy: createInteractionPolicy(oidc.interactionPolicy) },
    ttl: TTL,
    // Per demo client, so the app can show a refresh token that rotates next to one that does not.
    rotateRefreshToken: (ctx: ProviderContext) =>
      demoClient(ctx.oidc.entities.Client?.clientId)?.rotatesRefreshTokens ?? false,
    // Every request the app makes comes from Node, not from a web page: no origin needs CORS.
    clientBasedCORS: () => false,
    renderError: renderErrorPage,
    features: {
      devInteractions: { enabled: false },
      clientCredentials: { enabled: true },
      deviceFlow: {
        enabled: true,
        userCodeInputSource: renderDeviceCodePage,
        userCodeConfirmSource: renderDeviceConfirmPage,
        successSource: renderDeviceSuccessPage,
      },
      // Stated so oidc-provider does not warn. Introspection: its default rule, a public client
      // may only ask about its own tokens. Revocation: every client revokes only its own.
      introspection: {
        enabled: true,
        allowedPolicy: async (_ctx: ProviderContext, client: Client, token: Token) =>
          client.clientAuthMethod !== 'none' || token.clientId === client.clientId,
      },
      revocation: {
        enabled: true,
        allowedPolicy: async (_ctx: ProviderContext, client: Client, token: Token) =>
          token.clientId === client.clientId,
      },
      rpInitiatedLogout: {
        enabled: true,
        logoutSource: renderLogoutPage,
        postLogoutSuccessSource: renderLoggedOutPage,
      },
      resourceIndicators: {
        enabled: true,
        defaultResource: async (_ctx: ProviderContext, client: Client, oneOf?: string[]) =>
          oneOf ?? demoClient(client.clientId)?.defaultResource,
        getResourceServerInfo: async (_ctx: ProviderContext, resourceIndicator: string) => {
          const info = sandboxResourceServerInfo(resourceIndicator)
          if (info === undefined) throw new oidc.errors.InvalidTarget()
          return info
        },
        // A refresh or code exchange that names no resource gets a token for the one granted.
        useGrantedResource: async () => true,
      },
    },
  }
}
