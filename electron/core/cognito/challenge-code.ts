// Where the answer to a code challenge comes from: the code given at the start (for scripts,
// used once), a code computed from a TOTP secret (the run acts as the authenticator app), or, by
// default, a person asked in an input step.
// @see https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_RespondToAuthChallenge.html#CognitoUserPools-RespondToAuthChallenge-request-ChallengeResponses
import type { RunContext } from '../runs/run-context'
import type { StepMeta } from '../runs/run-recorder'
import { TOTP_SETTINGS, totpCodeAt } from './totp'

export type CodeSource = {
  /** The input step that asks a person, when nothing else answers. */
  ask: Omit<StepMeta, 'kind'> & { label: string }
  /** Whether the code given at the start may answer (not for a secret issued just now). */
  mayUseGivenCode: boolean
  /** A base32 secret to compute the code from, and why that secret. */
  totp?: { secret: string; why?: string }
}

/** A run that may have been given a code at the start (a sign-in, an account run). */
export type CodeHolder = { ctx: RunContext; givenCode?: string | undefined }

/** The code for one challenge, trimmed; each source shows as a step of its own, or in the call. */
export async function obtainCode(signIn: CodeHolder, source: CodeSource): Promise<string> {
  const given = signIn.givenCode
  if (source.mayUseGivenCode && given !== undefined) {
    // Registered as a secret when the run started: the call that sends it shows its marker.
    signIn.givenCode = undefined
    return given.trim()
  }
  if (source.totp) return computeTotpCode(signIn, source.totp.secret, source.totp.why)
  const { label, ...meta } = source.ask
  const values = await signIn.ctx.input(meta, [{ name: 'code', label, secret: true }])
  return (values.code ?? '').trim()
}

/**
 * Computes the current TOTP code from the secret, as an authenticator app would.
 * @see https://www.rfc-editor.org/rfc/rfc6238#section-4
 */
async function computeTotpCode(signIn: CodeHolder, secret: string, why?: string) {
  const { ctx } = signIn
  const now = Date.now()
  const { code } = await ctx.compute(
    { title: 'Compute the TOTP code from the secret', explain: 'cognito.totp-code' },
    {
      secret: ctx.secrets.add(secret, 'totp_secret'),
      ...TOTP_SETTINGS,
      time: new Date(now).toISOString(),
      ...(why ? { why } : {}),
    },
    () => totpCodeAt(secret, now),
    (result) => ({ timeStep: result.step, code: ctx.secrets.add(result.code, 'code') }),
  )
  return code
}
