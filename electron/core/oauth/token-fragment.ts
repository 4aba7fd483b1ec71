// The answer of the OAuth 2.0 implicit grant (response_type=token), read by hand: openid-client
// has no API for it. It arrives in the fragment; nothing signs it, so only iss and state bind it
// to this request.
// @see RFC 6749 §4.2.2 https://www.rfc-editor.org/rfc/rfc6749#section-4.2.2, RFC 9207 §2.4
import * as oidc from 'openid-client'
import type { Diagnostic } from '../../../shared/run-model'

export type TokenFragmentExpectations = {
  state: string
  issuer: string
  /** The provider advertises authorization_response_iss_parameter_supported. */
  issRequired: boolean
}

export type TokenFragment = {
  diagnostics: Diagnostic[]
  accessToken: string | undefined
  /** What is safe to show: everything but the token itself. */
  outputs: Record<string, string>
}

/**
 * Reads an access token answer. An error answer is thrown as openid-client's
 * AuthorizationResponseError, so it is described like every other refusal.
 * @see RFC 6749 §4.2.2, §4.2.2.1 https://www.rfc-editor.org/rfc/rfc6749#section-4.2.2.1
 */
export function readTokenFragment(
  params: URLSearchParams,
  expected: TokenFragmentExpectations,
): TokenFragment {
  if (params.has('error')) {
    throw new oidc.AuthorizationResponseError(
      'authorization response from the server is an error',
      {
        cause: params,
      },
    )
  }
  const accessToken = params.get('access_token') ?? undefined
  const diagnostics = [
    checkIss(params.get('iss'), expected),
    params.get('state') === expected.state
      ? pass('OAUTH_STATE_OK', 'state is the one sent.', 'RFC 6749 §4.2.2')
      : problem('OAUTH_STATE_MISMATCH', 'The state that came back is not the one sent.', {
          hint: 'Another sign-in answered, or the state was changed; start the run again.',
          ref: 'RFC 6749 §10.12',
        }),
    accessToken
      ? pass('OAUTH_ACCESS_TOKEN_RECEIVED', 'An access token came back.', 'RFC 6749 §4.2.2')
      : problem('OAUTH_ACCESS_TOKEN_MISSING', 'The answer carries no access_token.', {
          hint: 'With response_type=token the answer must carry access_token and token_type.',
          ref: 'RFC 6749 §4.2.2',
        }),
    /^bearer$/i.test(params.get('token_type') ?? '')
      ? pass('OAUTH_TOKEN_TYPE_OK', 'token_type is Bearer.', 'RFC 6750 §4')
      : problem('OAUTH_TOKEN_TYPE_UNEXPECTED', `token_type is "${params.get('token_type')}".`, {
          hint: 'Only Bearer tokens can be used as they are; other types need more (DPoP, MAC).',
          ref: 'RFC 6749 §7.1',
        }),
  ]
  const outputs = Object.fromEntries(
    [...params].filter(([name]) => name !== 'access_token' && name !== 'state'),
  )
  return { diagnostics, accessToken, outputs }
}

/** @see RFC 9207 §2.4 https://www.rfc-editor.org/rfc/rfc9207#section-2.4 */
function checkIss(iss: string | null, expected: TokenFragmentExpectations): Diagnostic {
  if (iss === expected.issuer)
    return pass('OAUTH_ISS_OK', 'iss names this provider.', 'RFC 9207 §2.4')
  if (iss === null && !expected.issRequired) {
    return pass(
      'OAUTH_ISS_NOT_SENT',
      'No iss, and the provider does not promise one.',
      'RFC 9207 §2.4',
    )
  }
  return problem(
    iss === null ? 'OAUTH_ISS_MISSING' : 'OAUTH_ISS_MISMATCH',
    iss === null
      ? 'The answer has no iss, though the provider advertises authorization_response_iss_parameter_supported.'
      : `The answer's iss is "${iss}", not this provider's "${expected.issuer}".`,
    {
      hint: 'The answer may come from another provider (a mix-up attack), or something on the way dropped the parameter.',
      ref: 'RFC 9207 §2.4',
    },
  )
}

const pass = (code: string, message: string, ref: string): Diagnostic => ({
  code,
  severity: 'info',
  message,
  ref,
})

const problem = (
  code: string,
  message: string,
  more: { hint: string; ref: string },
): Diagnostic => ({
  code,
  severity: 'error',
  message,
  ...more,
})
