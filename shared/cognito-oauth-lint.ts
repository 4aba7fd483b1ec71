// Checks an app client's OAuth 2.0 settings, and the grant about to run, against Cognito's rules:
// callback URLs, allowed grants and the client secret, scopes, and PKCE.
// @see https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_UserPoolClientType.html
// @see https://docs.aws.amazon.com/cognito/latest/developerguide/authorization-endpoint.html
import type { CognitoAppClient, CognitoClientUse } from './cognito-app-client'
import { isLoopbackHttpUrl } from './loopback-hosts'
import type { Diagnostic } from './run-model'

type OAuthUse = NonNullable<CognitoClientUse['oauth']>

const CALLBACK_REF = 'Cognito API: UserPoolClientType.CallbackURLs'
const FLOWS_REF = 'Cognito API: UserPoolClientType.AllowedOAuthFlows'
const SCOPES_REF = 'Cognito developer guide: app client OpenID Connect scopes'
/** The scopes Cognito defines itself; any other scope is a resource server's custom scope. */
const RESERVED_SCOPES = new Set([
  'openid',
  'email',
  'phone',
  'profile',
  'aws.cognito.signin.user.admin',
])
/** The AllowedOAuthFlows value of each grant. */
const FLOW_OF_GRANT: Record<OAuthUse['grant'], string> = {
  authorization_code: 'code',
  implicit: 'implicit',
  client_credentials: 'client_credentials',
}

/**
 * Findings about the client's OAuth settings and, when given, the grant about to run.
 * @see https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_UserPoolClientType.html
 */
export function lintOAuth(client: CognitoAppClient, oauth: OAuthUse | undefined): Diagnostic[] {
  return [
    ...lintCallbackUrls(client),
    ...lintGrants(client, oauth),
    ...lintScopes(client.AllowedOAuthScopes ?? [], 'AllowedOAuthScopes'),
    ...lintScopes(oauth?.scopes ?? [], 'the requested scope'),
    ...(oauth === undefined ? [] : lintRequest(client, oauth)),
  ]
}

function lintCallbackUrls(client: CognitoAppClient): Diagnostic[] {
  const callbacks = client.CallbackURLs ?? []
  const findings = callbacks.flatMap((url) => callbackUrlProblems(url, 'CallbackURLs'))
  const fallback = client.DefaultRedirectURI
  if (fallback !== undefined) {
    findings.push(...callbackUrlProblems(fallback, 'DefaultRedirectURI'))
    // DefaultRedirectURI "Must be in the CallbackURLs list" (API reference).
    if (!callbacks.includes(fallback)) {
      findings.push({
        severity: 'error',
        code: 'COGNITO_CLIENT_DEFAULT_REDIRECT_UNREGISTERED',
        message: `DefaultRedirectURI ${fallback} is not one of the client's CallbackURLs.`,
        hint: 'Add it to CallbackURLs, or choose one of them as the default.',
        ref: 'Cognito API: UserPoolClientType.DefaultRedirectURI',
      })
    }
  }
  const flows = client.AllowedOAuthFlows ?? []
  // A redirect must go to a URL registered beforehand (digest §1, "Callback and sign-out URLs").
  if (callbacks.length === 0 && (flows.includes('code') || flows.includes('implicit'))) {
    findings.push({
      severity: 'warning',
      code: 'COGNITO_CLIENT_NO_CALLBACK_URLS',
      message: 'The client allows the code or implicit grant but registers no CallbackURLs.',
      hint: 'Register the exact URL your app listens on; Cognito redirects nowhere else.',
      ref: CALLBACK_REF,
    })
  }
  return findings
}

