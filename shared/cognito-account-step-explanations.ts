// The teaching texts of the Cognito account helpers' steps (sign-up, confirmation, password reset
// and change, reading the user, enrolling an authenticator, signing out, revoking a token), by
// `explain` key; part of the step explanations.
// @see https://docs.aws.amazon.com/cognito/latest/developerguide/signing-up-users-in-your-app.html
import type { StepExplanation } from './step-explanations'

const COGNITO_API = 'https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference'
const COGNITO_GUIDE = 'https://docs.aws.amazon.com/cognito/latest/developerguide'
const SIGNING_UP = `${COGNITO_GUIDE}/signing-up-users-in-your-app.html`

export const COGNITO_ACCOUNT_STEPS = {
  'cognito.sign-up': {
    text: "The client registers a new user with a user name, a password and attributes such as email or phone_number, with no AWS credentials: the app client id (and SecretHash) is all it shows. Cognito checks the password against the pool's policy and the attributes against its schema, then keeps the user UNCONFIRMED until a code proves the address.",
    ref: 'Amazon Cognito API: SignUp',
    url: `${COGNITO_API}/API_SignUp.html`,
  },
  'cognito.code-delivery': {
    text: 'CodeDeliveryDetails says where the code went: the medium (EMAIL or SMS), the attribute it was read from, and the destination, masked so the answer does not reveal the whole address. With user-existence errors prevented, an unknown user name gets an answer of the same shape, so this is no proof that the user exists.',
    ref: 'Amazon Cognito API: CodeDeliveryDetailsType',
    url: `${COGNITO_API}/API_CodeDeliveryDetailsType.html`,
  },
  'cognito.confirmation-code': {
    text: 'The person reads the code from the email or SMS Cognito sent (in the sandbox, from its outbox). A sign-up code lasts 24 hours, and only the newest one sent works.',
    ref: 'Amazon Cognito: signing up and confirming user accounts',
    url: SIGNING_UP,
  },
  'cognito.confirm-sign-up': {
    text: 'The client sends the code back with the user name. A matching code moves the user from UNCONFIRMED to CONFIRMED and marks the address it went to as verified, so the user can sign in and, where the pool allows, use it as an alias.',
    ref: 'Amazon Cognito API: ConfirmSignUp',
    url: `${COGNITO_API}/API_ConfirmSignUp.html`,
  },
  'cognito.resend-code': {
    text: 'The client asks for a new sign-up code, for one that expired or never arrived. The earlier code stops working, so only the newest one confirms the user.',
    ref: 'Amazon Cognito API: ResendConfirmationCode',
    url: `${COGNITO_API}/API_ResendConfirmationCode.html`,
  },
  'cognito.forgot-password': {
    text: "The client asks Cognito to send a reset code to the user's verified email or phone, with no password and no token. A user with no verified address cannot reset this way, and with user-existence errors prevented an unknown user gets the same answer as a real one.",
    ref: 'Amazon Cognito API: ForgotPassword',
    url: `${COGNITO_API}/API_ForgotPassword.html`,
  },
  'cognito.reset-code': {
    text: "The person reads the reset code from the message Cognito sent and chooses a new password that meets the pool's policy. A reset code lasts an hour, and too many wrong tries stop further attempts for a while.",
    ref: 'Amazon Cognito: managing passwords',
    url: `${COGNITO_GUIDE}/managing-users-passwords.html`,
  },
  'cognito.confirm-forgot-password': {
    text: 'The client sends the code with the new password (over TLS; no SRP protects it here). A matching code sets the new password, and the old one stops working at once.',
    ref: 'Amazon Cognito API: ConfirmForgotPassword',
    url: `${COGNITO_API}/API_ConfirmForgotPassword.html`,
  },
  'cognito.change-password': {
    text: 'A signed-in user changes the password: the access token says who, and the current password proves it is still them. The token must carry the aws.cognito.signin.user.admin scope, which every token from InitiateAuth has.',
    ref: 'Amazon Cognito API: ChangePassword',
    url: `${COGNITO_API}/API_ChangePassword.html`,
  },
  'cognito.get-user': {
    text: "The access token alone says who: Cognito checks that it is its own, unexpired and not revoked, and answers with the user's name, attributes and MFA settings. Any API that asks Cognito this way learns at once when a user signed out; one that only checks the JWT does not.",
    ref: 'Amazon Cognito API: GetUser',
    url: `${COGNITO_API}/API_GetUser.html`,
  },
  'cognito.set-mfa-preference': {
    text: 'With the authenticator verified, the user turns TOTP on and makes it the preferred factor. From the next sign-in, Cognito answers the password with SOFTWARE_TOKEN_MFA and waits for a code from the app.',
    ref: 'Amazon Cognito API: SetUserMFAPreference',
    url: `${COGNITO_API}/API_SetUserMFAPreference.html`,
  },
  'cognito.global-sign-out': {
    text: "GlobalSignOut ends every sign-in of the user, on every device: all of the user's refresh tokens stop working, and Cognito refuses the access and ID tokens it issued from them. The tokens themselves do not change: they are still well-signed JWTs until they expire.",
    ref: 'Amazon Cognito API: GlobalSignOut',
    url: `${COGNITO_API}/API_GlobalSignOut.html`,
  },
  'cognito.sign-out-proof': {
    text: 'The same access token goes to GetUser once more. After the sign-out, Cognito must refuse it with NotAuthorizedException ("Access Token has been revoked"): the refusal is the proof.',
    ref: 'Amazon Cognito: revoking tokens',
    url: `${COGNITO_GUIDE}/token-revocation.html`,
  },
  'cognito.revoke-token': {
    text: 'RevokeToken ends one sign-in: the refresh token, and the access and ID tokens minted from it. It takes the client id (and the client secret itself, not a SECRET_HASH) and works only when the app client has token revocation on, as new clients do.',
    ref: 'Amazon Cognito API: RevokeToken',
    url: `${COGNITO_API}/API_RevokeToken.html`,
  },
  'cognito.account-outcome': {
    text: 'The last answer is read for what it changed on the account: a user confirmed, a password set, an authenticator enrolled, a sign-in ended. The next sign-in is where that change shows.',
    ref: 'Amazon Cognito: signing up and confirming user accounts',
    url: SIGNING_UP,
  },
} satisfies Record<string, StepExplanation>
