// `afx cognito`: signs a user in to a Cognito user pool through its own API (SRP by default),
// asking at the terminal for what each challenge needs (an MFA code, a new password).
import { CognitoFlowInput } from '../../../shared/cognito-flow-input'
import type { CliContext } from './cli-context'
import { runAndPrint } from './flow-command'
import { UsageError } from './usage-error'

export type CognitoCommandOptions = {
  region: string | undefined
  userPoolId: string | undefined
  clientId: string | undefined
  clientSecret: string | undefined
  endpoint: string | undefined
  username: string | undefined
  /** "-" reads it from stdin, so it is not left in the shell's history. */
  password: string | undefined
  authFlow: string | undefined
  json: boolean
  reveal: boolean
}

export async function cognitoCommand(
  options: CognitoCommandOptions,
  ctx: CliContext,
): Promise<number> {
  const password = options.password === '-' ? (await ctx.readStdin()).trim() : options.password
  const parsed = CognitoFlowInput.safeParse({
    flow: 'cognito',
    // A pool id starts with its region (us-east-1_Abc123): say it once.
    region: options.region ?? options.userPoolId?.split('_')[0],
    userPoolId: options.userPoolId,
    clientId: options.clientId,
    clientSecret: options.clientSecret,
    endpoint: options.endpoint,
    username: options.username,
    password,
    authFlow: options.authFlow,
    mode: 'auto',
  })
  if (!parsed.success) {
    const issue = parsed.error.issues[0]
    throw new UsageError(`${flagOf(issue?.path[0])}: ${issue?.message}`)
  }
  return runAndPrint(parsed.data, options, ctx)
}

const FLAGS: Record<string, string> = {
  region: '--region',
  userPoolId: '--user-pool-id',
  clientId: '--client-id',
  clientSecret: '--client-secret',
  endpoint: '--endpoint',
  username: '--username',
  password: '--password',
  authFlow: '--auth-flow',
}

const flagOf = (key: unknown) => FLAGS[String(key)] ?? 'input'
