import { describe, expect, it } from 'vitest'
import { buildCognitoLogoutUrl } from '../../../electron/core/oauth/cognito-logout-url'

describe("Cognito's hosted UI logout URL", () => {
  const domain = 'https://afx-demo.auth.eu-west-1.amazoncognito.com'

  it('names the app client and the sign-out URL, encoded, and nothing else', () => {
    const url = buildCognitoLogoutUrl(
      `${domain}/logout`,
      '1example23456789',
      'http://localhost:3000/signed-out?from=afx',
    )
    expect(url.href).toBe(
      `${domain}/logout?client_id=1example23456789&logout_uri=http%3A%2F%2Flocalhost%3A3000%2Fsigned-out%3Ffrom%3Dafx`,
    )
  })

  it('adds /logout to a bare hosted UI domain', () => {
    expect(buildCognitoLogoutUrl(domain, 'c', 'https://app.example/').pathname).toBe('/logout')
  })
})
