// Which claims each OpenID scope releases at the sandbox provider, and the words its consent page
// uses for each scope. One table for both, so what the page promises is what the tokens carry.
// @see OpenID Connect Core 1.0 §5.4 (Requesting Claims using Scope Values) https://openid.net/specs/openid-connect-core-1_0.html#ScopeClaims
import { SANDBOX_API_RESOURCE, SANDBOX_API_SCOPE } from './sandbox-api'

/** oidc-provider's `claims` configuration: scope → the claims it releases. */
export const SCOPE_CLAIMS = {
  openid: ['sub'],
  profile: ['name', 'given_name', 'family_name', 'preferred_username'],
  email: ['email', 'email_verified'],
  groups: ['groups'],
} as const

/** Every scope announced in discovery; a client may only register scopes from this list. */
export const SUPPORTED_SCOPES = [
  ...Object.keys(SCOPE_CLAIMS),
  'offline_access',
  ...SANDBOX_API_SCOPE.split(' '),
]

const SCOPE_PURPOSES: Record<string, string> = {
  openid: 'Sign you in and know who you are',
  profile: 'See your name and username',
  email: 'See your email address and whether it is verified',
  groups: 'See the groups you belong to',
  offline_access: 'Stay signed in: a refresh token renews access while you are away',
  'api:read': `Read data from the sandbox API (${SANDBOX_API_RESOURCE})`,
  'api:write': `Change data in the sandbox API (${SANDBOX_API_RESOURCE})`,
}

/** What granting a scope means, in words for the person asked, with the claims it releases. */
export function describeScope(scope: string): { purpose: string; claims: readonly string[] } {
  const claims = scope in SCOPE_CLAIMS ? SCOPE_CLAIMS[scope as keyof typeof SCOPE_CLAIMS] : []
  return { purpose: SCOPE_PURPOSES[scope] ?? 'A scope this sandbox does not describe', claims }
}
