// What each exception Cognito's user-pool API answers with means, and what to change. Cognito's
// message tells apart causes that share an exception (a wrong password and a wrong SECRET_HASH
// are both NotAuthorizedException), so messages are matched first.
// @see https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_InitiateAuth.html#API_InitiateAuth_Errors
// @see https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_RespondToAuthChallenge.html#API_RespondToAuthChallenge_Errors

type Hint = { hint: string; ref: string }

const REF_INITIATE = 'AWS Cognito API Reference, InitiateAuth (Errors)'
const REF_RESPOND = 'AWS Cognito API Reference, RespondToAuthChallenge (Errors)'
const REF_SECRET_HASH = 'Cognito Developer Guide, computing secret hash values'
const REF_CONFIRM_SIGN_UP = 'AWS Cognito API Reference, ConfirmSignUp (Errors)'
const REF_FORGOT_PASSWORD = 'AWS Cognito API Reference, ForgotPassword (Errors)'
const REF_ROTATION = 'AWS Cognito API Reference, GetTokensFromRefreshToken (Errors)'

const MESSAGE_HINTS: { pattern: RegExp; hint: (match: RegExpExecArray) => Hint }[] = [
  {
    pattern: /Unable to verify secret hash/i,
    hint: () => ({
      hint: 'The SECRET_HASH did not match. Check the client secret, and that the hash is Base64(HMAC-SHA256(client secret, user name + client id)) over the name Cognito expects: what was typed at InitiateAuth, but USER_ID_FOR_SRP (the user name Cognito returned) on every later call, never the alias.',
      ref: REF_SECRET_HASH,
    }),
  },
  {
    pattern: /configured for secret but secret was not received/i,
    hint: () => ({
      hint: 'This app client has a client secret: add it, so every call carries SECRET_HASH.',
      ref: REF_SECRET_HASH,
    }),
  },
  {
    pattern: /\b([A-Z_]+_AUTH)\b.*not enabled/,
    hint: ([, flow]) => ({
      hint: `The app client does not allow ${flow}: add ALLOW_${flow} to its authentication flows (ExplicitAuthFlows; in the console, the app client's "Authentication flows"), or choose a flow it allows.`,
      ref: 'AWS Cognito API Reference, CreateUserPoolClient (ExplicitAuthFlows)',
    }),
  },
  {
    pattern: /session is expired|session can only be used once|Invalid session/i,
    hint: () => ({
      hint: "A challenge session answers one challenge, once, within the app client's AuthSessionValidity (3 minutes by default): start the sign-in again.",
      ref: REF_RESPOND,
    }),
  },
  {
    // REFRESH_TOKEN_AUTH refused on a rotating client; a rotated-out token (RefreshTokenReuse)
    // has its own hint by type, which this pattern must not take over.
    pattern: /REFRESH_TOKEN_AUTH\b.*refresh token rotation/i,
    hint: () => ({
      hint: 'This app client rotates refresh tokens: refresh with GetTokensFromRefreshToken (in the form, "Refresh with"; on the command line, --refresh-with GetTokensFromRefreshToken), and keep the new refresh token each answer brings.',
      ref: REF_ROTATION,
    }),
  },
  {
    pattern: /Incorrect username or password/i,
    hint: () => ({
      hint: "The password is wrong, or no such user exists: with PreventUserExistenceErrors on (the default) Cognito says the same for both. Over SRP the password was never sent; the claim signed with it did not verify, and the claim includes the TIMESTAMP, so a computer clock far off is refused the same way: check this computer's clock too.",
      ref: REF_INITIATE,
    }),
  },
  {
    pattern: /Password attempts exceeded/i,
    hint: () => ({
      hint: 'Too many wrong passwords: Cognito locks this user out for a while. Wait, then try again.',
      ref: REF_INITIATE,
    }),
  },
  {
    pattern: /User is disabled/i,
    hint: () => ({ hint: 'An administrator disabled this user.', ref: REF_INITIATE }),
  },
  // --- The account helpers: sign-up, confirmation, password reset and change ---
  {
    pattern: /Invalid verification code provided/i,
    hint: () => ({
      hint: 'The confirmation code is wrong for this user name: use the newest code sent (resending replaces the earlier one), as received, then send it again.',
      ref: REF_CONFIRM_SIGN_UP,
    }),
  },
  {
    pattern: /Invalid code provided, please request a code again/i,
    hint: () => ({
      hint: 'The code expired or a newer one replaced it. MFA codes last 3 minutes (sign in again), sign-up codes 24 hours (resend the code) and password-reset codes 1 hour (ask ForgotPassword again); use the newest.',
      ref: REF_CONFIRM_SIGN_UP,
    }),
  },
  {
    pattern: /cannot be confirmed\. Current status is (\w+)/i,
    hint: ([, status]) => ({
      hint: `This user is ${status} already, so there is nothing to confirm: sign in, or reset the password with ForgotPassword.`,
      ref: REF_CONFIRM_SIGN_UP,
    }),
  },
  {
    pattern: /User is already confirmed/i,
    hint: () => ({
      hint: 'The user is confirmed already, so no sign-up code is sent: sign in, or reset the password with ForgotPassword.',
      ref: 'AWS Cognito API Reference, ResendConfirmationCode (Errors)',
    }),
  },
  {
    pattern: /conforms? (?:with|to) policy: (.+?)\.?$/i,
    hint: ([, rule]) => ({
      hint: `The password breaks the pool's password policy: ${rule}. Cognito's default policy asks for at least 8 characters with a lower-case and an upper-case letter, a digit and a symbol; a pool may set its own (PasswordPolicy).`,
      ref: 'Cognito Developer Guide, user pool password policies',
    }),
  },
  {
    pattern: /Attempt limit exceeded/i,
    hint: () => ({
      hint: 'Too many attempts for this user (wrong codes, codes asked for, password changes): Cognito refuses more for a while, up to an hour. Wait, or use another test user.',
      ref: 'Cognito Developer Guide, quotas',
    }),
  },
  {
    pattern: /no registered\/verified email or phone_number/i,
    hint: () => ({
      hint: 'Cognito sends a reset code only to a verified email or phone number, and this user has none (an unconfirmed sign-up, for one): confirm the sign-up first, or have an administrator set the password.',
      ref: REF_FORGOT_PASSWORD,
    }),
  },
  {
    pattern: /password cannot be reset in the current state/i,
    hint: () => ({
      hint: 'This user cannot reset the password now: a user an administrator created must first sign in with the temporary password and set a new one (NEW_PASSWORD_REQUIRED).',
      ref: REF_FORGOT_PASSWORD,
    }),
  },
]

