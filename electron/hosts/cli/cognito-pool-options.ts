// The user pool and app client `afx cognito` and `afx cognito-account` run against: given as flags
// or supplied by a saved Cognito profile, resolved the same way by both commands.
import { profileClientFor } from '../../../shared/profile-to-flow'
import type { CliContext } from './cli-context'
import { UsageError } from './usage-error'

export type CognitoPoolOptions = {
  region: string | undefined
  userPoolId: string | undefined
  clientId: string | undefined
  clientSecret: string | undefined
  endpoint: string | undefined
  /** --profile NAME: a saved Cognito profile supplies the pool, endpoint and app client. */
  profileName: string | undefined
}

/** The pool fields of a Cognito flow input: the flags first, then what the profile says. */
export function cognitoPoolOf(options: CognitoPoolOptions, ctx: CliContext) {
  const profile = options.profileName
    ? ctx.core.workspace.getProfile(options.profileName)
    : undefined
  const pool = profile && profile.provider.kind === 'cognito' ? profile.provider : undefined
  if (profile && !pool) {
    throw new UsageError(`profile "${profile.name}" is not a Cognito user pool profile.`)
  }
  const client = profile && profileClientFor(profile, options.clientId)
  const userPoolId = options.userPoolId ?? pool?.userPoolId
  return {
    profile: profile?.name,
    // A pool id starts with its region (us-east-1_Abc123): say it once.
    region: options.region ?? pool?.region ?? userPoolId?.split('_')[0],
    userPoolId,
    clientId: options.clientId ?? client?.clientId,
    clientSecret: options.clientSecret,
    endpoint: options.endpoint ?? pool?.endpoint,
  }
}
