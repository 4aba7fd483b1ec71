import { describe, expect, it } from 'vitest'
import { hintForCognitoError } from '../../../electron/core/cognito/cognito-error-hints'
import { describeRunFailure } from '../../../electron/core/runs/describe-run-failure'

/** What the AWS SDK throws for a Cognito error answer: `__type` as the name, `$fault`, `$metadata`. */
function serviceError(type: string, message: string): Error {
  return Object.assign(new Error(message), {
    name: type,
    $fault: 'client',
    $metadata: { httpStatusCode: 400 },
  })
}

describe('hintForCognitoError', () => {
  it.each([
    ['NotAuthorizedException', 'Unable to verify secret hash for client abc', /USER_ID_FOR_SRP/],
    [
      'NotAuthorizedException',
      'Client abc is configured for secret but secret was not received',
      /add it/,
    ],
    [
      'InvalidParameterException',
      'USER_SRP_AUTH is not enabled for the client.',
      /ALLOW_USER_SRP_AUTH/,
    ],
    [
      'InvalidParameterException',
      'CUSTOM_AUTH flow not enabled for this client',
      /ALLOW_CUSTOM_AUTH/,
    ],
    [
      'NotAuthorizedException',
      'Invalid session for the user, session is expired.',
      /AuthSessionValidity/,
    ],
    ['ExpiredCodeException', 'Invalid code provided, please request a code again.', /3 minutes/],
    ['PasswordResetRequiredException', 'Password reset required for the user', /ForgotPassword/],
  ])('%s "%s" → %s', (type, message, hint) => {
    expect(hintForCognitoError(type, message)?.hint).toMatch(hint)
  })

  it('knows nothing of an exception it has no entry for', () => {
    expect(hintForCognitoError('SomeNewException', 'Something new.')).toBeUndefined()
  })
})

describe('describeRunFailure for a Cognito refusal', () => {
  it("keeps Cognito's exception and words, and names the code in SCREAMING_SNAKE", () => {
    const [diagnostic] = describeRunFailure(
      serviceError('TooManyRequestsException', 'Rate exceeded'),
    )
    expect(diagnostic).toMatchObject({
      code: 'COGNITO_TOO_MANY_REQUESTS',
      severity: 'error',
      message: 'Cognito refused with TooManyRequestsException: "Rate exceeded" (HTTP 400).',
      hint: expect.stringContaining('do not retry in a loop'),
    })
  })

  it('says when there is no hint for an exception', () => {
    const [diagnostic] = describeRunFailure(serviceError('SomeNewException', 'Something new.'))
    expect(diagnostic).toMatchObject({ code: 'COGNITO_SOME_NEW', hint: expect.any(String) })
  })
})
