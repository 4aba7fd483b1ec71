// What the sandbox provider tells the app and the CLI about itself: its issuer, the demo clients
// (with their published demo secrets and demo private key) and the demo users, to build default
// profiles and to print.
import type { OidcSandboxDescription } from '../../../../shared/sandbox-model'
import type { DemoClient } from './demo-clients'
import { DEMO_USERS } from './demo-users'

/** Describes the sandbox listening at `issuer` with these clients. */
export function describeOidcSandbox(issuer: string, clients: DemoClient[]): OidcSandboxDescription {
  return {
    issuer,
    clients: clients.map(
      ({ label, metadata, rotatesRefreshTokens, defaultResource, privateKeyJwk }) => ({
        client_id: metadata.client_id,
        ...(metadata.client_secret === undefined ? {} : { client_secret: metadata.client_secret }),
        ...(privateKeyJwk === undefined ? {} : { private_key_jwk: privateKeyJwk }),
        label,
        application_type: metadata.application_type ?? 'web',
        grant_types: [...metadata.grant_types],
        response_types: [...metadata.response_types],
        redirect_uris: [...metadata.redirect_uris],
        post_logout_redirect_uris: [...(metadata.post_logout_redirect_uris ?? [])],
        token_endpoint_auth_method: metadata.token_endpoint_auth_method,
        scope: metadata.scope ?? '',
        ...(defaultResource === undefined ? {} : { default_resource: defaultResource }),
        refresh_token_rotation: rotatesRefreshTokens,
      }),
    ),
    users: DEMO_USERS.map(({ username, password, label }) => ({ username, password, label })),
  }
}

export type { OidcSandboxDescription }
