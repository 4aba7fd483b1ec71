// What a saved profile contributes to a flow's input: the provider to talk to and the client to be.
// The renderer's forms and the CLI's --profile both start a run from these, so they agree.
import type { ProviderInput } from './flow-input'
import type { Profile, ProfileClient, ProfileProvider } from './workspace-model'

/**
 * The provider of an OAuth flow. A Cognito pool's issuer is its IdP URL (or the endpoint that
 * stands in for it, such as the sandbox), where its discovery document lives. With a hosted UI
 * domain, the pool's OAuth endpoints are named from it instead: Cognito's discovery document names
 * the prefix domain even when the app uses a custom one, and lists no revocation endpoint.
 * @see https://docs.aws.amazon.com/cognito/latest/developerguide/amazon-cognito-user-pools-using-tokens-verifying-a-jwt.html
 * @see https://docs.aws.amazon.com/cognito/latest/developerguide/cognito-userpools-server-contract-reference.html
 */
export function flowProviderOf(provider: ProfileProvider): ProviderInput {
  switch (provider.kind) {
    case 'issuer':
      return { issuer: provider.issuer }
    case 'endpoints':
      return { endpoints: provider.endpoints }
    case 'cognito': {
      const host = provider.endpoint ?? `https://cognito-idp.${provider.region}.amazonaws.com`
      const issuer = `${host.replace(/\/$/, '')}/${provider.userPoolId}`
      const ui = hostedUiOf(provider)
      if (ui === undefined) return { issuer }
      return {
        endpoints: {
          issuer,
          authorization_endpoint: `${ui}/oauth2/authorize`,
          token_endpoint: `${ui}/oauth2/token`,
          userinfo_endpoint: `${ui}/oauth2/userInfo`,
          revocation_endpoint: `${ui}/oauth2/revoke`,
          jwks_uri: `${issuer}/.well-known/jwks.json`,
        },
      }
    }
  }
}

/**
 * The hosted UI's /logout, which takes client_id and logout_uri (not OpenID RP-initiated logout),
 * for a Cognito profile with a hosted UI domain.
 * @see https://docs.aws.amazon.com/cognito/latest/developerguide/logout-endpoint.html
 */
export function cognitoLogoutEndpointOf(provider: ProfileProvider): string | undefined {
  const ui = hostedUiOf(provider)
  return ui === undefined ? undefined : `${ui}/logout`
}

const hostedUiOf = (provider: ProfileProvider) =>
  provider.kind === 'cognito' ? provider.hostedUiDomain?.replace(/\/+$/, '') : undefined

/** The profile's client with this id, or its first when no id is asked for. */
export function profileClientFor(profile: Profile, clientId?: string): ProfileClient | undefined {
  return clientId === undefined
    ? profile.clients[0]
    : profile.clients.find((client) => client.clientId === clientId)
}
