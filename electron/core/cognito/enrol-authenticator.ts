// Enrolling an authenticator app (TOTP) for a Cognito user: AssociateSoftwareToken issues a
// secret, the otpauth:// URI (shown as a QR code) carries it to the app, the app's first code goes
// to VerifySoftwareToken. The same whether a sign-in's MFA_SETUP asks for it (with the session)
// or a signed-in user chooses it (with the access token).
// @see https://docs.aws.amazon.com/cognito/latest/developerguide/user-pool-settings-mfa-totp.html
import { obtainCode, type CodeHolder } from './challenge-code'
import type { CallMeta } from './recorded-cognito-client'
import type { createSessionApi } from './session-api'
import { otpauthUri, TOTP_SETTINGS } from './totp'

type SessionApi = ReturnType<typeof createSessionApi>

export type Enrolment = {
  /** Who vouches for the user: the sign-in's challenge session, or an access token. */
  proof: { Session?: string | undefined } | { AccessToken: string }
  /** The name the app lists the entry under, as a person recognises it. */
  account: string
  issuer: string
  /** The run is the authenticator: it computes the first code from the secret just issued. */
  asAuthenticator: boolean
  /** Why the run computes the code from this secret (shown in the compute step). */
  why: string
  /** The step that sends the code. */
  verifyMeta: CallMeta
}

/**
 * Runs the enrolment to a verified authenticator; returns VerifySoftwareToken's answer (with the
 * session that answers MFA_SETUP, when it began with one).
 * @see https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_AssociateSoftwareToken.html
 */
export async function enrolAuthenticator(run: CodeHolder, api: SessionApi, enrolment: Enrolment) {
  const { ctx } = run
  const associated = await api.associateSoftwareToken(
    { title: 'AssociateSoftwareToken: ask for a new TOTP secret', explain: 'cognito.mfa-setup' },
    enrolment.proof,
  )
  const secretCode = associated.SecretCode ?? ''
  const { account, issuer } = enrolment
  await ctx.compute(
    { title: 'Make the authenticator enrolment (otpauth:// URI)', explain: 'cognito.totp-uri' },
    { account, issuer, ...TOTP_SETTINGS },
    () => otpauthUri(secretCode, account, issuer),
    (uri) => ({
      otpauthUri: ctx.secrets.add(uri, 'otpauth URI'),
      SecretCode: ctx.secrets.add(secretCode, 'SecretCode'),
    }),
  )
  const code = await obtainCode(run, {
    ask: {
      title: 'Enter the first code of the authenticator app',
      explain: 'cognito.mfa-setup-code',
      label: 'The code the app shows for the new entry',
    },
    // A code given before the secret existed cannot be right.
    mayUseGivenCode: false,
    ...(enrolment.asAuthenticator ? { totp: { secret: secretCode, why: enrolment.why } } : {}),
  })
  const session =
    associated.Session === undefined ? enrolment.proof : { Session: associated.Session }
  return api.verifySoftwareToken(enrolment.verifyMeta, {
    ...session,
    UserCode: code,
    FriendlyDeviceName: 'Auth Flow Explorer',
  })
}
