// What each OAuth error a provider can answer means, and what to change.
// @see RFC 6749 §4.1.2.1 (authorization errors) and §5.2 (token errors), RFC 6750 §3.1 (bearer
// token errors), RFC 7009 §2.2.1 (revocation), RFC 8628 §3.5 (device flow)

type Hint = { hint: string; ref: string }

const OAUTH_ERROR_HINTS: Record<string, Hint> = {
  invalid_request: {
    hint: "A parameter is missing, repeated or malformed; read the provider's description. A redirect_uri that differs from the registered one is the usual cause.",
    ref: 'RFC 6749 §5.2',
  },
  invalid_client: {
    hint: 'The client could not be authenticated: check the client id and secret, and the authentication method (client_secret_basic, client_secret_post or private_key_jwt) the client is registered with. With private_key_jwt, the public key registered must be the half of the private key used, for an algorithm the provider accepts.',
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
    hint: 'The user pressed Deny (or cancelled) at the provider, or a policy refused this user for this client. Sign in again and allow, or check that the user may use the application.',
    ref: 'RFC 6749 §4.1.2.1',
  },
  unsupported_response_type: {
    hint: 'The provider does not issue this response_type, or not for this client. response_type=token alone (the OAuth 2.0 implicit grant) is deprecated and many providers refuse it outright: use the code flow with PKCE.',
    ref: 'RFC 6749 §4.1.2.1, RFC 9700 §2.1.2',
  },
  login_required: {
    hint: 'prompt=none was asked but the user has no session at the provider; sign in interactively.',
    ref: 'OIDC Core §3.1.2.6',
  },
  consent_required: {
    hint: 'prompt=none was asked but the user has not consented yet; ask again without prompt=none.',
    ref: 'OIDC Core §3.1.2.6',
  },
  invalid_token: {
    hint: 'The access token is expired, revoked, malformed, or meant for another resource server (its audience); get a fresh one.',
    ref: 'RFC 6750 §3.1',
  },
  insufficient_scope: {
    hint: 'The token is valid but lacks a scope this request needs; ask for that scope when you get the token.',
    ref: 'RFC 6750 §3.1',
  },
  unsupported_token_type: {
    hint: 'The provider cannot revoke or introspect this kind of token: some handle refresh tokens only, some refuse JWT access tokens (which carry their own claims: decode and verify them instead). Check the token_type_hint too.',
    ref: 'RFC 7009 §2.2.1, RFC 7662 §2.3',
  },
  expired_token: {
    hint: 'The device code expired before the user finished; start again and enter the code sooner.',
    ref: 'RFC 8628 §3.5',
  },
  invalid_redirect_uri: {
    hint: 'The redirect_uri is not registered for this client: compare scheme, host, port, path and trailing slash character for character.',
    ref: 'RFC 6749 §3.1.2',
  },
}

/**
 * The catch-all codes cover refusals with very different fixes; the provider's description tells
 * them apart. Checked before the hint of the code.
 */
const CATCH_ALL_ERRORS = new Set(['invalid_request', 'unauthorized_client'])

const DESCRIPTION_HINTS: { pattern: RegExp; hint: Hint }[] = [
  {
    pattern: /response_type/i,
    hint: {
      hint: "This client is not registered for the response_type asked for: add it to the client's response_types (and the grant to its grant_types), or use a client that has it.",
      ref: 'RFC 6749 §3.1.1, RFC 7591 §2',
    },
  },
  {
    pattern: /redirect_uri/i,
    hint: {
      hint: 'The redirect_uri is not registered for this client: compare scheme, host, port, path and trailing slash character for character.',
      ref: 'RFC 6749 §3.1.2',
    },
  },
  {
    pattern: /code_challenge|code_verifier|pkce/i,
    hint: {
      hint: 'PKCE is required or its method refused: send code_challenge with code_challenge_method S256 (plain is refused by many providers), and the matching code_verifier.',
      ref: 'RFC 7636 §4.2, RFC 9700 §2.1.1',
    },
  },
  {
    pattern: /grant.?type/i,
    hint: {
      hint: "This client is not allowed this grant type: add it to the client's grant_types, or use a client that has it.",
      ref: 'RFC 6749 §5.2, RFC 7591 §2',
    },
  },
]

/**
 * Cognito's userInfo refuses an access token without the openid scope, whatever error code it
 * answers with: tokens from its own sign-in API (SRP, password) carry only
 * aws.cognito.signin.user.admin.
 * @see https://docs.aws.amazon.com/cognito/latest/developerguide/userinfo-endpoint.html
 */
const NO_OPENID_SCOPE: { pattern: RegExp; hint: Hint } = {
  pattern: /openid scope/i,
  hint: {
    hint: "userInfo answers only for an access token with the openid scope. Tokens from Cognito's own sign-in API (InitiateAuth: SRP, password, custom) carry aws.cognito.signin.user.admin alone: read the user with GetUser instead, or sign in through the hosted UI asking for openid.",
    ref: 'Cognito developer guide, the userInfo endpoint',
  },
}

/**
 * The hint for an OAuth error: for a catch-all code, by the provider's description when it names
 * the cause; else by the error code.
 * @see RFC 6749 §5.2 https://www.rfc-editor.org/rfc/rfc6749#section-5.2
 */
export function hintForOAuthError(error: string, description?: string): Hint | undefined {
  if (description && NO_OPENID_SCOPE.pattern.test(description)) return NO_OPENID_SCOPE.hint
  const byDescription =
    description && CATCH_ALL_ERRORS.has(error)
      ? DESCRIPTION_HINTS.find(({ pattern }) => pattern.test(description))?.hint
      : undefined
  return byDescription ?? OAUTH_ERROR_HINTS[error]
}
