// Redacts an HTTP exchange at capture: known secret fields by name, then every known secret value.
// @see shared/reference/security.md §0 rule 6 (structural and value-based redaction)
import type { HttpExchange } from '../../../shared/run-model'
import type { SecretBox } from './secret-box'

/** Form fields and JSON members whose value is always a secret. */
const SECRET_FIELDS = new Set([
  'client_secret',
  'client_assertion',
  'code_verifier',
  'code',
  'password',
  'access_token',
  'id_token',
  'refresh_token',
  'token',
  'device_code',
  'logout_token',
  'assertion',
  'subject_token',
  'actor_token',
  // Cognito's JSON members (security.md §5.4: at least what the AWS SDK filters from its logs).
  // ANSWER stays out: it also carries SELECT_MFA_TYPE's public choice; a custom answer is
  // registered as a secret by the input step that asked for it.
  'PASSWORD',
  'NEW_PASSWORD',
  'SECRET_HASH',
  'REFRESH_TOKEN',
  'PASSWORD_CLAIM_SIGNATURE',
  'SMS_MFA_CODE',
  'SMS_OTP_CODE',
  // The account helpers' members (SignUp, ConfirmSignUp, ForgotPassword, ChangePassword…).
  'Password',
  'PreviousPassword',
  'ProposedPassword',
  'ConfirmationCode',
  'SecretHash',
  'SOFTWARE_TOKEN_MFA_CODE',
  'EMAIL_OTP_CODE',
  'Session',
  'AccessToken',
  'IdToken',
  'RefreshToken',
  'SecretCode',
  'UserCode',
  'ClientSecret',
])

const SECRET_HEADERS = new Set([
  'authorization',
  'cookie',
  'set-cookie',
  'dpop',
  'proxy-authorization',
])

/** Registers the secrets an exchange carries, then returns it with all of them replaced. */
export function redactExchange(exchange: HttpExchange, secrets: SecretBox): HttpExchange {
  registerHeaderSecrets(exchange.request.headers, secrets)
  if (exchange.response) registerHeaderSecrets(exchange.response.headers, secrets)
  registerUrlSecrets(exchange.request.url, secrets)
  if (exchange.request.body !== undefined) registerBodySecrets(exchange.request.body, secrets)
  if (exchange.response?.body !== undefined) registerBodySecrets(exchange.response.body, secrets)
  // Known fields in a URL or a form are replaced where they stand, however short their value;
  // everything else by value.
  const request = {
    ...exchange.request,
    url: redactUrlParams(exchange.request.url, secrets),
    ...(exchange.request.body === undefined
      ? {}
      : { body: redactFormFields(exchange.request.body, secrets) }),
  }
  return secrets.redactDeep({ ...exchange, request }) as HttpExchange
}

/** In `a=1&client_secret=…&b=2`, replaces the raw value of each secret field with its marker. */
export function redactFormFields(text: string, secrets: SecretBox): string {
  if (!/^[\w.~%+-]+=/.test(text.trimStart())) return text
  return text
    .split('&')
    .map((pair) => {
      const at = pair.indexOf('=')
      const name = formDecode(pair.slice(0, at))
      if (at < 0 || at === pair.length - 1 || !SECRET_FIELDS.has(name ?? '')) return pair
      const value = formDecode(pair.slice(at + 1))
      return value === undefined ? pair : `${pair.slice(0, at)}=${secrets.add(value, name ?? '')}`
    })
    .join('&')
}

function redactUrlParams(url: string, secrets: SecretBox): string {
  const hashAt = url.indexOf('#')
  const [beforeHash, hash] =
    hashAt < 0 ? [url, undefined] : [url.slice(0, hashAt), url.slice(hashAt + 1)]
  const queryAt = beforeHash.indexOf('?')
  const base = queryAt < 0 ? beforeHash : beforeHash.slice(0, queryAt)
  const query = queryAt < 0 ? undefined : beforeHash.slice(queryAt + 1)
  return (
    base +
    (query === undefined ? '' : `?${redactFormFields(query, secrets)}`) +
    (hash === undefined ? '' : `#${redactFormFields(hash, secrets)}`)
  )
}

function formDecode(text: string): string | undefined {
  try {
    return decodeURIComponent(text.replace(/\+/g, ' '))
  } catch {
    return undefined
  }
}

function registerHeaderSecrets(headers: Record<string, string>, secrets: SecretBox) {
  for (const [name, value] of Object.entries(headers)) {
    if (!SECRET_HEADERS.has(name.toLowerCase())) continue
    // Keep the scheme readable: "Basic «secret»", "Bearer «secret»".
    const credentials = /^(Basic|Bearer|DPoP)\s+(.+)$/i.exec(value)?.[2] ?? value
    secrets.add(credentials, name.toLowerCase())
  }
}

function registerUrlSecrets(url: string, secrets: SecretBox) {
  try {
    const parsed = new URL(url)
    registerParams(parsed.searchParams, secrets)
    registerParams(new URLSearchParams(parsed.hash.slice(1)), secrets)
  } catch {
    // Not a URL: nothing structured to find; value-based redaction still applies.
  }
}

function registerBodySecrets(body: string, secrets: SecretBox) {
  const trimmed = body.trimStart()
  if (trimmed.startsWith('{') || trimmed.startsWith('[')) {
    try {
      registerJson(JSON.parse(trimmed), secrets)
      return
    } catch {
      // Not JSON after all: try it as a form.
    }
  }
  if (/^[\w.~%+-]+=/.test(trimmed)) registerParams(new URLSearchParams(trimmed), secrets)
}

/** Registers the secret parameters of a callback or form (a code, tokens) before they are shown. */
export function registerParams(params: URLSearchParams, secrets: SecretBox) {
  for (const [name, value] of params) {
    if (SECRET_FIELDS.has(name) && value !== '') secrets.add(value, name)
  }
}

/** Cognito's token members carry the names the run gives its tokens, so a marker reads the same. */
const TOKEN_LABELS: Record<string, string> = {
  IdToken: 'id_token',
  AccessToken: 'access_token',
  RefreshToken: 'refresh_token',
}

function registerJson(value: unknown, secrets: SecretBox) {
  if (Array.isArray(value)) return value.forEach((item) => registerJson(item, secrets))
  if (value === null || typeof value !== 'object') return
  for (const [name, item] of Object.entries(value)) {
    if (SECRET_FIELDS.has(name) && typeof item === 'string' && item !== '') {
      secrets.add(item, TOKEN_LABELS[name] ?? name)
    } else registerJson(item, secrets)
  }
}
