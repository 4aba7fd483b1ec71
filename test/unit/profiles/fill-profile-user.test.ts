// A Cognito sign-in from a profile gets its test user's password and TOTP secret from the engine,
// only where the input leaves a gap, and is refused in words when a password is needed and none is
// given or kept.
import { describe, expect, it } from 'vitest'
import { AfxError } from '../../../electron/core/errors'
import { fillProfileUser } from '../../../electron/core/profiles/fill-profile-user'
import type { CognitoFlowInput } from '../../../shared/cognito-flow-input'
import type { StartRunInput } from '../../../shared/flow-input'
import type { TestUserSecret } from '../../../shared/workspace-model'

const KEPT: Record<string, Partial<Record<TestUserSecret, string>>> = {
  tom: { password: 'kept-password', totpSecret: 'KEPTTOTPSECRET23' },
  olga: {},
}

const asked: string[] = []
const lookup = (profile: string, username: string, field: TestUserSecret) => {
  asked.push(`${profile}/${username}/${field}`)
  return profile === 'Pool' ? KEPT[username]?.[field] : undefined
}

const signIn = (change: Partial<CognitoFlowInput> = {}): CognitoFlowInput => ({
  flow: 'cognito',
  profile: 'Pool',
  region: 'us-east-1',
  userPoolId: 'us-east-1_Sandbox01',
  clientId: 'web',
  username: 'tom',
  authFlow: 'USER_SRP_AUTH',
  mode: 'auto',
  ...change,
})

describe('fillProfileUser', () => {
  it('fills the password and the TOTP secret the profile keeps for the user named', () => {
    expect(fillProfileUser(signIn(), lookup)).toMatchObject({
      password: 'kept-password',
      totpSecret: 'KEPTTOTPSECRET23',
    })
  })

  it('keeps what the input gives: a password, a code, a TOTP secret', () => {
    expect(fillProfileUser(signIn({ password: 'typed' }), lookup)).toMatchObject({
      password: 'typed',
      totpSecret: 'KEPTTOTPSECRET23',
    })
    const withCode = fillProfileUser(signIn({ code: '123456' }), lookup)
    expect(withCode).toMatchObject({ password: 'kept-password', code: '123456' })
    expect('totpSecret' in withCode).toBe(false)
    expect(fillProfileUser(signIn({ totpSecret: 'GIVENSECRET' }), lookup)).toMatchObject({
      totpSecret: 'GIVENSECRET',
    })
  })

  it('looks nothing up for a refresh, a run without a profile, or another flow', () => {
    asked.length = 0
    const refresh = signIn({ authFlow: 'REFRESH_TOKEN_AUTH', refreshToken: 'opaque' })
    expect(fillProfileUser(refresh, lookup)).toBe(refresh)
    const noProfile = signIn({ profile: undefined })
    expect(fillProfileUser(noProfile, lookup)).toBe(noProfile)
    const account: StartRunInput = {
      flow: 'cognito-account',
      profile: 'Pool',
      action: 'sign-up',
      region: 'us-east-1',
      userPoolId: 'us-east-1_Sandbox01',
      clientId: 'web',
      username: 'tom',
      password: 'New-passw0rd',
      confirm: false,
      mode: 'auto',
    }
    expect(fillProfileUser(account, lookup)).toBe(account)
    expect(asked).toEqual([])
  })

  it('refuses in words a sign-in that needs a password neither given nor kept', () => {
    let error: unknown
    try {
      fillProfileUser(signIn({ username: 'olga' }), lookup)
    } catch (thrown) {
      error = thrown
    }
    expect(error).toBeInstanceOf(AfxError)
    expect(error).toMatchObject({
      code: 'RUN_INPUT_MISSING',
      message:
        'USER_SRP_AUTH needs the password, and the profile "Pool" keeps none for the user "olga".',
      hint: 'Give the password, or add "olga" with the password to the profile\'s test users.',
    })
    // Choice-based sign-in asks for it only if the factor chosen needs it.
    expect(fillProfileUser(signIn({ username: 'olga', authFlow: 'USER_AUTH' }), lookup)).toEqual(
      signIn({ username: 'olga', authFlow: 'USER_AUTH' }),
    )
  })
})
