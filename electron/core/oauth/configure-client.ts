// The first step of every OAuth flow: learn the provider's endpoints (discovery, or the endpoints
// the user typed) and how the client authenticates.
// @see OpenID Connect Discovery 1.0 §4 https://openid.net/specs/openid-connect-discovery-1_0.html#ProviderConfig
import * as oidc from 'openid-client'
import type { ProviderInput } from '../../../shared/flow-input'
import { isLoopbackHttpUrl } from '../../../shared/loopback-hosts'
import { AfxError } from '../errors'
import type { RunContext } from '../runs/run-context'
import { discoveryUrlOf } from '../tokens/discover-issuer-keys'

type ClientSettings = {
  clientId: string
  clientSecret?: string | undefined
  authMethod?: 'client_secret_basic' | 'client_secret_post' | 'none' | undefined
}

export async function configureClient(
  ctx: RunContext,
  provider: ProviderInput,
  client: ClientSettings,
): Promise<oidc.Configuration> {
  if (client.clientSecret) ctx.secrets.add(client.clientSecret, 'client_secret')
  const auth = clientAuthentication(client)
  if ('issuer' in provider) {
    const issuer = new URL(provider.issuer)
    const discoveryUrl = discoveryUrlOf(provider.issuer)
    // Plain HTTP only for loopback providers (the sandbox, a local IdP); anywhere else the
    // openid-client refusal stands and explains itself.
    return oidc
      .discovery(issuer, client.clientId, undefined, auth, {
        execute: isLoopbackHttpUrl(issuer) ? [oidc.allowInsecureRequests] : [],
        [oidc.customFetch]: ctx.fetchFor({
          title: `Discover the provider (${discoveryUrl})`,
          explain: 'oauth.discovery',
        }),
      })
      .then((config) => refuseRemoteHttpEndpoints(config))
      .catch((error: unknown) => {
        // openid-client checks what it understands and throws its own errors; a value it cannot
        // even parse (an issuer that is no URL) surfaces as a bare TypeError.
        if (!(error instanceof TypeError)) throw error
        throw new AfxError(
          'OAUTH_DISCOVERY_INVALID',
          `The discovery document at ${discoveryUrl} is not usable: its issuer or an endpoint is not a valid URL.`,
          {
            hint: 'Open that URL: issuer must be exactly the URL it was fetched from (without /.well-known/…), and every endpoint a full https URL.',
            ref: 'OpenID Connect Discovery §3, §4.3',
            cause: error,
          },
        )
      })
  }
  const metadata = {
    issuer: provider.endpoints.issuer ?? 'urn:afx:unknown-issuer',
    ...provider.endpoints,
  }
  return ctx.compute(
    { title: 'Use the endpoints given by hand', explain: 'oauth.endpoints-by-hand' },
    { ...provider.endpoints },
    () => {
      const config = new oidc.Configuration(metadata, client.clientId, undefined, auth)
      const urls = Object.values(provider.endpoints).filter((value) => value?.startsWith('http'))
      if (
        urls.length > 0 &&
        urls.every((url) => url.startsWith('https:') || isLoopbackHttpUrl(new URL(url)))
      ) {
        oidc.allowInsecureRequests(config)
      }
      return config
    },
    () => ({ endpoints: provider.endpoints }),
  )
}

function clientAuthentication(client: ClientSettings): oidc.ClientAuth {
  const method = client.authMethod ?? (client.clientSecret ? 'client_secret_basic' : 'none')
  if (method === 'none' || !client.clientSecret) return oidc.None()
  return method === 'client_secret_post'
    ? oidc.ClientSecretPost(client.clientSecret)
    : oidc.ClientSecretBasic(client.clientSecret)
}

/**
 * Plain http is allowed for a loopback provider, and openid-client allows it then for the whole
 * configuration: an endpoint that leaves this computer over plain http would carry the client
 * secret and the tokens in clear, so it is refused.
 */
function refuseRemoteHttpEndpoints(config: oidc.Configuration): oidc.Configuration {
  for (const [name, value] of Object.entries(config.serverMetadata())) {
    if (typeof value !== 'string' || !value.startsWith('http:')) continue
    if (isLoopbackHttpUrl(new URL(value))) continue
    throw new AfxError(
      'OAUTH_INSECURE_ENDPOINT',
      `The provider's ${name} is plain http on another computer (${value}); only https may leave this computer.`,
      {
        hint: "Secrets and tokens would cross the network unencrypted. Use the provider's https endpoints.",
        ref: 'RFC 6749 §3.2 (TLS is required at the token endpoint)',
      },
    )
  }
  return config
}