const REF_ERRORS = 'AWS Cognito API Reference, Common Errors'

const TYPE_HINTS: Record<string, Hint> = {
  AccessDeniedException: {
    hint: 'Your AWS identity may not make this call: its IAM policy needs cognito-idp:DescribeUserPool and cognito-idp:DescribeUserPoolClient on this pool (or use another AWS profile).',
    ref: REF_ERRORS,
  },
  MissingAuthenticationTokenException: {
    hint: 'This call needs AWS credentials (a SigV4 signature): sign in with the AWS CLI (aws configure or aws sso login), or name an AWS profile.',
    ref: REF_ERRORS,
  },
  UnrecognizedClientException: {
    hint: 'AWS does not know the access key: the credentials are wrong, or for another partition. Check the AWS profile in use.',
    ref: REF_ERRORS,
  },
  ExpiredTokenException: {
    hint: 'The AWS session credentials expired: sign in again (aws sso login, or fresh temporary credentials).',
    ref: REF_ERRORS,
  },
  RefreshTokenReuseException: {
    hint: 'This refresh token was already exchanged and replaced (refresh-token rotation): after the grace period only the newest refresh token works. Use the one the last refresh returned, or sign in again.',
    ref: REF_ROTATION,
  },
  NotAuthorizedException: {
    hint: 'Cognito refused the credentials, the client or the session; its message says which.',
    ref: REF_INITIATE,
  },
  UserNotConfirmedException: {
    hint: 'The user signed up but never confirmed the account: confirm it with ConfirmSignUp and the code sent at sign-up (or AdminConfirmSignUp), then sign in again.',
    ref: REF_INITIATE,
  },
  CodeMismatchException: {
    hint: "The code is wrong: use the latest code sent, or the authenticator's current code (check the device clock). Then sign in again.",
    ref: REF_RESPOND,
  },
  ExpiredCodeException: {
    hint: 'The code expired (MFA codes last 3 minutes): sign in again for a new one.',
    ref: REF_RESPOND,
  },
  InvalidParameterException: {
    hint: "A parameter is missing or malformed, or the client's settings do not allow the request; Cognito's message names it.",
    ref: REF_INITIATE,
  },
  ResourceNotFoundException: {
    hint: 'No such app client (or user pool) here: check the client id, the user pool id, the region and the endpoint.',
    ref: REF_INITIATE,
  },
  PasswordResetRequiredException: {
    hint: "The user's password was reset (by an administrator, or at import): use ForgotPassword, then ConfirmForgotPassword with the code sent.",
    ref: REF_INITIATE,
  },
  UserNotFoundException: {
    hint: 'No such user. This pool reveals it because PreventUserExistenceErrors is off; check the user name or alias.',
    ref: REF_INITIATE,
  },
  TooManyRequestsException: {
    hint: 'Cognito throttled the request (user sign-in operations have per-second quotas): wait a little before trying again; do not retry in a loop.',
    ref: 'Cognito Developer Guide, quotas',
  },
  LimitExceededException: {
    hint: 'A Cognito limit was reached: wait before trying again.',
    ref: 'Cognito Developer Guide, quotas',
  },
  InvalidPasswordException: {
    hint: "The new password breaks the pool's password policy (length, digits, symbols, upper and lower case): the message says which rule.",
    ref: REF_RESPOND,
  },
  EnableSoftwareTokenMFAException: {
    hint: "The authenticator's code did not match the new secret: check the device clock and enter the code it shows now.",
    ref: 'AWS Cognito API Reference, VerifySoftwareToken (Errors)',
  },
  SoftwareTokenMFANotFoundException: {
    hint: 'No authenticator is set up for this user, or TOTP MFA is not allowed on the pool.',
    ref: 'AWS Cognito API Reference, VerifySoftwareToken (Errors)',
  },
  UsernameExistsException: {
    hint: 'A user with this name already exists in the pool: choose another name. If it is a test user of yours, resend its code to confirm it, or reset its password with ForgotPassword.',
    ref: 'AWS Cognito API Reference, SignUp (Errors)',
  },
  AliasExistsException: {
    hint: 'Another confirmed user already has this email or phone number as a verified alias: confirm with another address, or remove it from the other user first.',
    ref: REF_CONFIRM_SIGN_UP,
  },
}

/**
 * The hint for a Cognito exception: by its message when that names the cause, else by its type.
 * @see https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/CommonErrors.html
 */
export function hintForCognitoError(type: string, message: string): Hint | undefined {
  for (const { pattern, hint } of MESSAGE_HINTS) {
    const match = pattern.exec(message)
    if (match) return hint(match)
  }
  return Object.hasOwn(TYPE_HINTS, type) ? TYPE_HINTS[type] : undefined
}
