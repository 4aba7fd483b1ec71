// The exceptions the sandbox user pool answers with, named and worded as Amazon Cognito words them,
// so a client (and a person reading the run) sees exactly what a real pool would say.
// @see https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/CommonErrors.html

/** One `AWSCognitoIdentityProviderService` error: the `__type` and the `message` of the body. */
export class CognitoException extends Error {
  readonly type: string
  readonly status: number

  constructor(type: string, message: string, status = 400) {
    super(message)
    this.name = 'CognitoException'
    this.type = type
    this.status = status
  }
}

/** ResourceNotFoundException's message for a DEVICE_KEY the pool does not know (any more). */
export const DEVICE_NOT_FOUND = 'Device does not exist.'

const notAuthorized = (message: string) => new CognitoException('NotAuthorizedException', message)
const invalidParameter = (message: string) =>
  new CognitoException('InvalidParameterException', message)

/** Every error the sandbox pool can answer, with Cognito's own wording. */
export const cognitoErrors = {
  // The same words for a wrong password and an unknown user: Cognito's default
  // PreventUserExistenceErrors=ENABLED never tells a caller which usernames exist.
  incorrectCredentials: () => notAuthorized('Incorrect username or password.'),
  userNotConfirmed: () =>
    new CognitoException('UserNotConfirmedException', 'User is not confirmed.'),
  alreadyConfirmed: (status: string) =>
    notAuthorized(`User cannot be confirmed. Current status is ${status}`),
  alreadyConfirmedResend: () => invalidParameter('User is already confirmed.'),
  unauthorizedAttribute: () => notAuthorized('A client attempted to write unauthorized attribute'),
  invalidMfaChoice: (answer: string) =>
    invalidParameter(`${answer} is not an MFA type this user can choose.`),
  // Cognito's wording for an ANSWER outside AvailableChallenges is undocumented; this is ours.
  challengeNotAvailable: (answer: string) =>
    invalidParameter(`${answer} is not one of the AvailableChallenges for this user.`),
  usernameExists: () => new CognitoException('UsernameExistsException', 'User already exists'),

  userPoolNotFound: (poolId: string) =>
    new CognitoException('ResourceNotFoundException', `User pool ${poolId} does not exist.`),
  clientNotFound: (clientId: string) =>
    new CognitoException(
      'ResourceNotFoundException',
      `User pool client ${clientId} does not exist.`,
    ),
  flowNotEnabled: (flow: string) => invalidParameter(`${flow} flow not enabled for this client`),
  flowNotSupported: () => invalidParameter('Initiate Auth method not supported.'),
  secretHashMissing: (clientId: string) =>
    notAuthorized(`Client ${clientId} is configured for secret but secret was not received`),
  secretHashMismatch: (clientId: string) =>
    notAuthorized(`Unable to verify secret hash for client ${clientId}`),
  clientSecretMismatch: (clientId: string) =>
    notAuthorized(`Unable to verify client secret for client ${clientId}`),

  missingParameter: (name: string) => invalidParameter(`Missing required parameter ${name}`),
  // Cognito echoes the offending value except for secrets; null means the member was missing.
  validation: (field: string, constraint: string, value?: null) =>
    invalidParameter(
      `1 validation error detected: Value ${value === null ? 'null ' : ''}at '${field}' failed to satisfy constraint: ${constraint}`,
    ),
  enumValue: (value: string, field: string, allowed: readonly string[]) =>
    invalidParameter(
      `1 validation error detected: Value '${value}' at '${field}' failed to satisfy constraint: Member must satisfy enum value set: [${allowed.join(', ')}]`,
    ),
  invalidSrpA: () => invalidParameter('SRP_A is not valid.'),
  timestampFormat: () =>
    invalidParameter('TIMESTAMP format should be EEE MMM d HH:mm:ss z yyyy in english.'),
  usernameIsEmail: () =>
    invalidParameter(
      'Username cannot be of email format, since user pool is configured for email alias.',
    ),
  attributeRequired: (name: string) =>
    invalidParameter(
      `Attributes did not conform to the schema: ${name}: The attribute is required`,
    ),

  sessionExpired: () => notAuthorized('Invalid session for the user, session is expired.'),
  sessionUsed: () => notAuthorized('Invalid session for the user, session can only be used once.'),
  sessionInvalid: () => notAuthorized('Invalid session for the user.'),

  mfaCodeMismatch: () =>
    new CognitoException('CodeMismatchException', 'Invalid code received for user'),
  confirmationCodeMismatch: () =>
    new CognitoException(
      'CodeMismatchException',
      'Invalid verification code provided, please try again.',
    ),
  expiredCode: () =>
    new CognitoException(
      'ExpiredCodeException',
      'Invalid code provided, please request a code again.',
    ),
  softwareTokenMismatch: () =>
    new CognitoException(
      'EnableSoftwareTokenMFAException',
      'Code mismatch and fail enable Software Token MFA',
    ),
  mfaNotConfigured: (method: string) =>
    invalidParameter(`User does not have delivery config set to turn on ${method}`),
  // Cognito words the same rule two ways: one for a new password, one for SignUp.
  invalidPassword: (reason: string, atSignUp = false) =>
    new CognitoException(
      'InvalidPasswordException',
      atSignUp
        ? `Password did not conform with policy: ${reason}`
        : `Password does not conform to policy: ${reason}`,
    ),
  unknownAttribute: (name: string) =>
    invalidParameter(
      `Attributes did not conform to the schema: Type for attribute {${name}} could not be determined`,
    ),
  softwareTokenNotFound: () =>
    new CognitoException(
      'SoftwareTokenMFANotFoundException',
      'Software Token MFA does not exist for the user.',
    ),
  userLimit: () => new CognitoException('LimitExceededException', 'The sandbox user pool is full.'),

  // What AWS's clients see for a forgotten device, and answer by signing in again without it.
  deviceNotFound: () => new CognitoException('ResourceNotFoundException', DEVICE_NOT_FOUND),
  invalidDeviceKey: () => invalidParameter('Invalid device key given.'),
  // Cognito's wording for a verifier that is no SRP value is undocumented; this is ours.
  invalidDeviceVerifier: () =>
    invalidParameter('DeviceSecretVerifierConfig is not an SRP salt and verifier in base64.'),

  invalidAccessToken: () => notAuthorized('Invalid Access Token'),
  accessTokenExpired: () => notAuthorized('Access Token has expired'),
  accessTokenRevoked: () => notAuthorized('Access Token has been revoked'),
  invalidRefreshToken: () => notAuthorized('Invalid Refresh Token'),
  refreshTokenExpired: () => notAuthorized('Refresh Token has expired'),
  refreshTokenRevoked: () => notAuthorized('Refresh Token has been revoked'),
  // Cognito's wordings of these two rotation refusals are undocumented; these are ours.
  refreshTokenReused: () =>
    new CognitoException(
      'RefreshTokenReuseException',
      'Refresh token has been replaced by refresh token rotation and its grace period is over.',
    ),
  refreshNeedsRotationApi: () =>
    invalidParameter(
      'REFRESH_TOKEN_AUTH is not supported for app clients with refresh token rotation enabled. Use GetTokensFromRefreshToken.',
    ),
  unsupportedTokenType: () =>
    new CognitoException('UnsupportedTokenTypeException', 'Unsupported token type'),

  // An IAM-signed operation without a SigV4 signature: CommonErrors gives the name and 403, and
  // Cognito's endpoint words it so (x-amzn-ErrorMessage of an unsigned DescribeUserPool).
  missingAuthenticationToken: () =>
    new CognitoException(
      'MissingAuthenticationTokenException',
      'Missing Authentication Token',
      403,
    ),
  unknownOperation: (target: string) =>
    new CognitoException(
      'UnknownOperationException',
      `The sandbox user pool does not implement ${target || 'this operation'}.`,
    ),
  serialization: () =>
    new CognitoException('SerializationException', 'The request body is not a JSON object.'),
  bodyTooLarge: () =>
    new CognitoException('SerializationException', 'The request body is too large.', 413),
  internal: () => new CognitoException('InternalErrorException', 'Internal error.', 500),
}
