import * as oidc from 'openid-client'
import { describe, expect, it } from 'vitest'
import { describeRunFailure } from '../../../electron/core/runs/describe-run-failure'

/** A provider's refusal as openid-client throws it from a callback. */
const refusal = (params: Record<string, string>) =>
  new oidc.AuthorizationResponseError('authorization response from the server is an error', {
    cause: new URLSearchParams(params),
  })

/** One of openid-client's own checks failing, with the detail in `cause`. */
const clientCheck = (detail: string) =>
  Object.assign(new Error('invalid response encountered'), {
    code: 'OAUTH_INVALID_RESPONSE',
    cause: new Error(detail),
  })

describe('describeRunFailure', () => {
  it.each([
    ['unauthorized_client', undefined, /not allowed to use this grant type or response type/],
    ['invalid_scope', 'requested scope is not allowed', /scopes_supported/],
    ['access_denied', 'End-User aborted interaction', /pressed Deny/],
    ['unsupported_response_type', 'unsupported response_type requested', /token alone/],
    ['invalid_request', 'requested response_type is not allowed for this client', /response_types/],
    ['invalid_request', 'requested grant type is not allowed for this client', /grant_types/],
    ['invalid_request', 'redirect_uri did not match', /character for character/],
  ])('teaches what %s (%s) means', (error, description, hint) => {
    const [diagnostic] = describeRunFailure(
      refusal({ error, ...(description ? { error_description: description } : {}) }),
    )
    expect(diagnostic).toMatchObject({ code: `OAUTH_${error.toUpperCase()}`, severity: 'error' })
    expect(diagnostic?.hint).toMatch(hint)
  })

  it('tells a missing iss from another one', () => {
    const [missing] = describeRunFailure(clientCheck('response parameter "iss" (issuer) missing'))
    const [other] = describeRunFailure(
      clientCheck('unexpected "iss" (issuer) response parameter value'),
    )
    expect(missing).toMatchObject({ code: 'OAUTH_ISS_MISSING', ref: 'RFC 9207 §2.4' })
    expect(missing?.hint).toMatch(/authorization_response_iss_parameter_supported/)
    expect(other).toMatchObject({ code: 'OAUTH_ISS_MISMATCH', ref: 'RFC 9207 §2.4' })
  })
})
