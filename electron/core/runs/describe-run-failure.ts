// Turns whatever ended a run (a provider's refusal, a failed check in openid-client, our own
// AfxError) into diagnostics a person can act on. Only bugs become INTERNAL_ERROR.
import type { Diagnostic, HttpExchange } from '../../../shared/run-model'
import { describeBadAnswer } from './describe-bad-answer'
import { describeForLog } from '../describe-for-log'
import { AfxError } from '../errors'
import { hintForCognitoError } from '../cognito/cognito-error-hints'
import { hintForOAuthError } from '../oauth/oauth-error-hints'

/** An AWS SDK service exception: Cognito's `__type` is its name, Cognito's words its message. */
type AwsServiceError = Error & { $fault: string; $metadata?: { httpStatusCode?: number } }

type OAuthLikeError = Error & {
  code?: string
  error?: string
  error_description?: string
  status?: number
  cause?: unknown
}

/**
 * A failure its flow has already put in words, e.g. a refusal provoked on purpose by a "break it"
 * toggle, told with what the toggle teaches; `cause` keeps what was thrown.
 */
export class DiagnosedFailure extends Error {
  readonly diagnostics: Diagnostic[]

  constructor(diagnostics: Diagnostic[], options: { cause?: unknown } = {}) {
    super(diagnostics.map((diagnostic) => diagnostic.message).join(' '), options)
    this.name = 'DiagnosedFailure'
    this.diagnostics = diagnostics
  }
}

/** `answer`: the response of the exchange that failed, when there was one, for its own words. */
export function describeRunFailure(
  thrown: unknown,
  answer?: HttpExchange['response'],
): Diagnostic[] {
  if (thrown instanceof DiagnosedFailure) return thrown.diagnostics
  // openid-client wraps what our fetch threw (a refused connection, a timeout) in its own error.
  const error = findAfxError(thrown) ?? thrown
  if (error instanceof AfxError) {
    return [
      {
        code: error.code,
        severity: 'error',
        message: error.message,
        hint: error.hint,
        ref: error.ref,
      },
    ]
  }
  if (isAwsServiceError(error)) return [describeCognitoError(error)]
  const oauth = error as OAuthLikeError
  if (typeof oauth?.error === 'string') return [describeProviderError(oauth)]
  const challenge = challengeError(oauth, answer)
  if (challenge) return [describeProviderError(challenge)]
  if (typeof oauth?.code === 'string' && oauth.code.startsWith('OAUTH_')) {
    return [describeBadAnswer(oauth.code, answer) ?? describeClientCheck(oauth)]
  }
  console.error(`[afx] run failed unexpectedly: ${describeForLog(error)}`)
  return [
    {
      code: 'INTERNAL_ERROR',
      severity: 'error',
      message: 'The run stopped on an unexpected error inside Auth Flow Explorer.',
      hint: 'This is a bug; the details are in the log of the process that runs the engine.',
    },
  ]
}

/** The provider answered with an OAuth error (token endpoint, or the authorization callback). */
function describeProviderError(error: OAuthLikeError): Diagnostic {
  const known = hintForOAuthError(error.error ?? '', error.error_description)
  const words = error.error_description ? `: "${error.error_description}"` : ''
  const uri = errorUriOf(error)
  return {
    code: `OAUTH_${(error.error ?? 'error').toUpperCase()}`,
    severity: 'error',
    message: `The provider refused with ${error.error}${words}${error.status ? ` (HTTP ${error.status})` : ''}.${uri === undefined ? '' : ` It points to ${JSON.stringify(uri)} for more (shown, never opened).`}`,
    hint:
      known?.hint ??
      "Read the provider's description above; the error is not a standard OAuth one.",
    ref: known?.ref,
  }
}

/**
 * Cognito refused a call: its exception and words, with what to change.
 * @see https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/CommonErrors.html
 */
function describeCognitoError(error: AwsServiceError): Diagnostic {
  const known = hintForCognitoError(error.name, error.message)
  const status = error.$metadata?.httpStatusCode
  const words = error.name.replace(/Exception$/, '').replace(/([a-z0-9])([A-Z])/g, '$1_$2')
  return {
    code: `COGNITO_${words.toUpperCase()}`,
    severity: 'error',
    message: `Cognito refused with ${error.name}: "${error.message}"${status ? ` (HTTP ${status})` : ''}.`,
    hint: known?.hint ?? "Read Cognito's message above; this exception has no hint here yet.",
    ref: known?.ref,
  }
}

const isAwsServiceError = (error: unknown): error is AwsServiceError =>
  error instanceof Error && typeof (error as Partial<AwsServiceError>).$fault === 'string'

