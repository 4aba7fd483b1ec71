// What a Cognito run accepts at the door: a refresh needs its token but no password (and no user
// name unless SECRET_HASH needs one), a sign-in needs the user, and answers given in advance are
// one code or one TOTP secret, never both.
import { describe, expect, it } from 'vitest'
import { CognitoFlowInput } from '../../../shared/cognito-flow-input'

const POOL = {
  flow: 'cognito',
  region: 'eu-west-1',
  userPoolId: 'eu-west-1_Abc123',
  clientId: 'client',
} as const

const problemsOf = (input: object) => {
  const parsed = CognitoFlowInput.safeParse({ ...POOL, ...input })
  return parsed.success ? [] : parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`)
}

describe('CognitoFlowInput', () => {
  it('takes a refresh with only the refresh token', () => {
    expect(problemsOf({ authFlow: 'REFRESH_TOKEN_AUTH', refreshToken: 'opaque' })).toEqual([])
  })

  it('refuses a refresh without the refresh token, naming the field', () => {
    expect(problemsOf({ authFlow: 'REFRESH_TOKEN_AUTH' })).toEqual([
      'refreshToken: REFRESH_TOKEN_AUTH needs the refresh token.',
    ])
  })

  it('still signs in by SRP by default, and needs the user and the password for it', () => {
    expect(CognitoFlowInput.parse({ ...POOL, username: 'u', password: 'p' }).authFlow).toBe(
      'USER_SRP_AUTH',
    )
    expect(problemsOf({})).toEqual([
      'username: The user name is required.',
      'password: USER_SRP_AUTH and USER_PASSWORD_AUTH need the password.',
    ])
  })

  it('takes a code or a base32 TOTP secret, not both', () => {
    const signIn = { username: 'u', password: 'p' }
    expect(problemsOf({ ...signIn, code: '123456' })).toEqual([])
    expect(problemsOf({ ...signIn, totpSecret: 'JBSWY3DPEHPK3PXP' })).toEqual([])
    expect(problemsOf({ ...signIn, code: '123456', totpSecret: 'JBSWY3DPEHPK3PXP' })).toEqual([
      'code: Give a code or a TOTP secret to compute codes from, not both.',
    ])
    expect(problemsOf({ ...signIn, totpSecret: 'JBSW-Y3DP' })).toEqual([
      'totpSecret: A TOTP secret is base32: the letters A-Z and the digits 2-7.',
    ])
  })
})
