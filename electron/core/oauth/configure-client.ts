// The first step of every OAuth flow: learn the provider's endpoints (discovery, or the endpoints
// the user typed) and how the client authenticates.
// @see OpenID Connect Discovery 1.0 §4 https://openid.net/specs/openid-connect-discovery-1_0.html#ProviderConfig
import * as oidc from 'openid-client'
import type { ClientAuthMethod, ProviderInput } from '../../../shared/flow-input'
import { isLoopbackHttpUrl } from '../../../shared/loopback-hosts'
import { AfxError } from '../errors'
import type { RunContext } from '../runs/run-context'
import { discoveryUrlOf } from '../tokens/discover-issuer-keys'
import { foreignEndpointNotes } from './foreign-endpoints'
import { privateKeyJwtAuth } from './private-key-jwt'

type ClientSettings = {
  clientId: string
  clientSecret?: string | undefined
  privateKeyJwk?: string | undefined
  authMethod?: ClientAuthMethod | undefined
}

export async function configureClient(
  ctx: RunContext,
  provider: ProviderInput,
  client: ClientSettings,
): Promise<oidc.Configuration> {
  if (client.clientSecret) ctx.secrets.add(client.clientSecret, 'client_secret')
  const auth = await clientAuthentication(ctx, client)
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
      .then((config) => {
        refuseRemoteHttpEndpoints(config)
        const metadata = config.serverMetadata() as Record<string, unknown>
        ctx.noteOnLastAnswer(() => foreignEndpointNotes(metadata))
        return config
      })
      .catch((error: unknown) => {
        throw explainDiscoveryFailure(error, discoveryUrl, provider.issuer)
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

/**
 * Names what discovery received where it refuses the document, so a person sees both issuers:
 * openid-client's own refusal of another issuer keeps its code and words; a value it cannot even
 * parse (an issuer that is no URL) surfaces as a bare TypeError, told here.
 * @see OpenID Connect Discovery 1.0 §4.3 (the issuer must be identical to the one fetched for)
 */
function explainDiscoveryFailure(error: unknown, discoveryUrl: string, issuer: string): unknown {
  const hint =
    'Open that URL: issuer must be exactly the URL it was fetched from (without /.well-known/…), and every endpoint a full https URL.'
  const ref = 'OpenID Connect Discovery §3, §4.3'
  if (error instanceof oidc.ClientError && isIssuerComparison(error.cause)) {
    const received = JSON.stringify(error.cause.body.issuer)
    return Object.assign(
      new oidc.ClientError(
        `${error.message}: the document names the issuer ${received}, but it was fetched for ${issuer}`,
        { cause: error.cause },
      ),
      { code: error.code },
    )
  }
  if (!(error instanceof TypeError)) return error
  const input: unknown = (error as TypeError & { input?: unknown }).input
  const what =
    typeof input === 'string'
      ? `it names ${JSON.stringify(input)}, which is not a URL, as its issuer or an endpoint; the issuer expected is ${issuer}`
      : 'its issuer or an endpoint is not a valid URL'
  return new AfxError(
    'OAUTH_DISCOVERY_INVALID',
    `The discovery document at ${discoveryUrl} is not usable: ${what}.`,
    { hint, ref, cause: error },
  )
}

function isIssuerComparison(
  cause: unknown,
): cause is { attribute: 'issuer'; body: { issuer: unknown } } {
  const candidate = cause as { attribute?: unknown; body?: unknown } | undefined
  return (
    candidate?.attribute === 'issuer' &&
    typeof candidate.body === 'object' &&
    candidate.body !== null
  )
}

async function clientAuthentication(
  ctx: RunContext,
  client: ClientSettings,
): Promise<oidc.ClientAuth> {
  const method = client.authMethod ?? defaultAuthMethodOf(client)
  if (method === 'private_key_jwt') return privateKeyJwtAuth(ctx, client.privateKeyJwk)
  if (method === 'none' || !client.clientSecret) return oidc.None()
  return method === 'client_secret_post'
    ? oidc.ClientSecretPost(client.clientSecret)
    : oidc.ClientSecretBasic(client.clientSecret)
}

/** Without a method named: private_key_jwt with a key, basic with a secret, none without either. */
function defaultAuthMethodOf(client: ClientSettings): ClientAuthMethod {
  if (client.privateKeyJwk) return 'private_key_jwt'
  return client.clientSecret ? 'client_secret_basic' : 'none'
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
