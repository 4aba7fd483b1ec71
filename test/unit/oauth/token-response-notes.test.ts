// A token response openid-client accepts but whose form breaks RFC 6749 §5.1 is flagged, in the
// body as it arrived (oauth4webapi turns a numeric string into a number before a flow sees it).
import { describe, expect, it } from 'vitest'
import { noteTokenResponse } from '../../../electron/core/oauth/token-response-notes'

describe('noteTokenResponse', () => {
  it('warns about expires_in sent as a string, naming the rule and what was sent', () => {
    const notes = noteTokenResponse(
      JSON.stringify({ access_token: 'x', token_type: 'Bearer', expires_in: '3600' }),
    )

    expect(notes).toEqual([
      expect.objectContaining({
        code: 'OAUTH_EXPIRES_IN_NOT_A_NUMBER',
        severity: 'warning',
        ref: 'RFC 6749 §5.1',
      }),
    ])
    expect(notes[0]?.message).toMatch(/^expires_in is a string \("3600"\); RFC 6749 §5\.1 says/)
    expect(notes[0]?.hint).toMatch(/as a JSON number: 3600,/)
  })

  it.each([
    ['expires_in as a number', JSON.stringify({ access_token: 'x', expires_in: 3600 })],
    ['no expires_in (RECOMMENDED, may be absent)', JSON.stringify({ access_token: 'x' })],
    ['a body that is not JSON (openid-client refuses it in words)', '<html>'],
    ['JSON null', 'null'],
  ])('says nothing for %s', (_case, body) => {
    expect(noteTokenResponse(body)).toEqual([])
  })
})
