// Notes on a token response that openid-client accepts although its form breaks the rule: an
// expires_in sent as a string. oauth4webapi reads numeric strings on purpose (some providers send
// them) and hands the flow a number, so only the body as it arrived can show it; the run goes on,
// and the person learns what a stricter client would refuse.
// @see RFC 6749 §5.1 (expires_in, "the lifetime in seconds of the access token"; JSON numbers)
import type { Diagnostic } from '../../../shared/run-model'

/**
 * The warnings about a token response body as received (JSON text); none when it is fine or is
 * not JSON at all (openid-client refuses that with its own words).
 * @see RFC 6749 §5.1 https://www.rfc-editor.org/rfc/rfc6749#section-5.1
 */
export function noteTokenResponse(body: string): Diagnostic[] {
  let parsed: unknown
  try {
    parsed = JSON.parse(body)
  } catch {
    return []
  }
  const expiresIn = (parsed as { expires_in?: unknown } | null)?.expires_in
  if (typeof expiresIn !== 'string') return []
  return [
    {
      code: 'OAUTH_EXPIRES_IN_NOT_A_NUMBER',
      severity: 'warning',
      message: `expires_in is a string (${JSON.stringify(expiresIn)}); RFC 6749 §5.1 says it is a number of seconds. openid-client read it as a number and went on; a stricter client would refuse this response.`,
      hint: `Ask the provider to send expires_in as a JSON number: ${expiresIn.trim() || '3600'}, without quotes.`,
      ref: 'RFC 6749 §5.1',
    },
  ]
}
