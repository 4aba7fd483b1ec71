// Why the listener refused a request, in words for the browser page and for the run's
// diagnostics. A refusal never settles a sign-in: an attacker must not be able to end one.
// @see RFC 6749 §10.12 https://www.rfc-editor.org/rfc/rfc6749#section-10.12

export type RefusalReason =
  | 'foreign-host'
  | 'not-found'
  | 'method-not-allowed'
  | 'uri-too-long'
  | 'headers-too-large'
  | 'body-too-large'
  | 'unsupported-media-type'
  | 'foreign-origin'
  | 'malformed'
  | 'slow-request'
  | 'repeated-parameter'
  | 'missing-state'
  | 'unknown-state'
  | 'already-completed'
  | 'cancelled'
  | 'timed-out'
  | 'internal-error'

export type Refusal = {
  reason: RefusalReason
  status: number
  title: string
  message: string
  hint?: string
  ref?: string
}

/** What a run shows for "a stray callback arrived". Never holds a query, a body or a token. */
export type LoopbackStray = Omit<Refusal, 'title'> & {
  code: 'LOOPBACK_BAD_REQUEST'
  /** ISO 8601. */
  at: string
  method?: string
  /** The path alone, without its query. */
  path?: string
  /** Only a state that belongs to a sign-in of this listener (one that has ended). */
  state?: string
}

const IGNORED = 'It was ignored; no sign-in was affected.'

const REFUSALS: Record<RefusalReason, Omit<Refusal, 'reason'>> = {
  'foreign-host': {
    status: 421,
    title: 'Wrong address',
    message: `This request named a host other than 127.0.0.1, [::1] or localhost. ${IGNORED}`,
    hint: 'A web page using its own domain name to reach this listener is what DNS rebinding looks like.',
    ref: 'RFC 8252 §8.3',
  },
  'not-found': {
    status: 404,
    title: 'Nothing here',
    message: 'Auth Flow Explorer listens only at the redirect path of its sign-ins.',
    hint: 'Compare the path with the redirect URI the run sent.',
  },
  'method-not-allowed': {
    status: 405,
    title: 'Method not allowed',
    message: `A sign-in answer arrives by GET (query or fragment) or by POST (form_post). ${IGNORED}`,
  },
  'uri-too-long': {
    status: 414,
    title: 'Address too long',
    message: `The address is over 8 KB, far more than a sign-in answer needs. ${IGNORED}`,
  },
  'headers-too-large': {
    status: 431,
    title: 'Request too large',
    message: `The address and headers are over 16 KB, far more than a sign-in answer needs. ${IGNORED}`,
  },
  'body-too-large': {
    status: 413,
    title: 'Answer too large',
    message: `The posted answer is over 64 KB, far more than a sign-in answer needs. ${IGNORED}`,
  },
  'unsupported-media-type': {
    status: 415,
    title: 'Unexpected content type',
    message: `A form_post answer must be application/x-www-form-urlencoded. ${IGNORED}`,
    ref: 'OAuth 2.0 Form Post Response Mode §2',
  },
  'foreign-origin': {
    status: 403,
    title: 'Refused',
    message: `Only the listener's own relay page may deliver a fragment answer. ${IGNORED}`,
  },
  malformed: {
    status: 400,
    title: 'Unreadable request',
    message: `The request could not be read as a sign-in answer. ${IGNORED}`,
  },
  'slow-request': {
    status: 408,
    title: 'Too slow',
    message: 'The request took too long to arrive, so the connection was closed.',
  },
  'repeated-parameter': {
    status: 400,
    title: 'Repeated parameter',
    message: `A parameter appears more than once, which an authorization response must never do. ${IGNORED}`,
    ref: 'RFC 6749 §3.1',
  },
  'missing-state': {
    status: 400,
    title: 'Unknown sign-in',
    message:
      'This answer carries no state, so it cannot belong to a sign-in Auth Flow Explorer started. It was ignored; the sign-in keeps waiting.',
    hint: 'The provider dropped state, or something other than the provider sent this request.',
    ref: 'RFC 6749 §10.12',
  },
  'unknown-state': {
    status: 400,
    title: 'Unknown sign-in',
    message:
      'This sign-in attempt is unknown or has expired. It was ignored; a sign-in in progress keeps waiting.',
    hint: 'An answer for another run, an old tab, or a forged request.',
    ref: 'RFC 6749 §10.12',
  },
  'already-completed': {
    status: 409,
    title: 'Already completed',
    message:
      'This sign-in already received its answer. This second one was ignored, so no code is used twice.',
    ref: 'RFC 6749 §4.1.2',
  },
  cancelled: {
    status: 410,
    title: 'Sign-in cancelled',
    message: 'This sign-in was cancelled, so its answer was ignored. Start a new one from the app.',
  },
  'timed-out': {
    status: 410,
    title: 'Sign-in expired',
    message:
      'This sign-in stopped waiting before its answer arrived. Start a new one from the app.',
  },
  'internal-error': {
    status: 500,
    title: 'Something went wrong',
    message: 'Auth Flow Explorer could not handle this request; the run shows the details.',
  },
}

/**
 * The words and status for a refusal.
 * @see RFC 9110 §15.5 (client error status codes) https://www.rfc-editor.org/rfc/rfc9110#section-15.5
 */
export function describeRefusal(reason: RefusalReason): Refusal {
  return { reason, ...REFUSALS[reason] }
}
