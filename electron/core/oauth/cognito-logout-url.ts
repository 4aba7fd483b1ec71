// Cognito's hosted UI logout: not RP-Initiated Logout (no id_token_hint, no state), but its own
// /logout?client_id=…&logout_uri=…, where logout_uri must be a sign-out URL of the app client.
// @see https://docs.aws.amazon.com/cognito/latest/developerguide/logout-endpoint.html

/**
 * Builds the logout URL. `logoutEndpoint` is the hosted UI's /logout (a bare domain gets /logout).
 * @see https://docs.aws.amazon.com/cognito/latest/developerguide/logout-endpoint.html
 */
export function buildCognitoLogoutUrl(
  logoutEndpoint: string,
  clientId: string,
  logoutUri: string,
): URL {
  const url = new URL(logoutEndpoint)
  url.hash = ''
  if (url.pathname === '/') url.pathname = '/logout'
  url.searchParams.set('client_id', clientId)
  url.searchParams.set('logout_uri', logoutUri)
  return url
}
