// The teaching texts of the Cognito sign-in's steps (and of Cognito's tokens and logout), by
// `explain` key; part of the step explanations.
// @see https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_InitiateAuth.html
import type { StepExplanation } from './step-explanations'

const COGNITO_API = 'https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference'
const COGNITO_GUIDE = 'https://docs.aws.amazon.com/cognito/latest/developerguide'
const RESPOND_TO_AUTH_CHALLENGE = `${COGNITO_API}/API_RespondToAuthChallenge.html`
const DEVICE_TRACKING = `${COGNITO_GUIDE}/amazon-cognito-user-pools-device-tracking.html`

export const COGNITO_STEPS = {
  'tokens.cognito-checks': {
    text: "Cognito's tokens are verified like any JWT: signature with the pool's keys, issuer (the pool), expiry, then token_use (id or access) and the app client. An access token from Cognito has no aud claim: its client_id says which app it was issued to.",
    ref: 'Amazon Cognito: verifying a JSON web token',
    url: `${COGNITO_GUIDE}/amazon-cognito-user-pools-using-tokens-verifying-a-jwt.html`,
  },
  'cognito.logout': {
    text: "The browser goes to the hosted UI's /logout with the app client id and a registered sign-out URL. Cognito ends its own session cookie and sends the browser there; no state comes back to check.",
    ref: 'Amazon Cognito: logout endpoint',
    url: `${COGNITO_GUIDE}/logout-endpoint.html`,
  },
  'cognito.initiate-auth.user_srp_auth': {
    text: 'The sign-in starts with the user name and SRP_A, a public number made from a random secret. With SRP the password never leaves this computer: the client will prove it knows the password without sending it.',
    ref: 'Amazon Cognito API: InitiateAuth',
    url: `${COGNITO_API}/API_InitiateAuth.html`,
  },
  'cognito.initiate-auth.user_password_auth': {
    text: 'The sign-in sends the user name and the password itself to Cognito, protected only by TLS. It is simpler than SRP, but the password now passes through every proxy and log that sees the request: prefer SRP.',
    ref: 'Amazon Cognito API: InitiateAuth',
    url: `${COGNITO_API}/API_InitiateAuth.html`,
  },
  'cognito.initiate-auth.custom_auth': {
    text: "The sign-in starts the pool's custom challenge flow, defined by its Lambda triggers. Cognito will ask the questions those triggers decide, after an SRP proof of the password when one is given.",
    ref: 'Amazon Cognito API: InitiateAuth',
    url: `${COGNITO_API}/API_InitiateAuth.html`,
  },
  'cognito.initiate-auth.user_auth': {
    text: 'Choice-based sign-in starts with the user name alone, or with a preferred first factor (PREFERRED_CHALLENGE) and what it needs: the password, or SRP_A. Without a preference this user can use, Cognito answers SELECT_CHALLENGE with AvailableChallenges: the ways this user may sign in, such as a password or a one-time code sent to a verified email address or phone number.',
    ref: 'Amazon Cognito: choice-based authentication',
    url: `${COGNITO_GUIDE}/authentication-flows-selection-sdk.html#authentication-flows-selection-choice`,
  },
  'cognito.select-challenge': {
    text: 'Cognito lists the first factors this user can sign in with (AvailableChallenges), and a person picks one. The list depends on the pool’s sign-in policy and on the user: a code by email or SMS is offered only for a verified address. The choice itself is not secret.',
    ref: 'Amazon Cognito API: InitiateAuth (AvailableChallenges)',
    url: `${COGNITO_API}/API_InitiateAuth.html#CognitoUserPools-InitiateAuth-response-AvailableChallenges`,
  },
  'cognito.user-auth-password': {
    text: 'The factor chosen needs the password. With PASSWORD it goes to Cognito itself (over TLS); with PASSWORD_SRP it stays on this computer and only a claim signed with it is sent.',
    ref: 'Amazon Cognito: choice-based authentication',
    url: `${COGNITO_GUIDE}/authentication-flows-selection-sdk.html#authentication-flows-selection-choice`,
  },
  'cognito.respond-select-challenge': {
    text: 'The client names the chosen factor as ANSWER, with what it needs in the same call: PASSWORD, or SRP_A (PASSWORD_VERIFIER then follows, as in SRP sign-in). For EMAIL_OTP and SMS_OTP nothing more goes: Cognito sends a code and asks for it next.',
    ref: 'Amazon Cognito API: ChallengeResponseType (SELECT_CHALLENGE)',
    url: `${COGNITO_API}/API_ChallengeResponseType.html`,
  },
  'cognito.otp-sign-in': {
    text: 'Passwordless sign-in: Cognito sent a one-time code to the verified email address or phone number (shown masked). The code is the whole proof here, no password and no MFA after it, so whoever reads that mailbox or phone can sign in: that is what this choice trusts.',
    ref: 'Amazon Cognito: authentication flows (passwordless)',
    url: `${COGNITO_GUIDE}/amazon-cognito-user-pools-authentication-flow-methods.html`,
  },
  'cognito.initiate-auth.refresh_token_auth': {
    text: 'The client trades the refresh token of an earlier sign-in for new ID and access tokens, with no password and no challenge. A client with a secret adds SECRET_HASH over the user name Cognito knows (cognito:username), since the refresh token carries no name the client could read.',
    ref: 'Amazon Cognito: refresh tokens',
    url: `${COGNITO_GUIDE}/amazon-cognito-user-pools-using-the-refresh-token.html`,
  },
  'cognito.get-tokens-from-refresh-token': {
    text: 'An app client that rotates refresh tokens refreshes here instead of InitiateAuth: it sends the refresh token and its client secret itself (no SECRET_HASH), and gets new ID and access tokens with a new refresh token. The old refresh token then works only for a short retry grace period.',
    ref: 'Amazon Cognito API: GetTokensFromRefreshToken',
    url: `${COGNITO_API}/API_GetTokensFromRefreshToken.html`,
  },
  'cognito.client-lint': {
    text: "Before anything is sent, the app client's settings, as the profile last imported them (DescribeUserPoolClient), are read for this flow: is the auth flow enabled, does the client need a secret, does it rotate refresh tokens. Only a warning: the settings may have changed since, and Cognito's answer decides.",
    ref: 'Amazon Cognito API: UserPoolClientType',
    url: `${COGNITO_API}/API_UserPoolClientType.html`,
  },
  'cognito.refresh-username': {
    text: "This app client has a secret, so the refresh needs SECRET_HASH, and the hash is over the user's name as Cognito stores it. That is the cognito:username claim of the earlier tokens (the sub when the email is the user name), not an alias.",
    ref: 'Amazon Cognito: computing secret hash values',
    url: `${COGNITO_GUIDE}/signing-up-users-in-your-app.html#cognito-user-pools-computing-secret-hash`,
  },
  'cognito.srp-a': {
    text: 'The client picks a random secret a and computes A = g^a mod N, the first public value of SRP-6a. The secret a stays here; A alone reveals nothing about it or about the password.',
    ref: 'RFC 5054 §2.6',
    url: 'https://www.rfc-editor.org/rfc/rfc5054#section-2.6',
  },
  'cognito.srp-claim': {
    text: "From Cognito's B and salt, the password and a, the client derives the shared SRP key, then signs the pool's name, the user id, the secret block and a timestamp with it. Only someone who knows the password can produce this signature, and Cognito checks it against the verifier it stores instead of the password.",
    ref: 'RFC 5054 §2.6',
    url: 'https://www.rfc-editor.org/rfc/rfc5054#section-2.6',
  },
  'cognito.password-verifier': {
    text: 'The client answers the PASSWORD_VERIFIER challenge with the signed claim, never the password. If the signature checks out, Cognito returns tokens or the next challenge (MFA, a new password).',
    ref: 'Amazon Cognito API: RespondToAuthChallenge',
    url: RESPOND_TO_AUTH_CHALLENGE,
  },
  'cognito.secret-hash': {
    text: 'This app client has a secret, so every call carries SECRET_HASH: an HMAC-SHA256 of the user name and client id, keyed with the client secret. After the first call, the user name to hash is the one Cognito returns (USER_ID_FOR_SRP), which differs from an alias the person typed.',
    ref: 'Amazon Cognito: computing secret hash values',
    url: `${COGNITO_GUIDE}/signing-up-users-in-your-app.html#cognito-user-pools-computing-secret-hash`,
  },
  'cognito.sms_mfa': {
    text: 'Cognito sent a one-time code by SMS to the number on file (shown masked). Entering it proves the person holds that phone, a second factor besides the password.',
    ref: 'Amazon Cognito: MFA',
    url: `${COGNITO_GUIDE}/user-pool-settings-mfa.html`,
  },
  'cognito.email_otp': {
    text: 'Cognito sent a one-time code by email to the address on file (shown masked). Entering it proves access to that mailbox, a second factor besides the password.',
    ref: 'Amazon Cognito: MFA',
    url: `${COGNITO_GUIDE}/user-pool-settings-mfa.html`,
  },
  'cognito.software_token_mfa': {
    text: 'The person reads the current six-digit code from an authenticator app. The code is derived from a secret shared once at enrolment and the current 30-second time step (TOTP), so nothing is sent to the phone.',
    ref: 'Amazon Cognito: TOTP MFA',
    url: `${COGNITO_GUIDE}/user-pool-settings-mfa-totp.html`,
  },
  'cognito.respond-mfa': {
    text: 'The client sends the code with the session Cognito handed out at the previous step. The session is single-use and short-lived, which binds this answer to the sign-in that asked for it.',
    ref: 'Amazon Cognito API: RespondToAuthChallenge',
    url: RESPOND_TO_AUTH_CHALLENGE,
  },
  'cognito.select-mfa-type': {
    text: 'This user has several second factors set up and no preferred one, so Cognito asks which to use. The choice is not secret; the code of the chosen factor comes next.',
    ref: 'Amazon Cognito API: RespondToAuthChallenge',
    url: RESPOND_TO_AUTH_CHALLENGE,
  },
  'cognito.respond-select-mfa-type': {
    text: "The client tells Cognito which factor was chosen. Cognito answers with that factor's own challenge (and sends the code, for SMS or email).",
    ref: 'Amazon Cognito API: RespondToAuthChallenge',
    url: RESPOND_TO_AUTH_CHALLENGE,
  },
  'cognito.mfa-setup': {
    text: 'The pool requires MFA and this user has none, so the client enrols an authenticator app. AssociateSoftwareToken returns a new TOTP secret, and VerifySoftwareToken turns it on once a first code proves the app holds it.',
    ref: 'Amazon Cognito: TOTP MFA',
    url: `${COGNITO_GUIDE}/user-pool-settings-mfa-totp.html`,
  },
  'cognito.totp-uri': {
    text: 'The secret is packed into an otpauth:// URI, the format authenticator apps read from a QR code. It names the account and issuer so the app can label it; the secret in it is as sensitive as a password.',
    ref: 'Key Uri Format',
    url: 'https://github.com/google/google-authenticator/wiki/Key-Uri-Format',
  },
  'cognito.totp-code': {
    text: 'The run does what an authenticator app does: an HMAC-SHA1 of the secret over the number of 30-second steps since 1970, cut to six digits. Whoever holds the secret can make every code, which is why it is kept like a password.',
    ref: 'RFC 6238 §4',
    url: 'https://www.rfc-editor.org/rfc/rfc6238#section-4',
  },
  'cognito.mfa-setup-code': {
    text: 'The person enters the first code the authenticator app shows. A matching code proves the app holds the same secret and the clocks agree, before Cognito relies on it.',
    ref: 'RFC 6238 §4',
    url: 'https://www.rfc-editor.org/rfc/rfc6238#section-4',
  },
  'cognito.respond-mfa-setup': {
    text: 'With the authenticator verified, the client finishes the MFA_SETUP challenge with the session from VerifySoftwareToken. Cognito then completes the sign-in and issues tokens.',
    ref: 'Amazon Cognito API: RespondToAuthChallenge',
    url: RESPOND_TO_AUTH_CHALLENGE,
  },
  'cognito.new-password': {
    text: "An administrator created this user with a temporary password, so Cognito requires a new one before any token is issued. The new password must meet the pool's password policy.",
    ref: 'Amazon Cognito: creating user accounts as administrator',
    url: `${COGNITO_GUIDE}/how-to-create-user-accounts.html`,
  },
  'cognito.respond-new-password': {
    text: 'The client answers NEW_PASSWORD_REQUIRED with the new password (over TLS; it is not protected by SRP here). Cognito stores its new verifier and continues the sign-in.',
    ref: 'Amazon Cognito API: RespondToAuthChallenge',
    url: RESPOND_TO_AUTH_CHALLENGE,
  },
  'cognito.custom-challenge': {
    text: "The pool's Lambda triggers asked a question of their own (a code, a puzzle, a CAPTCHA result). Cognito only carries the question and the answer; the triggers decide whether it is right.",
    ref: 'Amazon Cognito: custom authentication challenge Lambda triggers',
    url: `${COGNITO_GUIDE}/user-pool-lambda-challenge.html`,
  },
  'cognito.respond-custom': {
    text: 'The client sends the answer to the custom challenge. The triggers may ask again, ask something else, or let Cognito issue tokens.',
    ref: 'Amazon Cognito API: RespondToAuthChallenge',
    url: RESPOND_TO_AUTH_CHALLENGE,
  },
  'cognito.device-srp-a': {
    text: 'A remembered device proves itself with SRP too, with a fresh secret a and public SRP_A of its own. The device group key takes the place of the pool name, and the device key the place of the user name.',
    ref: 'Amazon Cognito: signing in with a device',
    url: DEVICE_TRACKING,
  },
  'cognito.device-srp-auth': {
    text: 'Instead of asking for an MFA code, Cognito asked this remembered device to prove itself (DEVICE_SRP_AUTH). The client answers with the device key and the device SRP_A; Cognito replies with SRP_B, a salt and a secret block from the verifier stored when the device was confirmed.',
    ref: 'Amazon Cognito API: RespondToAuthChallenge',
    url: RESPOND_TO_AUTH_CHALLENGE,
  },
  'cognito.device-claim': {
    text: 'The device signs a claim exactly as a user proves a password, with the device password in place of the password. Only a client holding the device password made when the device was confirmed can compute it.',
    ref: 'Amazon Cognito: signing in with a device',
    url: DEVICE_TRACKING,
  },
  'cognito.device-password-verifier': {
    text: 'The signed device claim goes to Cognito (DEVICE_PASSWORD_VERIFIER); the device password itself never leaves the device. A valid claim stands in for the second factor and Cognito issues the tokens; a wrong one is refused with the same words as a wrong password.',
    ref: 'Amazon Cognito API: RespondToAuthChallenge',
    url: RESPOND_TO_AUTH_CHALLENGE,
  },
  'cognito.device-verifier': {
    text: 'Cognito gave this sign-in a new device key and group key. The client makes a random device password and derives an SRP verifier from it, so Cognito can later check the device without ever learning the password.',
    ref: 'Amazon Cognito API: DeviceSecretVerifierConfigType',
    url: `${COGNITO_API}/API_DeviceSecretVerifierConfigType.html`,
  },
  'cognito.confirm-device': {
    text: "The client registers the device with the signed-in user's access token, sending the verifier and salt, never the device password. In a pool that remembers devices only when users opt in, Cognito answers that the user must still be asked (UserConfirmationNecessary).",
    ref: 'Amazon Cognito API: ConfirmDevice',
    url: `${COGNITO_API}/API_ConfirmDevice.html`,
  },
  'cognito.remember-device': {
    text: 'The user chose to remember this device, and the client tells Cognito so. From now on a sign-in that presents this device key proves the device instead of answering MFA, until the device is set not remembered or forgotten.',
    ref: 'Amazon Cognito API: UpdateDeviceStatus',
    url: `${COGNITO_API}/API_UpdateDeviceStatus.html`,
  },
  'cognito.keep-device': {
    text: 'A remembered device is three values the client keeps: the device key, the device group key and the device password. Lose the device password and the device cannot prove itself any more; a sign-in without the device gets a new device key instead.',
    ref: 'Amazon Cognito: getting a device key',
    url: DEVICE_TRACKING,
  },
  'cognito.device-forgotten': {
    text: "Cognito no longer knows the device this sign-in presented: it was forgotten (ForgetDevice), or belongs to another user. Like AWS's own clients, the run sends the same answer again without DEVICE_KEY, so the sign-in goes on as from a new device.",
    ref: 'Amazon Cognito API: ForgetDevice',
    url: `${COGNITO_API}/API_ForgetDevice.html`,
  },
} satisfies Record<string, StepExplanation>
