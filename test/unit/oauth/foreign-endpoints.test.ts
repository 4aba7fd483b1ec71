// Endpoints on another host than the issuer: said once, by name and host, on the discovery step.
import { describe, expect, it } from 'vitest'
import { foreignEndpointNotes } from '../../../electron/core/oauth/foreign-endpoints'

const ISSUER = 'https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_Abc123'

describe('foreignEndpointNotes', () => {
  it('names each credential endpoint on another origin', () => {
    const [note, ...rest] = foreignEndpointNotes({
      issuer: ISSUER,
      authorization_endpoint: 'https://app.auth.eu-west-1.amazoncognito.com/oauth2/authorize',
      token_endpoint: 'https://app.auth.eu-west-1.amazoncognito.com/oauth2/token',
      userinfo_endpoint: 'https://app.auth.eu-west-1.amazoncognito.com/oauth2/userInfo',
      jwks_uri: `${ISSUER}/.well-known/jwks.json`,
    })
    expect(rest).toEqual([])
    expect(note).toMatchObject({
      code: 'OAUTH_ENDPOINTS_ELSEWHERE',
      severity: 'info',
      message:
        'Some endpoints are on another host than the issuer (https://cognito-idp.eu-west-1.amazonaws.com): token_endpoint at https://app.auth.eu-west-1.amazoncognito.com, userinfo_endpoint at https://app.auth.eu-west-1.amazoncognito.com.',
    })
  })

  it('says nothing when every endpoint is on the issuer’s origin, or the issuer is no URL', () => {
    expect(
      foreignEndpointNotes({
        issuer: 'https://idp.example',
        token_endpoint: 'https://idp.example/t',
      }),
    ).toEqual([])
    expect(
      foreignEndpointNotes({ issuer: 'urn:x', token_endpoint: 'https://a.example/t' }),
    ).toEqual([])
  })
})
