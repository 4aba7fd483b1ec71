// `afx cognito <srp|password|refresh|custom|user-auth>`: signs a user in to a Cognito user pool
// through its own API (SRP when no verb is given; user-auth is choice-based, --challenge naming the
// preferred first factor), or trades a refresh token for new tokens. What a challenge needs is
// asked at the terminal, unless --code or --totp-secret answers it for a script.
import { CognitoFlowInput, type CognitoRunFlow } from '../../../shared/cognito-flow-input'
import type { InputField, Run } from '../../../shared/run-model'
import { announceEnrolment } from './announce-enrolment'
import type { CliContext } from './cli-context'
import { cognitoPoolOf, type CognitoPoolOptions } from './cognito-pool-options'
import { keepDeviceIn, readDeviceFile } from './device-file'
import { runAndPrint } from './flow-command'
import { terminalSafe } from './terminal-safe'
import { UsageError } from './usage-error'

export type CognitoCommandOptions = CognitoPoolOptions & {
  /** srp, password, refresh, custom or user-auth; none is srp (or what --auth-flow says). */
  verb: string | undefined
  username: string | undefined
  /** "-" reads it from stdin, so it is not left in the shell's history. */
  password: string | undefined
  /** --password-stdin: the same as --password -. */
  passwordStdin: boolean
  /** The InitiateAuth flow by its name, the older spelling of the verb. */
  authFlow: string | undefined
  /** --refresh-token T|-: the refresh token for `refresh` ("-" reads it from stdin). */
  refreshToken: string | undefined
  /** --code C: answers the first code challenge without asking. */
  code: string | undefined
  /** --totp-secret S: computes authenticator codes itself. */
  totpSecret: string | undefined
  /** --challenge NAME: user-auth's preferred first factor (PASSWORD, PASSWORD_SRP, EMAIL_OTP…). */
  challenge?: string | undefined
  /** --refresh-with InitiateAuth|GetTokensFromRefreshToken: the call a refresh makes. */
  refreshWith?: string | undefined
  /** --device FILE: sign in with the remembered device kept in FILE. */
  deviceFile?: string | undefined
  /** --remember-device FILE: confirm and remember a new device, and keep it in FILE. */
  rememberDeviceFile?: string | undefined
  json: boolean
  reveal: boolean
}

/** The verbs of issue #6 this command runs, by the InitiateAuth flow each one is. */
const VERBS: Record<string, CognitoRunFlow> = {
  srp: 'USER_SRP_AUTH',
  password: 'USER_PASSWORD_AUTH',
  refresh: 'REFRESH_TOKEN_AUTH',
  custom: 'CUSTOM_AUTH',
  'user-auth': 'USER_AUTH',
}

export async function cognitoCommand(
  options: CognitoCommandOptions,
  ctx: CliContext,
): Promise<number> {
  const authFlow = flowOf(options)
  const fromStdin = await readStdinOnce(options, ctx)
  const parsed = CognitoFlowInput.safeParse({
    flow: 'cognito',
    ...cognitoPoolOf(options, ctx),
    username: options.username,
    password: fromStdin.password ?? options.password,
    refreshToken: fromStdin.refreshToken ?? options.refreshToken,
    authFlow,
    // Typed at a terminal, a challenge name may come in lower case.
    preferredChallenge: options.challenge?.toUpperCase(),
    code: options.code,
    totpSecret: options.totpSecret,
    refreshWith: options.refreshWith,
    ...(options.deviceFile ? { device: await readDeviceFile(options.deviceFile) } : {}),
    ...(options.rememberDeviceFile ? { rememberDevice: true } : {}),
    mode: 'auto',
  })
  if (!parsed.success) {
    const issue = parsed.error.issues[0]
    throw new UsageError(`${flagOf(issue?.path[0])}: ${issue?.message}`)
  }
  const stopAnnouncing = parsed.data.totpSecret ? () => {} : announceEnrolment(ctx)
  const stopListing = listChoices(ctx)
  const device = options.rememberDeviceFile
    ? keepDeviceIn(ctx, options.rememberDeviceFile)
    : undefined
  try {
    return await runAndPrint(parsed.data, options, ctx)
  } finally {
    stopAnnouncing()
    stopListing()
    device?.stop()
    await device?.written()
  }
}

/** The flow a verb names; --auth-flow may say the same, not something else. */
function flowOf(options: CognitoCommandOptions): string | undefined {
  if (options.verb === undefined) return options.authFlow
  const flow = Object.hasOwn(VERBS, options.verb) ? VERBS[options.verb] : undefined
  if (flow === undefined) {
    throw new UsageError(
      `"cognito ${options.verb}" is not a Cognito command; use srp, password, refresh, custom, user-auth, mfa-setup, sign-out or describe.`,
    )
  }
  if (options.authFlow !== undefined && options.authFlow !== flow) {
    throw new UsageError(`--auth-flow ${options.authFlow} contradicts "cognito ${options.verb}".`)
  }
  return flow
}

/** The one value stdin may carry: the password (--password-stdin, --password -) or the token. */
async function readStdinOnce(
  options: CognitoCommandOptions,
  ctx: CliContext,
): Promise<{ password?: string; refreshToken?: string }> {
  const isPassword = options.passwordStdin || options.password === '-'
  const isToken = options.refreshToken === '-'
  if (isPassword && isToken) {
    throw new UsageError('stdin holds one value: the password or the refresh token, not both.')
  }
  if (!isPassword && !isToken) return {}
  const value = (await ctx.readStdin()).trim()
  return isPassword ? { password: value } : { refreshToken: value }
}

/**
 * A question with fixed answers (SELECT_CHALLENGE's "Sign in with") is asked by its label alone, so
 * the answers it takes are told first, on stderr, once per question. Returns the unsubscribe.
 */
function listChoices(ctx: CliContext): () => void {
  const listed = new Set<string>()
  return ctx.core.events.subscribe((event, payload) => {
    const run = payload as Run
    const step = run.steps.at(-1)
    if (event !== 'run.updated' || run.status !== 'waiting' || step?.kind !== 'input') return
    if (listed.has(`${run.id}/${step.id}`)) return
    listed.add(`${run.id}/${step.id}`)
    for (const field of (step.inputs.fields ?? []) as InputField[]) {
      const choices = field.choices
      if (choices) ctx.stderr(terminalSafe(`${field.label}: one of ${choices.join(', ')}`))
    }
  })
}

const FLAGS: Record<string, string> = {
  region: '--region',
  userPoolId: '--user-pool-id',
  clientId: '--client-id',
  clientSecret: '--client-secret',
  endpoint: '--endpoint',
  username: '--username',
  password: '--password',
  refreshToken: '--refresh-token',
  authFlow: '--auth-flow',
  code: '--code',
  totpSecret: '--totp-secret',
  preferredChallenge: '--challenge',
  refreshWith: '--refresh-with',
  device: '--device',
  rememberDevice: '--remember-device',
}

const flagOf = (key: unknown) => FLAGS[String(key)] ?? 'input'
