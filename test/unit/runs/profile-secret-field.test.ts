// Which secrets of a run a replay after a restart may take from the saved profile again: a
// client's secret or key for any flow, a test user's password and TOTP secret for a Cognito
// sign-in only (a sign-up's password is the new user's, which no profile keeps).
import { describe, expect, it } from 'vitest'
import { profileSecretField } from '../../../electron/core/runs/redact-start-input'

describe('profileSecretField', () => {
  it('names the field a profile fills in, for a run from a profile', () => {
    const signIn = { flow: 'cognito', profile: 'Pool' }
    expect(profileSecretField(signIn, 'client_secret')).toBe('clientSecret')
    expect(profileSecretField(signIn, 'password')).toBe('password')
    expect(profileSecretField(signIn, 'totp_secret')).toBe('totpSecret')
    expect(profileSecretField(signIn, 'code')).toBeUndefined()
    expect(profileSecretField({ flow: 'client_credentials', profile: 'P' }, 'private_key')).toBe(
      'privateKeyJwk',
    )
  })

  it('leaves a sign-up’s password, and any run without a profile, to be given again', () => {
    expect(profileSecretField({ flow: 'cognito-account', profile: 'Pool' }, 'password')).toBe(
      undefined,
    )
    expect(profileSecretField({ flow: 'cognito' }, 'password')).toBeUndefined()
    expect(profileSecretField({ flow: 'cognito' }, 'client_secret')).toBeUndefined()
  })
})
