// What choosing a saved profile fills in a flow form: the provider and client fields, and whether
// the engine adds the client secret (and a test user's password and TOTP secret) kept with the
// profile (the renderer never holds them).
import type { ProviderInput } from '../../../shared/flow-input'
import { cognitoLogoutEndpointOf, flowProviderOf } from '../../../shared/profile-to-flow'
import type { Profile, ProfileClient, ProfileUser } from '../../../shared/workspace-model'
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

const USER_SECRET_WORDS = [
  ['password', 'password'],
  ['totpSecret', 'TOTP secret'],
] as const

/**
 * The note for a saved test user: which of its secrets the profile keeps (the engine adds them),
 * or why this session cannot use them. Undefined when it keeps none.
 */
export function keptUserNote(user: ProfileUser | undefined): string | undefined {
  const kept = USER_SECRET_WORDS.flatMap(([field, words]) => {
    const secret = user?.[field]
    return secret ? [{ words, secret }] : []
  })
  if (kept.length === 0) return undefined
  const what = kept.map(({ words }) => words).join(' and ')
  const unusable = kept.find(({ secret }) => !secret.available)
  return unusable
    ? `${what}: ${describeKeptSecret(unusable.secret)}`
    : `${what} kept with the profile`
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
  /** A Cognito profile's hosted UI /logout, for the Cognito logout variant. */
  logoutEndpoint?: string
}

/** Any profile's fields for an OAuth or OpenID Connect flow (a Cognito pool's: its issuer). */
export function oauthFieldsOf(
  profile: Profile,
  client: ProfileClient | undefined,
): OAuthProfileFields {
  const logoutEndpoint = cognitoLogoutEndpointOf(profile.provider)
  return {
    provider: flowProviderOf(profile.provider),
    ...(logoutEndpoint ? { logoutEndpoint } : {}),
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
