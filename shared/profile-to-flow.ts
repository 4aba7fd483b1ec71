// What a saved profile contributes to a flow's input: the provider to talk to and the client to be.
// The renderer's forms and the CLI's --profile both start a run from these, so they agree.
import type { ProviderInput } from './flow-input'
import type { Profile, ProfileClient, ProfileProvider } from './workspace-model'

/**
 * The provider of an OAuth flow. A Cognito pool's issuer is its IdP URL (or the endpoint that
 * stands in for it, such as the sandbox), where its discovery document lives.
 * @see https://docs.aws.amazon.com/cognito/latest/developerguide/amazon-cognito-user-pools-using-tokens-verifying-a-jwt.html
 */
export function flowProviderOf(provider: ProfileProvider): ProviderInput {
  switch (provider.kind) {
    case 'issuer':
      return { issuer: provider.issuer }
    case 'endpoints':
      return { endpoints: provider.endpoints }
    case 'cognito': {
      const host = provider.endpoint ?? `https://cognito-idp.${provider.region}.amazonaws.com`
      return { issuer: `${host.replace(/\/$/, '')}/${provider.userPoolId}` }
    }
  }
}

/** The profile's client with this id, or its first when no id is asked for. */
export function profileClientFor(profile: Profile, clientId?: string): ProfileClient | undefined {
  return clientId === undefined
    ? profile.clients[0]
    : profile.clients.find((client) => client.clientId === clientId)
}
