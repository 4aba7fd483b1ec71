// Where a Cognito run keeps the authenticator enrolment of MFA_SETUP (the otpauth:// URI and the
// SecretCode, both secrets), so each face can hand them to the person who must scan or type them.
import { secretIdIn, type Run } from './run-model'

/** The secret ids behind the enrolment's two values, to reveal on request. */
export type TotpEnrolment = { uriSecretId: string; secretCodeSecretId: string }

/** The enrolment the run made last (mfa-setup-challenge.ts records it), if it made one. */
export function totpEnrolmentOf(run: Pick<Run, 'steps'>): TotpEnrolment | undefined {
  const step = run.steps.findLast(
    (candidate) => candidate.explain === 'cognito.totp-uri' && candidate.status === 'done',
  )
  const uriSecretId = secretIdIn(step?.outputs.otpauthUri)
  const secretCodeSecretId = secretIdIn(step?.outputs.SecretCode)
  return uriSecretId && secretCodeSecretId ? { uriSecretId, secretCodeSecretId } : undefined
}