/** openid-client refused what the provider sent (state, iss, nonce, a malformed answer). */
function describeClientCheck(error: OAuthLikeError): Diagnostic {
  const detail = error.cause instanceof Error ? error.cause.message : undefined
  // openid-client often repeats its message as the cause's: say it once.
  const text = `${error.message}${detail && detail !== error.message ? `: ${detail}` : ''}`
  if (/"state"/.test(text)) {
    return {
      code: 'OAUTH_STATE_MISMATCH',
      severity: 'error',
      message: `The state that came back is not the one sent (${text}).`,
      hint: 'Another login answered this callback, or the state was changed; start the run again.',
      ref: 'RFC 6749 §10.12',
    }
  }
  if (/JWT "iss"/.test(text)) {
    return {
      code: 'OAUTH_ID_TOKEN_ISS_MISMATCH',
      severity: 'error',
      message: `The ID token's iss claim is not the provider's issuer (${text}).`,
      hint: "Another issuer made this ID token, or the profile's issuer is not the provider's exact issuer identifier (compare them character by character, trailing slash included).",
      ref: 'OIDC Core §3.1.3.7 step 2',
    }
  }
  if (/"iss"/.test(text)) return describeIssProblem(text)
  if (/nonce/.test(text)) {
    return {
      code: 'OAUTH_NONCE_MISMATCH',
      severity: 'error',
      message: `The ID token's nonce is not the one sent (${text}).`,
      hint: 'The ID token may be replayed from another login.',
      ref: 'OIDC Core §3.1.3.7 step 11',
    }
  }
  return {
    code: error.code ?? 'OAUTH_INVALID_RESPONSE',
    severity: 'error',
    message: `The provider's answer did not pass openid-client's checks: ${text}.`,
    hint: 'The provider sent something that does not follow the specification.',
  }
}

/**
 * The authorization response's iss: missing although the provider promises it, or another one.
 * @see RFC 9207 §2.4 https://www.rfc-editor.org/rfc/rfc9207#section-2.4
 */
function describeIssProblem(text: string): Diagnostic {
  if (/missing/.test(text)) {
    return {
      code: 'OAUTH_ISS_MISSING',
      severity: 'error',
      message: `The authorization response has no iss parameter (${text}).`,
      hint: 'The provider advertises authorization_response_iss_parameter_supported, so every answer it sends names it. One without it did not come straight from this provider: a proxy or a pasted URL dropped it, or another provider answered (a mix-up attack).',
      ref: 'RFC 9207 §2.4',
    }
  }
  return {
    code: 'OAUTH_ISS_MISMATCH',
    severity: 'error',
    message: `The iss parameter of the authorization response names another issuer (${text}).`,
    hint: "The answer came from a provider other than the one this run sent the user to (a mix-up attack), or the issuer in the profile is not the provider's exact issuer identifier.",
    ref: 'RFC 9207 §2.4',
  }
}

function findAfxError(error: unknown): AfxError | undefined {
  let current: unknown = error
  for (let depth = 0; depth < 4 && current; depth++) {
    if (current instanceof AfxError) return current
    current = (current as { cause?: unknown }).cause
  }
  return undefined
}

/**
 * A 401 with `WWW-Authenticate` (a rejected client or token): openid-client keeps the parsed
 * challenges in `cause`; the first one that names an OAuth error is the provider's answer. A
 * token endpoint may instead challenge with `Basic` and put the error in its JSON body, as RFC
 * 6749 §5.2 has it for invalid_client: then the body says it.
 * @see RFC 6750 §3 (the WWW-Authenticate response header)
 */
function challengeError(
  error: OAuthLikeError,
  answer: HttpExchange['response'],
): OAuthLikeError | undefined {
  if (error?.code !== 'OAUTH_WWW_AUTHENTICATE_CHALLENGE') return undefined
  const challenges = Array.isArray(error.cause)
    ? (error.cause as { parameters?: Record<string, string> }[])
    : []
  const named =
    challenges.map((challenge) => challenge.parameters ?? {}).find((p) => p.error) ??
    oauthErrorIn(answer?.body)
  if (named?.error === undefined) return undefined
  return Object.assign(new Error(named.error), {
    error: named.error,
    error_description: named.error_description,
    status: error.status,
  })
}

/**
 * The error_uri the provider sent with its error (in the callback's query, or the token answer's
 * JSON): a page for a person, so it is only shown, as text, whatever scheme it has.
 * @see RFC 6749 §4.1.2.1, §5.2; security.md §7.2 #28
 */
function errorUriOf(error: OAuthLikeError): string | undefined {
  const cause = error.cause
  const uri =
    cause instanceof URLSearchParams
      ? cause.get('error_uri')
      : (cause as { error_uri?: unknown } | undefined)?.error_uri
  return typeof uri === 'string' && uri !== '' ? uri.slice(0, 500) : undefined
}

/** `{ error, error_description }` of a JSON error body, if that is what it is. */
function oauthErrorIn(body: string | undefined): Record<string, string> | undefined {
  try {
    const parsed: unknown = JSON.parse(body ?? '')
    const { error, error_description } = (parsed ?? {}) as Record<string, unknown>
    if (typeof error !== 'string') return undefined
    return {
      error,
      ...(typeof error_description === 'string' ? { error_description } : {}),
    }
  } catch {
    return undefined
  }
}
