// The small judgements flows make on what came back: a device poll still pending, a page that
// refuses the redirect URI, a refresh token rotated or not.
import { describe, expect, it } from 'vitest'
import { describePendingPoll } from '../../../electron/core/oauth/device-poll-answer'
import { refusalWords } from '../../../electron/core/oauth/redirect-refusal'
import { compareRefreshTokens } from '../../../electron/core/oauth/refresh-flow'

describe('describePendingPoll', () => {
  it.each([
    ['authorization_pending', 'OAUTH_AUTHORIZATION_PENDING', 'info'],
    ['slow_down', 'OAUTH_SLOW_DOWN', 'warning'],
  ])('makes %s a note, not a failure', (error, code, severity) => {
    expect(describePendingPoll(400, JSON.stringify({ error }))).toMatchObject({ code, severity })
  })

  it.each(['access_denied', 'expired_token'])('leaves %s to end the run', (error) => {
    expect(describePendingPoll(400, JSON.stringify({ error }))).toBeUndefined()
  })

  it('ignores anything that is not an OAuth error body', () => {
    expect(describePendingPoll(400, '<html>')).toBeUndefined()
    expect(describePendingPoll(500, '{"error":"authorization_pending"}')).toBeUndefined()
  })
})

describe('refusalWords', () => {
  it("quotes an error page's words about the redirect URI", () => {
    const page = `<h1>Oops</h1><p><code>invalid_redirect_uri</code>: redirect_uri did not match any of the client&#39;s registered redirect_uris</p>`
    expect(refusalWords(400, '', page)).toBe(
      "Oops invalid_redirect_uri : redirect_uri did not match any of the client's registered redirect_uris",
    )
  })

  it("recognises Cognito's redirect to its error page", () => {
    expect(refusalWords(302, '/error?error=redirect_mismatch&client_id=abc', '')).toBe(
      'error=redirect_mismatch',
    )
  })

  it('never reads a sign-in page as a refusal, even with redirect_uri in a form', () => {
    expect(refusalWords(200, '', '<input name="redirect_uri" value="x">')).toBeUndefined()
    expect(refusalWords(303, '/interaction/abc', '')).toBeUndefined()
    expect(refusalWords(400, '', '<p>invalid_client</p>')).toBeUndefined()
  })
})

describe('compareRefreshTokens', () => {
  it('says rotated only when a different refresh token came back', () => {
    expect(compareRefreshTokens('rt-1', 'rt-2')).toMatchObject({ rotated: true })
    expect(compareRefreshTokens('rt-1', 'rt-1')).toMatchObject({ rotated: false })
    expect(compareRefreshTokens('rt-1', undefined)).toMatchObject({ rotated: false })
  })

  it('never puts either value in what it says', () => {
    for (const returned of ['refresh-token-new', 'refresh-token-old', undefined]) {
      const said = JSON.stringify(compareRefreshTokens('refresh-token-old', returned))
      expect(said).not.toMatch(/refresh-token-(old|new)/)
    }
  })
})
