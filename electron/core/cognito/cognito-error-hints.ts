// What each exception Cognito's user-pool API answers with means, and what to change. Cognito's
// message tells apart causes that share an exception (a wrong password and a wrong SECRET_HASH
// are both NotAuthorizedException), so messages are matched first.
// @see https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_InitiateAuth.html#API_InitiateAuth_Errors
// @see https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_RespondToAuthChallenge.html#API_RespondToAuthChallenge_Errors

type Hint = { hint: string; ref: string }

const REF_INITIATE = 'AWS Cognito API Reference, InitiateAuth (Errors)'
const REF_RESPOND = 'AWS Cognito API Reference, RespondToAuthChallenge (Errors)'
const REF_SECRET_HASH = 'Cognito Developer Guide, computing secret hash values'

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
    pattern: /Incorrect username or password/i,
    hint: () => ({
      hint: 'The password is wrong, or no such user exists: with PreventUserExistenceErrors on (the default) Cognito says the same for both. Over SRP the password was never sent; the claim signed with it did not verify.',
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
]

const TYPE_HINTS: Record<string, Hint> = {
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
