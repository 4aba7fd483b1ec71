// What each OAuth error a provider can answer means, and what to change.
// @see RFC 6749 §4.1.2.1 (authorization errors) and §5.2 (token errors)

type Hint = { hint: string; ref: string }

export const OAUTH_ERROR_HINTS: Record<string, Hint> = {
  invalid_request: {
    hint: "A parameter is missing, repeated or malformed; read the provider's description. A redirect_uri that differs from the registered one is the usual cause.",
    ref: 'RFC 6749 §5.2',
  },
  invalid_client: {
    hint: 'The client could not be authenticated: check the client id and secret, and the authentication method (client_secret_basic or client_secret_post) the client is registered with.',
    ref: 'RFC 6749 §5.2',
  },
  invalid_grant: {
    hint: 'The code or refresh token is invalid, expired, already used, or was issued to another client or redirect URI; or the PKCE code_verifier does not match the code_challenge.',
    ref: 'RFC 6749 §5.2',
  },
  unauthorized_client: {
    hint: "This client is not allowed to use this grant type or response type; enable it in the client's registration.",
    ref: 'RFC 6749 §5.2',
  },
  unsupported_grant_type: {
    hint: 'The provider does not support this grant type at all.',
    ref: 'RFC 6749 §5.2',
  },
  invalid_scope: {
    hint: 'A requested scope is unknown to the provider or not allowed for this client; compare with scopes_supported in discovery.',
    ref: 'RFC 6749 §5.2',
  },
  invalid_target: {
    hint: 'The resource (or audience) asked for is unknown or not allowed for this client.',
    ref: 'RFC 8707 §2',
  },
  access_denied: {
    hint: 'The user (or a policy) refused the request at the provider.',
    ref: 'RFC 6749 §4.1.2.1',
  },
  unsupported_response_type: {
    hint: 'The provider does not issue this response_type, or not for this client.',
    ref: 'RFC 6749 §4.1.2.1',
  },
  login_required: {
    hint: 'prompt=none was asked but the user has no session at the provider; sign in interactively.',
    ref: 'OIDC Core §3.1.2.6',
  },
  consent_required: {
    hint: 'prompt=none was asked but the user has not consented yet; ask again without prompt=none.',
    ref: 'OIDC Core §3.1.2.6',
  },
  invalid_redirect_uri: {
    hint: 'The redirect_uri is not registered for this client: compare scheme, host, port, path and trailing slash character for character.',
    ref: 'RFC 6749 §3.1.2',
  },
}
