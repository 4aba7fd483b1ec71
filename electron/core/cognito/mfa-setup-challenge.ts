// MFA_SETUP: a user who must have MFA and has none enrols an authenticator app inside the
// sign-in. AssociateSoftwareToken gives a TOTP secret, the app shows its first code,
// VerifySoftwareToken checks it, and the session that returns answers MFA_SETUP.
// @see https://docs.aws.amazon.com/cognito/latest/developerguide/user-pool-settings-mfa-totp.html
import { AfxError } from '../errors'
import {
  challengeList,
  respondToChallenge,
  type AuthAnswer,
  type CognitoSignIn,
} from './cognito-sign-in'
import { enrolAuthenticator } from './enrol-authenticator'

const REF = 'Cognito Developer Guide, TOTP software token MFA'

/**
 * Enrols TOTP and answers MFA_SETUP; SMS setup (a phone number to verify) is not offered. With a
 * TOTP secret in the input the run is the authenticator: it computes the first code itself, from
 * the secret Cognito issues now (the one given cannot be it).
 */
export async function answerMfaSetup(
  signIn: CognitoSignIn,
  challenge: AuthAnswer,
): Promise<AuthAnswer> {
  const { api, input } = signIn
  const canSetUp = challengeList(challenge, 'MFAS_CAN_SETUP')
  if (!canSetUp.includes('SOFTWARE_TOKEN_MFA')) {
    throw new AfxError(
      'COGNITO_UNSUPPORTED_CHALLENGE',
      `Cognito asks to set up ${canSetUp.join(' or ') || 'an MFA factor'}; only an authenticator app (SOFTWARE_TOKEN_MFA) can be set up here.`,
      { hint: 'Allow TOTP MFA on the pool, or set the factor up elsewhere first.', ref: REF },
    )
  }
  const verified = await enrolAuthenticator(signIn, api, {
    proof: { Session: challenge.Session },
    // The name the app lists the entry under: as typed, which a person recognises.
    account: input.username ?? signIn.userId,
    issuer: `Cognito ${input.userPoolId}`,
    asAuthenticator: input.totpSecret !== undefined,
    why: 'MFA_SETUP enrols a new authenticator: the code comes from the SecretCode Cognito just issued, not from the TOTP secret given. Sign in with the new secret from now on.',
    verifyMeta: {
      title: 'VerifySoftwareToken: the first code turns TOTP on',
      explain: 'cognito.mfa-setup',
    },
  })
  return respondToChallenge(
    signIn,
    { title: 'RespondToAuthChallenge (MFA_SETUP): set up', explain: 'cognito.respond-mfa-setup' },
    { ...challenge, Session: verified.Session },
    {},
  )
}
