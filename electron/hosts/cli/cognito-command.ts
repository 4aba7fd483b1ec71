// `afx cognito`: signs a user in to a Cognito user pool through its own API (SRP by default),
// asking at the terminal for what each challenge needs (an MFA code, a new password).
import { CognitoFlowInput } from '../../../shared/cognito-flow-input'
import { profileClientFor } from '../../../shared/profile-to-flow'
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
  /** --profile NAME: a saved Cognito profile supplies the pool, endpoint and app client. */
  profileName: string | undefined
  json: boolean
  reveal: boolean
}

export async function cognitoCommand(
  options: CognitoCommandOptions,
  ctx: CliContext,
): Promise<number> {
  const password = options.password === '-' ? (await ctx.readStdin()).trim() : options.password
  const profile = options.profileName
    ? ctx.core.workspace.getProfile(options.profileName)
    : undefined
  const pool = profile && profile.provider.kind === 'cognito' ? profile.provider : undefined
  if (profile && !pool) {
    throw new UsageError(`profile "${profile.name}" is not a Cognito user pool profile.`)
  }
  const client = profile && profileClientFor(profile, options.clientId)
  const userPoolId = options.userPoolId ?? pool?.userPoolId
  const parsed = CognitoFlowInput.safeParse({
    flow: 'cognito',
    profile: profile ? profile.name : undefined,
    // A pool id starts with its region (us-east-1_Abc123): say it once.
    region: options.region ?? pool?.region ?? userPoolId?.split('_')[0],
    userPoolId,
    clientId: options.clientId ?? client?.clientId,
    clientSecret: options.clientSecret,
    endpoint: options.endpoint ?? pool?.endpoint,
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