/** The rules of one callback URL: absolute, no fragment, https except on this computer. */
function callbackUrlProblems(url: string, field: string): Diagnostic[] {
  const parsed = parseUrl(url)
  // "Be an absolute URI" (API reference, CallbackURLs; RFC 6749 §3.1.2).
  if (parsed === undefined) {
    return [
      {
        severity: 'error',
        code: 'COGNITO_CLIENT_CALLBACK_NOT_ABSOLUTE',
        message: `${field} has ${url}, which is not an absolute URL.`,
        hint: 'Write the whole URL with its scheme, e.g. https://app.example.com/callback or myapp://callback.',
        ref: CALLBACK_REF,
      },
    ]
  }
  const findings: Diagnostic[] = []
  // "Not include a fragment component" (API reference, CallbackURLs; RFC 6749 §3.1.2).
  if (url.includes('#')) {
    findings.push({
      severity: 'error',
      code: 'COGNITO_CLIENT_CALLBACK_FRAGMENT',
      message: `${field} has ${url}, which has a fragment (#…).`,
      hint: 'Remove the fragment: the implicit grant puts its tokens in the fragment itself.',
      ref: CALLBACK_REF,
    })
  }
  // HTTPS, except http://localhost, http://127.0.0.1 and http://[::1] (API reference,
  // CallbackURLs; the 2019 guide in the digest named only http://localhost). Custom schemes pass.
  if (parsed.protocol === 'http:' && !isLoopbackHttpUrl(parsed)) {
    findings.push({
      severity: 'error',
      code: 'COGNITO_CLIENT_CALLBACK_NOT_HTTPS',
      message: `${field} has ${url}, plain http to a host that is not this computer.`,
      hint: 'Use https; plain http is allowed only for http://localhost, http://127.0.0.1 and http://[::1], for testing.',
      ref: CALLBACK_REF,
    })
  }
  return findings
}

function lintGrants(client: CognitoAppClient, oauth: OAuthUse | undefined): Diagnostic[] {
  const flows = client.AllowedOAuthFlows ?? []
  const findings: Diagnostic[] = []
  if (flows.includes('client_credentials')) {
    // A client needs a secret for client_credentials grants (digest §1, "Client secret").
    if (client.HasClientSecret !== true) {
      findings.push({
        severity: 'error',
        code: 'COGNITO_CLIENT_CREDENTIALS_WITHOUT_SECRET',
        message: 'The client allows client_credentials but has no client secret.',
        hint: 'A secret cannot be added later: create a confidential client (with a secret) for machine-to-machine use.',
        ref: 'Cognito developer guide: app client types (client secret)',
      })
    }
    // "you must add client_credentials as the only allowed OAuth flow" (API reference).
    if (flows.includes('code') || flows.includes('implicit')) {
      findings.push({
        severity: 'error',
        code: 'COGNITO_CLIENT_CREDENTIALS_MIXED',
        message: `The client allows client_credentials together with ${flows.filter((f) => f !== 'client_credentials').join(' and ')}.`,
        hint: 'Keep client_credentials alone on a machine-to-machine client, and use another client for users.',
        ref: FLOWS_REF,
      })
    }
  }
  if (oauth === undefined) return findings
  // OAuth features need AllowedOAuthFlowsUserPoolClient true (API reference).
  if (client.AllowedOAuthFlowsUserPoolClient === false) {
    findings.push({
      severity: 'error',
      code: 'COGNITO_CLIENT_OAUTH_OFF',
      message:
        'AllowedOAuthFlowsUserPoolClient is false: this client signs in through the API only.',
      hint: 'Turn on the OAuth 2.0 features of the client (managed login), or use an InitiateAuth flow.',
      ref: 'Cognito API: UserPoolClientType.AllowedOAuthFlowsUserPoolClient',
    })
  }
  const wanted = FLOW_OF_GRANT[oauth.grant]
  // A grant the client does not allow is refused with unauthorized_client (digest §2.1).
  if (!flows.includes(wanted)) {
    findings.push({
      severity: 'error',
      code: 'COGNITO_CLIENT_GRANT_NOT_ALLOWED',
      message: `The ${oauth.grant} grant is not among the client's AllowedOAuthFlows.`,
      hint: `Add ${wanted} to AllowedOAuthFlows, or use the grant the client allows.`,
      ref: FLOWS_REF,
      expected: wanted,
      actual: flows.join(', ') || '(none)',
    })
  }
  // At least one identity provider must be enabled on the client (digest §1).
  if (oauth.grant !== 'client_credentials' && client.SupportedIdentityProviders?.length === 0) {
    findings.push({
      severity: 'error',
      code: 'COGNITO_CLIENT_NO_IDENTITY_PROVIDER',
      message: 'SupportedIdentityProviders is empty: managed login has nobody to sign in.',
      hint: 'Enable COGNITO (the pool’s own users) or an external identity provider on the client.',
      ref: 'Cognito API: UserPoolClientType.SupportedIdentityProviders',
    })
  }
  return findings
}

