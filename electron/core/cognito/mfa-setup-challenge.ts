// MFA_SETUP: a user who must have MFA and has none enrols an authenticator app inside the
// sign-in. AssociateSoftwareToken gives a TOTP secret, the app shows its first code,
// VerifySoftwareToken checks it, and the session that returns answers MFA_SETUP.
// @see https://docs.aws.amazon.com/cognito/latest/developerguide/user-pool-settings-mfa-totp.html
import { Secret, TOTP } from 'otpauth'
import { AfxError } from '../errors'
import {
  challengeList,
  respondToChallenge,
  type AuthAnswer,
  type CognitoSignIn,
} from './cognito-sign-in'

/** What Cognito's TOTP is: RFC 6238 with SHA-1, 6 digits, 30-second steps. */
const TOTP_SETTINGS = { algorithm: 'SHA1', digits: 6, period: 30 } as const
const REF = 'Cognito Developer Guide, TOTP software token MFA'

/** Enrols TOTP and answers MFA_SETUP; SMS setup (a phone number to verify) is not offered. */
export async function answerMfaSetup(
  signIn: CognitoSignIn,
  challenge: AuthAnswer,
): Promise<AuthAnswer> {
  const { ctx, api, input } = signIn
  const canSetUp = challengeList(challenge, 'MFAS_CAN_SETUP')
  if (!canSetUp.includes('SOFTWARE_TOKEN_MFA')) {
    throw new AfxError(
      'COGNITO_UNSUPPORTED_CHALLENGE',
      `Cognito asks to set up ${canSetUp.join(' or ') || 'an MFA factor'}; only an authenticator app (SOFTWARE_TOKEN_MFA) can be set up here.`,
      { hint: 'Allow TOTP MFA on the pool, or set the factor up elsewhere first.', ref: REF },
    )
  }
  const associated = await api.associateSoftwareToken(
    { title: 'AssociateSoftwareToken: ask for a new TOTP secret', explain: 'cognito.mfa-setup' },
    { Session: challenge.Session },
  )
  const secretCode = associated.SecretCode ?? ''
  await ctx.compute(
    { title: 'Make the authenticator enrolment (otpauth:// URI)', explain: 'cognito.totp-uri' },
    { account: input.username, issuer: issuerLabel(signIn), ...TOTP_SETTINGS },
    () => otpauthUri(secretCode, input.username, issuerLabel(signIn)),
    (uri) => ({
      otpauthUri: ctx.secrets.add(uri, 'otpauth URI'),
      SecretCode: ctx.secrets.add(secretCode, 'SecretCode'),
    }),
  )
  const values = await ctx.input(
    { title: 'Enter the first code of the authenticator app', explain: 'cognito.mfa-setup-code' },
    [{ name: 'code', label: 'The code the app shows for the new entry', secret: true }],
  )
  const verified = await api.verifySoftwareToken(
    { title: 'VerifySoftwareToken: the first code turns TOTP on', explain: 'cognito.mfa-setup' },
    {
      Session: associated.Session,
      UserCode: (values.code ?? '').trim(),
      FriendlyDeviceName: 'Auth Flow Explorer',
    },
  )
  return respondToChallenge(
    signIn,
    { title: 'RespondToAuthChallenge (MFA_SETUP): set up', explain: 'cognito.respond-mfa-setup' },
    { ...challenge, Session: verified.Session },
    {},
  )
}

/** The name the authenticator app lists the entry under. */
const issuerLabel = (signIn: CognitoSignIn) => `Cognito ${signIn.input.userPoolId}`

/**
 * The otpauth:// URI an authenticator app reads (as a QR code) to add the secret.
 * @see https://github.com/google/google-authenticator/wiki/Key-Uri-Format
 */
function otpauthUri(secretCode: string, account: string, issuer: string): string {
  try {
    const secret = Secret.fromBase32(secretCode)
    return new TOTP({ issuer, label: account, secret, ...TOTP_SETTINGS }).toString()
  } catch (error) {
    throw new AfxError(
      'COGNITO_UNEXPECTED_RESPONSE',
      'The SecretCode from AssociateSoftwareToken is not a base32 secret.',
      { ref: REF, cause: error },
    )
  }
}
