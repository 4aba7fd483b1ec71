// What a saved Cognito profile gives an OAuth flow: the pool's issuer (its discovery document)
// without a hosted UI; with one, the hosted UI's own endpoints, the pool's JWKS, and its /logout.
import { describe, expect, it } from 'vitest'
import { cognitoLogoutEndpointOf, flowProviderOf } from '../../../shared/profile-to-flow'
import type { ProfileProvider } from '../../../shared/workspace-model'

const pool = {
  kind: 'cognito',
  region: 'eu-west-1',
  userPoolId: 'eu-west-1_Abc123',
} as const satisfies ProfileProvider

describe('a Cognito profile as an OAuth provider', () => {
  it('is its issuer, for discovery, without a hosted UI domain', () => {
    expect(flowProviderOf(pool)).toEqual({
      issuer: 'https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_Abc123',
    })
    expect(cognitoLogoutEndpointOf(pool)).toBeUndefined()
  })

  it.each(['https://myapp.auth.eu-west-1.amazoncognito.com', 'https://login.example.com/'])(
    'names the hosted UI endpoints of %s',
    (hostedUiDomain) => {
      const ui = hostedUiDomain.replace(/\/$/, '')
      expect(flowProviderOf({ ...pool, hostedUiDomain })).toEqual({
        endpoints: {
          issuer: 'https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_Abc123',
          authorization_endpoint: `${ui}/oauth2/authorize`,
          token_endpoint: `${ui}/oauth2/token`,
          userinfo_endpoint: `${ui}/oauth2/userInfo`,
          revocation_endpoint: `${ui}/oauth2/revoke`,
          jwks_uri:
            'https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_Abc123/.well-known/jwks.json',
        },
      })
      expect(cognitoLogoutEndpointOf({ ...pool, hostedUiDomain })).toBe(`${ui}/logout`)
    },
  )

  it('keeps the issuer of an endpoint that stands in for AWS (the sandbox)', () => {
    const sandbox = { ...pool, endpoint: 'http://127.0.0.1:9401/' }
    expect(flowProviderOf(sandbox)).toEqual({ issuer: 'http://127.0.0.1:9401/eu-west-1_Abc123' })
  })
})
