// What the run says to do about a provider's OAuth error: by the code, by the description where a
// catch-all code hides the cause, and for Cognito's userInfo refusing a token without openid.
import { describe, expect, it } from 'vitest'
import { hintForOAuthError } from '../../../electron/core/oauth/oauth-error-hints'

describe('hintForOAuthError', () => {
  it('explains an access token from Cognito’s own sign-in API refused by userInfo', () => {
    for (const error of ['invalid_token', 'insufficient_scope', 'invalid_request']) {
      expect(hintForOAuthError(error, 'Access token does not contain openid scope')?.hint).toMatch(
        /^userInfo answers only for an access token with the openid scope.*GetUser/,
      )
    }
  })

  it('falls back to the code’s own hint for other descriptions', () => {
    expect(hintForOAuthError('invalid_token', 'Access token has expired')?.ref).toBe(
      'RFC 6750 §3.1',
    )
    expect(hintForOAuthError('no_such_error')).toBeUndefined()
  })
})
