// What a Cognito account run accepts, per action, and how it says what is missing or misplaced.
import { describe, expect, it } from 'vitest'
import { CognitoAccountInput } from '../../../shared/cognito-account-input'

const POOL = {
  flow: 'cognito-account',
  region: 'us-east-1',
  userPoolId: 'us-east-1_Sandbox01',
  clientId: 'afxsandboxpublicall0000002',
}

/** The first problem found, as `path: message`, or 'ok'. */
function verdict(fields: Record<string, unknown>): string {
  const parsed = CognitoAccountInput.safeParse({ ...POOL, ...fields })
  if (parsed.success) return 'ok'
  const issue = parsed.error.issues[0]
  return `${issue?.path.join('.')}: ${issue?.message}`
}

describe('CognitoAccountInput', () => {
  it.each([
    [
      {
        action: 'sign-up',
        username: 'u',
        password: 'Sandbox-u-1',
        attributes: { email: 'u@x.io' },
      },
    ],
    [{ action: 'sign-up', username: 'u', password: 'Sandbox-u-1', confirm: false }],
    [{ action: 'confirm-sign-up', username: 'u' }],
    [{ action: 'confirm-sign-up', username: 'u', code: '123456' }],
    [{ action: 'resend-code', username: 'u' }],
    [{ action: 'forgot-password', username: 'u', newPassword: 'Sandbox-u-2' }],
    [{ action: 'confirm-forgot-password', username: 'u', code: '123456' }],
    [
      {
        action: 'change-password',
        accessToken: 'eyJ…',
        password: 'Sandbox-u-1',
        newPassword: 'Sandbox-u-2',
      },
    ],
    [{ action: 'get-user', accessToken: 'eyJ…' }],
    [{ action: 'mfa-setup', accessToken: 'eyJ…', asAuthenticator: true }],
    [{ action: 'sign-out', accessToken: 'eyJ…' }],
    [{ action: 'revoke-token', refreshToken: 'eyJjdHk…' }],
  ])('accepts %j', (fields) => {
    expect(verdict(fields)).toBe('ok')
  })

  it.each([
    [{ action: 'sign-up', password: 'Sandbox-u-1' }, 'username: The user name is required.'],
    [
      { action: 'sign-up', username: 'u' },
      'password: Sign-up needs the password the new user will have.',
    ],
    [
      { action: 'sign-up', username: 'u', password: 'abc' },
      'password: A Cognito password is at least 6 characters (the shortest policy a pool can set).',
    ],
    [
      { action: 'change-password', password: 'Sandbox-u-1', newPassword: 'Sandbox-u-2' },
      'accessToken: Changing a password needs the access token of a sign-in of the user.',
    ],
    [
      { action: 'change-password', accessToken: 't', newPassword: 'Sandbox-u-2' },
      'password: Changing a password needs the current password.',
    ],
    [
      { action: 'sign-up', username: 'u', password: 'Sandbox-u-1', code: '123456' },
      'code: A code is not used by sign-up; it is for confirm-sign-up, confirm-forgot-password.',
    ],
    [
      { action: 'confirm-sign-up', username: 'u', confirm: false },
      'confirm: Confirming in the same run is not used by confirm-sign-up; it is for sign-up, resend-code, forgot-password.',
    ],
    [
      { action: 'forgot-password', username: 'u', attributes: { email: 'u@x.io' } },
      'attributes: Attributes is not used by forgot-password; it is for sign-up.',
    ],
    [
      { action: 'sign-up', username: 'u', password: 'Sandbox-u-1', attributes: { 'e mail': 'x' } },
      'attributes.e mail: An attribute name looks like email, phone_number or custom:team.',
    ],
    [
      { action: 'sign-out' },
      'accessToken: Signing out needs the access token of a sign-in of the user.',
    ],
    [{ action: 'revoke-token' }, 'refreshToken: Revoking needs the refresh token.'],
    [
      { action: 'get-user', accessToken: 't', asAuthenticator: true },
      'asAuthenticator: Acting as the authenticator is not used by get-user; it is for mfa-setup.',
    ],
    [
      { action: 'mfa-setup', accessToken: 't', code: '123456' },
      'code: A code is not used by mfa-setup; it is for confirm-sign-up, confirm-forgot-password.',
    ],
    [{ action: 'delete-user', username: 'u' }, expect.stringMatching(/^action: /)],
  ])('refuses %j in words', (fields, expected) => {
    expect(verdict(fields)).toEqual(expected)
  })
})
