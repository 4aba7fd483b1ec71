// `afx cognito-account <sign-up|confirm|resend|forgot-password|confirm-forgot-password|
// change-password|get-user|mfa-setup|sign-out|revoke-token>`: makes and resets test users of a
// Cognito user pool through its own API, and acts on a signed-in user's tokens. A code that was
// just sent (and a new password not given) is asked at the terminal, so one command signs up and
// confirms, or resets a password, unless --no-confirm stops once the code is sent.
import {
  CognitoAccountInput,
  type CognitoAccountAction,
} from '../../../shared/cognito-account-input'
import type { CliContext } from './cli-context'
import { announceEnrolment } from './announce-enrolment'
import { cognitoPoolOf, type CognitoPoolOptions } from './cognito-pool-options'
import { runAndPrint } from './flow-command'
import { UsageError } from './usage-error'

export type CognitoAccountCommandOptions = CognitoPoolOptions & {
  verb: string | undefined
  username: string | undefined
  /** The password (sign-up) or the current one (change-password); "-" reads a line of stdin. */
  password: string | undefined
  /** --password-stdin: the same as --password -. */
  passwordStdin: boolean
  /** --new-password P|-: the password to set; asked at the terminal when a reset needs it. */
  newPassword: string | undefined
  /** --access-token T|-: the proof of a sign-in (change-password, get-user, mfa-setup, sign-out). */
  accessToken: string | undefined
  /** --refresh-token T|-: revoke-token's refresh token. */
  refreshToken: string | undefined
  /** --as-authenticator: mfa-setup computes the first code from the secret Cognito issues. */
  asAuthenticator: boolean
  /** --attribute name=value, repeated: sign-up's user attributes. */
  attributes: string[]
  /** --code C: the code Cognito sent (confirm, confirm-forgot-password). */
  code: string | undefined
  /** --no-confirm: stop once the code is sent (sign-up, resend, forgot-password). */
  noConfirm: boolean
  json: boolean
  reveal: boolean
}

/** The verbs, by the account action each one runs. */
const VERBS: Record<string, CognitoAccountAction> = {
  'sign-up': 'sign-up',
  confirm: 'confirm-sign-up',
  resend: 'resend-code',
  'forgot-password': 'forgot-password',
  'confirm-forgot-password': 'confirm-forgot-password',
  'change-password': 'change-password',
  'get-user': 'get-user',
  'mfa-setup': 'mfa-setup',
  'sign-out': 'sign-out',
  'revoke-token': 'revoke-token',
}

/** The verbs `afx cognito` hands to this command: they act on a sign-in's tokens. */
export const SESSION_VERBS = ['mfa-setup', 'sign-out'] as const

export async function cognitoAccountCommand(
  options: CognitoAccountCommandOptions,
  ctx: CliContext,
): Promise<number> {
  const action = actionOf(options.verb)
  const fromStdin = await readStdinValues(options, ctx)
  const parsed = CognitoAccountInput.safeParse({
    flow: 'cognito-account',
    ...cognitoPoolOf(options, ctx),
    action,
    username: options.username,
    password: fromStdin.password ?? options.password,
    newPassword: fromStdin.newPassword ?? options.newPassword,
    accessToken: fromStdin.accessToken ?? options.accessToken,
    refreshToken: fromStdin.refreshToken ?? options.refreshToken,
    asAuthenticator: options.asAuthenticator || undefined,
    attributes: options.attributes.length > 0 ? readAttributes(options.attributes) : undefined,
    code: options.code,
    confirm: !options.noConfirm,
    mode: 'auto',
  })
  if (!parsed.success) {
    const issue = parsed.error.issues[0]
    throw new UsageError(`${flagOf(issue?.path[0])}: ${issue?.message}`)
  }
  const stopAnnouncing =
    parsed.data.action === 'mfa-setup' && !parsed.data.asAuthenticator
      ? announceEnrolment(ctx)
      : () => {}
  try {
    return await runAndPrint(parsed.data, options, ctx)
  } finally {
    stopAnnouncing()
  }
}

function actionOf(verb: string | undefined): CognitoAccountAction {
  const action = verb !== undefined && Object.hasOwn(VERBS, verb) ? VERBS[verb] : undefined
  if (action === undefined) {
    const said = verb === undefined ? 'cognito-account needs a verb' : `"${verb}" is not one`
    throw new UsageError(`${said}: use ${Object.keys(VERBS).join(', ')}.`)
  }
  return action
}

/**
 * The secrets given as "-": each takes the next line of stdin, in the order --password,
 * --new-password, --access-token, --refresh-token, so none is left in the shell's history.
 */
async function readStdinValues(
  options: CognitoAccountCommandOptions,
  ctx: CliContext,
): Promise<{
  password?: string
  newPassword?: string
  accessToken?: string
  refreshToken?: string
}> {
  const wanted = {
    password: options.passwordStdin || options.password === '-',
    newPassword: options.newPassword === '-',
    accessToken: options.accessToken === '-',
    refreshToken: options.refreshToken === '-',
  }
  const fields = (Object.keys(wanted) as (keyof typeof wanted)[]).filter((field) => wanted[field])
  if (fields.length === 0) return {}
  const lines = (await ctx.readStdin()).split(/\r?\n/)
  if (lines.length < fields.length || fields.some((_, at) => lines[at] === '')) {
    throw new UsageError(`stdin must hold one line for each value given as "-" (${fields.length}).`)
  }
  return Object.fromEntries(fields.map((field, at) => [field, lines[at]]))
}

/** `--attribute name=value`, repeated. */
function readAttributes(attributes: string[]): Record<string, string> {
  return Object.fromEntries(
    attributes.map((attribute) => {
      const at = attribute.indexOf('=')
      if (at < 1) throw new UsageError(`--attribute takes name=value, not "${attribute}".`)
      return [attribute.slice(0, at), attribute.slice(at + 1)]
    }),
  )
}

const FLAGS: Record<string, string> = {
  region: '--region',
  userPoolId: '--user-pool-id',
  clientId: '--client-id',
  clientSecret: '--client-secret',
  endpoint: '--endpoint',
  username: '--username',
  password: '--password',
  newPassword: '--new-password',
  accessToken: '--access-token',
  refreshToken: '--refresh-token',
  asAuthenticator: '--as-authenticator',
  attributes: '--attribute',
  code: '--code',
  confirm: '--no-confirm',
}

const flagOf = (key: unknown) => FLAGS[String(key)] ?? 'input'
