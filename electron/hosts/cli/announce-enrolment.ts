// Tells the person at the terminal the authenticator enrolment a Cognito run made (the otpauth://
// URI and its secret), since the code they type next comes from the app they add it to.
// @see https://docs.aws.amazon.com/cognito/latest/developerguide/user-pool-settings-mfa-totp.html
import { totpEnrolmentOf } from '../../../shared/cognito-totp-enrolment'
import type { Run } from '../../../shared/run-model'
import type { CliContext } from './cli-context'
import { terminalSafe } from './terminal-safe'

/**
 * Whoever enrols an authenticator at the terminal (MFA_SETUP in a sign-in, or an account's
 * mfa-setup) must first add the new secret to the app: it is theirs, so it is told to them (on
 * stderr) once the run has made the enrolment URI.
 * Returns the unsubscribe.
 */
export function announceEnrolment(ctx: CliContext): () => void {
  let told = false
  return ctx.core.events.subscribe((event, payload) => {
    const run = payload as Run
    if (told || event !== 'run.updated') return
    const enrolment = totpEnrolmentOf(run)
    if (enrolment === undefined) return
    told = true
    const reveal = (secretId: string) => ctx.core.runs.revealSecret(run.id, secretId)
    ctx.stderr(
      terminalSafe(
        `Add this entry to your authenticator app: ${reveal(enrolment.uriSecretId)}\n` +
          `(or type its secret: ${reveal(enrolment.secretCodeSecretId)})`,
      ),
    )
  })
}
