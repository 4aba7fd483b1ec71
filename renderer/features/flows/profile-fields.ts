// What choosing a saved profile fills in a flow form: the provider and client fields, and whether
// the engine adds the client secret kept with the profile (the renderer never holds it).
import type { ProviderInput } from '../../../shared/flow-input'
import { flowProviderOf } from '../../../shared/profile-to-flow'
import type { Profile, ProfileClient } from '../../../shared/workspace-model'
import { describeKeptSecret } from '../../components/secret-words'
import type { ClientDraft } from './client-draft'
import { DEFAULT_DETAILS, type FlowDetails } from './flow-choices'

/** The note under the secret field, by whether the chosen client's secret is kept and usable. */
export function keptSecretNote(client: ProfileClient | undefined): string | undefined {
  if (!client?.secret) return undefined
  return client.secret.available
    ? 'uses the secret kept with the profile'
    : `${describeKeptSecret(client.secret)}, or type the secret here`
}

/** What a flow form keeps of the profile chosen: its name for the run, its client, the secret note. */
export type ProfileChoice = {
  name: string
  clientId: string | undefined
  secretNote: string | undefined
}

/** The choice a flow form keeps when a profile (and one of its clients) is picked; none when not. */
export function profileChoiceOf(
  profile: Profile | undefined,
  client: ProfileClient | undefined,
): ProfileChoice | undefined {
  return (
    profile && {
      name: profile.name,
      clientId: client?.clientId,
      secretNote: keptSecretNote(client),
    }
  )
}

export type OAuthProfileFields = {
  provider: ProviderInput
  /** The client's fields but its secret, which stays with the profile. */
  client?: Omit<ClientDraft, 'clientSecret'>
  redirect?: Pick<FlowDetails, 'redirectHost' | 'redirectPort' | 'redirectPath'>
}

/** Any profile's fields for an OAuth or OpenID Connect flow (a Cognito pool's: its issuer). */
export function oauthFieldsOf(
  profile: Profile,
  client: ProfileClient | undefined,
): OAuthProfileFields {
  return {
    provider: flowProviderOf(profile.provider),
    ...(client && {
      client: {
        clientId: client.clientId,
        authMethod: client.authMethod ?? '',
        scope: client.scope ?? '',
        extraParams: Object.entries(client.extraParams ?? {})
          .map(([name, value]) => `${name}=${value}`)
          .join('\n'),
      },
      // A client saved without a redirect takes the defaults: a free loopback port, /callback.
      redirect: {
        redirectHost: client.redirect?.host ?? DEFAULT_DETAILS.redirectHost,
        redirectPort: client.redirect?.port ? String(client.redirect.port) : '',
        redirectPath: client.redirect?.path ?? DEFAULT_DETAILS.redirectPath,
      },
    }),
  }
}

export type CognitoProfileFields = {
  region: string
  userPoolId: string
  endpoint: string
  clientId?: string
}

/** A Cognito pool profile's fields; undefined for any other provider. */
export function cognitoFieldsOf(
  profile: Profile,
  client: ProfileClient | undefined,
): CognitoProfileFields | undefined {
  const { provider } = profile
  if (provider.kind !== 'cognito') return undefined
  return {
    region: provider.region,
    userPoolId: provider.userPoolId,
    endpoint: provider.endpoint ?? '',
    ...(client && { clientId: client.clientId }),
  }
}
