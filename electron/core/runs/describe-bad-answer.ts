// When openid-client refuses an answer for its form (not JSON, an unexpected status, an empty or
// broken body), its own words are bare ("unexpected response content-type"). The recorded
// exchange says what actually came: the status, the content type, where a redirect pointed, how
// the body starts. Those are the words a person needs.
import type { Diagnostic, HttpExchange } from '../../../shared/run-model'

type Answer = NonNullable<HttpExchange['response']>

/** A diagnostic in the answer's own terms, or undefined when the code is not about its form. */
export function describeBadAnswer(
  code: string,
  answer: Answer | undefined,
): Diagnostic | undefined {
  if (!answer) return undefined
  const type = answer.headers['content-type'] ?? 'no content type'
  const start = bodyStart(answer.body ?? '')
  const quoted = start ? `: "${start}"` : ''
  switch (code) {
    case 'OAUTH_RESPONSE_IS_NOT_JSON':
      return {
        code,
        severity: 'error',
        message: `The provider answered with ${type} (HTTP ${answer.status}), not JSON${quoted}.`,
        hint: 'This URL serves a page, not the OAuth endpoint: check the issuer and the endpoint paths (a login page or a proxy often answers instead).',
      }
    case 'OAUTH_RESPONSE_IS_NOT_CONFORM':
      if (answer.status >= 300 && answer.status < 400) {
        return {
          code,
          severity: 'error',
          message: `The provider answered HTTP ${answer.status}, a redirect to ${answer.headers.location ?? 'nowhere'}, which an OAuth client does not follow.`,
          hint: 'The endpoint URL has moved, or a proxy redirects it: use the URL it finally answers at.',
          ref: 'RFC 6749 §3.1, §3.2',
        }
      }
      return {
        code,
        severity: 'error',
        message: `The provider answered HTTP ${answer.status}${quoted}, which this request does not expect.`,
        hint:
          answer.status >= 500
            ? 'The provider failed: try again later, or ask its operators.'
            : 'Check the endpoint URL and the request.',
      }
    case 'OAUTH_PARSE_ERROR':
      return {
        code,
        severity: 'error',
        message: start
          ? `The provider's answer is not valid JSON (HTTP ${answer.status})${quoted}.`
          : `The provider answered HTTP ${answer.status} with an empty body, where JSON was expected.`,
        hint: 'The endpoint is broken or is not the OAuth endpoint.',
      }
    default:
      return undefined
  }
}

/** The first words of a body, tags dropped and white space folded. */
function bodyStart(body: string): string {
  const text = body
    .replace(/<[^>]*>/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
  return text.length > 100 ? `${text.slice(0, 99)}…` : text
}
