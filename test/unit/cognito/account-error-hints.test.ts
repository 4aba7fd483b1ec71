// The hints for what Cognito answers the account helpers (sign-up, confirmation, password reset
// and change), and that they leave the sign-in's own hints as they were.
import { describe, expect, it } from 'vitest'
import { hintForCognitoError } from '../../../electron/core/cognito/cognito-error-hints'

describe('hints for the account helpers', () => {
  it.each([
    ['UsernameExistsException', 'User already exists', /choose another name/],
    ['AliasExistsException', 'An account with the given email already exists.', /verified alias/],
    [
      'CodeMismatchException',
      'Invalid verification code provided, please try again.',
      /newest code sent/,
    ],
    [
      'ExpiredCodeException',
      'Invalid code provided, please request a code again.',
      /sign-up codes 24 hours \(resend the code\) and password-reset codes 1 hour/,
    ],
    [
      'NotAuthorizedException',
      'User cannot be confirmed. Current status is CONFIRMED',
      /^This user is CONFIRMED already/,
    ],
    ['InvalidParameterException', 'User is already confirmed.', /no sign-up code is sent/],
    [
      'InvalidPasswordException',
      'Password did not conform with policy: Password not long enough',
      /^The password breaks the pool's password policy: Password not long enough\. /,
    ],
    [
      'InvalidPasswordException',
      'Password does not conform to policy: Password must have symbol characters',
      /policy: Password must have symbol characters\. Cognito's default policy/,
    ],
    [
      'LimitExceededException',
      'Attempt limit exceeded, please try after some time.',
      /^Too many attempts for this user/,
    ],
    [
      'InvalidParameterException',
      'Cannot reset password for the user as there is no registered/verified email or phone_number',
      /only to a verified email or phone number/,
    ],
    [
      'NotAuthorizedException',
      'User password cannot be reset in the current state.',
      /temporary password/,
    ],
  ])('%s "%s" → %s', (type, message, hint) => {
    expect(hintForCognitoError(type, message)?.hint).toMatch(hint)
  })

  it.each([
    ['CodeMismatchException', 'Invalid code received for user', /authenticator's current code/],
    ['LimitExceededException', 'Exceeded daily email limit.', /^A Cognito limit was reached/],
    ['NotAuthorizedException', 'Incorrect username or password.', /PreventUserExistenceErrors/],
  ])('still gives the sign-in hint for %s "%s"', (type, message, hint) => {
    expect(hintForCognitoError(type, message)?.hint).toMatch(hint)
  })
})