function lintScopes(scopes: readonly string[], where: string): Diagnostic[] {
  const findings: Diagnostic[] = []
  // phone, email and profile can only be requested with openid (digest §1, "Scopes").
  const needOpenid = scopes.filter((s) => s === 'phone' || s === 'email' || s === 'profile')
  if (needOpenid.length > 0 && !scopes.includes('openid')) {
    findings.push({
      severity: 'error',
      code: 'COGNITO_SCOPE_NEEDS_OPENID',
      message: `${where} has ${needOpenid.join(', ')} without openid.`,
      hint: 'Add openid: phone, email and profile only work together with it (and without it no ID token comes).',
      ref: SCOPES_REF,
    })
  }
  // Custom scopes are resource-server-identifier/scope-name (digest §1, "Scopes").
  for (const scope of scopes) {
    if (RESERVED_SCOPES.has(scope)) continue
    const slash = scope.lastIndexOf('/')
    if (slash > 0 && slash < scope.length - 1) continue
    findings.push({
      severity: 'error',
      code: 'COGNITO_CUSTOM_SCOPE_FORM',
      message: `${where} has "${scope}", which is neither a Cognito scope nor a custom scope.`,
      hint: 'Write a custom scope as resource-server-identifier/scope-name, e.g. https://api.example.com/photos.read.',
      ref: 'Cognito developer guide: resource servers (custom scopes)',
    })
  }
  return findings
}

function lintRequest(client: CognitoAppClient, oauth: OAuthUse): Diagnostic[] {
  const findings: Diagnostic[] = []
  // "Cognito supports only S256" for code_challenge_method (digest §2.1).
  if (oauth.pkceMethod === 'plain') {
    findings.push({
      severity: 'error',
      code: 'COGNITO_PKCE_PLAIN',
      message: 'PKCE with code_challenge_method=plain: Cognito accepts S256 only.',
      hint: 'Send code_challenge_method=S256 with the SHA-256 of the verifier; plain is refused with invalid_request.',
      ref: 'Cognito developer guide: authorize endpoint (code_challenge_method)',
      expected: 'S256',
      actual: 'plain',
    })
  }
  const sent = oauth.redirectUri
  if (sent === undefined || oauth.grant === 'client_credentials') return findings
  const callbacks = client.CallbackURLs ?? []
  // redirect_uri must be one of the registered callback URLs, exactly (digest §2.1).
  if (!callbacks.includes(sent)) {
    const nearest = nearestOf(callbacks, sent)
    findings.push({
      severity: 'error',
      code: 'COGNITO_CLIENT_REDIRECT_UNREGISTERED',
      message: `The redirect URI ${sent} is not one of the client's CallbackURLs.`,
      hint:
        nearest === undefined
          ? 'Register it in CallbackURLs: Cognito redirects only to URLs registered beforehand.'
          : `The nearest registered one is ${nearest}; they differ in ${differenceBetween(nearest, sent)}. Cognito compares the text exactly.`,
      ref: CALLBACK_REF,
      ...(nearest === undefined ? {} : { expected: nearest }),
      actual: sent,
    })
  }
  return findings
}

function parseUrl(text: string): URL | undefined {
  try {
    return new URL(text)
  } catch {
    return undefined
  }
}

/** The candidate fewest single-character edits away from `target`. */
function nearestOf(candidates: readonly string[], target: string): string | undefined {
  let best: { url: string; distance: number } | undefined
  for (const url of candidates) {
    const distance = editDistance(url, target)
    if (best === undefined || distance < best.distance) best = { url, distance }
  }
  return best?.url
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j)
  for (let i = 1; i <= a.length; i++) {
    const current = [i]
    for (let j = 1; j <= b.length; j++) {
      const substitution = previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1)
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, substitution)
    }
    previous = current
  }
  return previous[b.length]!
}

/** The part of two URLs that differs, in words a person can act on. */
function differenceBetween(registered: string, sent: string): string {
  const a = parseUrl(registered)
  const b = parseUrl(sent)
  if (a === undefined || b === undefined) return 'their text'
  if (a.protocol !== b.protocol) return 'the scheme'
  if (a.hostname !== b.hostname) return 'the host'
  if (a.port !== b.port) return 'the port'
  if (a.pathname !== b.pathname) {
    const trimmed = (path: string) => path.replace(/\/$/, '')
    if (trimmed(a.pathname) === trimmed(b.pathname)) return 'a trailing slash'
    if (a.pathname.toLowerCase() === b.pathname.toLowerCase()) return 'letter case in the path'
    return 'the path'
  }
  if (a.search !== b.search) return 'the query'
  return 'their spelling (letter case or a written default port)'
}
