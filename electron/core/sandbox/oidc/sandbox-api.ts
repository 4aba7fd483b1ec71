// The one API the sandbox provider issues access tokens for: a resource indicator, its scopes, and
// the JWT access-token format its tokens use.
// @see RFC 8707 (Resource Indicators) https://www.rfc-editor.org/rfc/rfc8707
// @see RFC 9068 (JWT Profile for OAuth 2.0 Access Tokens) https://www.rfc-editor.org/rfc/rfc9068

export const SANDBOX_API_RESOURCE = 'urn:afx:sandbox-api'
export const SANDBOX_API_SCOPE = 'api:read api:write'

/** Ten minutes: long enough to inspect a token, short enough to watch one expire in a session. */
const ACCESS_TOKEN_TTL_SECONDS = 600

export type ResourceServerInfo = {
  scope: string
  audience: string
  accessTokenFormat: 'jwt'
  accessTokenTTL: number
  jwt: { sign: { alg: string } }
}

/**
 * What oidc-provider needs to know about a resource server, or undefined for an unknown one.
 * ES256 so the sandbox's JWKS shows both key types in use (ID tokens are RS256).
 * @see RFC 9068 §2 (JWT access token header and data structure) https://www.rfc-editor.org/rfc/rfc9068#section-2
 */
export function sandboxResourceServerInfo(
  resourceIndicator: string,
): ResourceServerInfo | undefined {
  if (resourceIndicator !== SANDBOX_API_RESOURCE) return undefined
  return {
    scope: SANDBOX_API_SCOPE,
    audience: SANDBOX_API_RESOURCE,
    accessTokenFormat: 'jwt',
    accessTokenTTL: ACCESS_TOKEN_TTL_SECONDS,
    jwt: { sign: { alg: 'ES256' } },
  }
}
