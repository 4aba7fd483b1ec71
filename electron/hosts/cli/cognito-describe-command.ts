// `afx cognito describe`: imports an app client's settings (and its pool's) with the AWS
// credentials named (--aws-profile, or --aws-default-chain), prints them with what the app-client
// linter finds, and exits 1 when the linter finds an error. With --profile NAME --save, keeps
// them with that profile, so runs from it are checked before they go.
import type { CognitoClientSettings } from '../../../shared/cognito-app-client'
import { DescribeClientInput } from '../../../shared/cognito-describe-input'
import { lintCognitoClient } from '../../../shared/cognito-client-lint'
import { profileAsInput } from '../../../shared/profile-as-input'
import type { Diagnostic } from '../../../shared/run-model'
import { dispatchCall } from '../../core/dispatch-call'
import type { CliContext } from './cli-context'
import { cognitoPoolOf, type CognitoPoolOptions } from './cognito-pool-options'
import { formatErrorLine } from './decode-command'
import { terminalSafe } from './terminal-safe'
import { EXIT, UsageError } from './usage-error'

export type CognitoDescribeOptions = CognitoPoolOptions & {
  awsProfile: string | undefined
  /** --aws-default-chain: the SDK's default credential chain, chosen explicitly. */
  useDefaultChain: boolean
  /** --save: keep the settings with the --profile given. */
  save: boolean
  json: boolean
}

export async function cognitoDescribeCommand(
  options: CognitoDescribeOptions,
  ctx: CliContext,
): Promise<number> {
  const { profile, region, userPoolId, clientId, endpoint } = cognitoPoolOf(options, ctx)
  if (options.save && profile === undefined) {
    throw new UsageError('--save keeps the settings with a profile: add --profile NAME.')
  }
  const input = DescribeClientInput.safeParse({
    region,
    userPoolId,
    clientId,
    endpoint,
    awsProfile: options.awsProfile,
    useDefaultChain: options.useDefaultChain || undefined,
  })
  if (!input.success) {
    const issue = input.error.issues[0]
    throw new UsageError(`${FLAGS[String(issue?.path[0])] ?? 'input'}: ${issue?.message}`)
  }
  const result = await dispatchCall(ctx.core.impl, 'cognito.describeClient', input.data)
  if (!result.ok) {
    ctx.stderr(formatErrorLine(result.error))
    return EXIT.bad
  }
  const settings = result.value as CognitoClientSettings
  const findings = lintCognitoClient(settings.client)
  if (options.save && profile !== undefined)
    keepWithProfile(ctx, profile, input.data.clientId, settings)
  ctx.stdout(
    terminalSafe(
      options.json
        ? JSON.stringify({ ...settings, findings }, null, 2)
        : formatSettings(settings, findings, options.save ? profile : undefined),
    ),
  )
  return findings.some((finding) => finding.severity === 'error') ? EXIT.bad : EXIT.ok
}

/** Saves the settings on the profile's client of that id (added when the profile lacks it). */
function keepWithProfile(
  ctx: CliContext,
  name: string,
  clientId: string,
  cognitoSettings: CognitoClientSettings,
): void {
  const profile = profileAsInput(ctx.core.workspace.getProfile(name))
  const known = profile.clients.some((client) => client.clientId === clientId)
  const clients = known ? profile.clients : [...profile.clients, { clientId }]
  ctx.core.workspace.saveProfile(
    {
      ...profile,
      clients: clients.map((client) =>
        client.clientId === clientId ? { ...client, cognitoSettings } : client,
      ),
    },
    name,
  )
}

function formatSettings(
  { client, pool, importedAt }: CognitoClientSettings,
  findings: Diagnostic[],
  savedTo: string | undefined,
): string {
  const list = (values: readonly string[] | undefined) => (values?.length ? values.join(', ') : '-')
  const lines = [
    `App client ${client.ClientId ?? '?'} of ${pool.Id ?? '?'} (read ${importedAt})`,
    `  client secret      ${client.HasClientSecret ? 'yes (SECRET_HASH needed)' : 'none'}`,
    `  auth flows         ${list(client.ExplicitAuthFlows)}`,
    `  OAuth flows        ${list(client.AllowedOAuthFlows)}`,
    `  OAuth scopes       ${list(client.AllowedOAuthScopes)}`,
    `  callback URLs      ${list(client.CallbackURLs)}`,
    `  rotation           ${client.RefreshTokenRotation?.Feature === 'ENABLED' ? 'on' : 'off'}`,
    `  revocation         ${client.EnableTokenRevocation ? 'on' : 'off'}`,
    `  pool MFA           ${pool.MfaConfiguration ?? '-'}`,
    findings.length === 0 ? 'The app-client linter finds nothing to change.' : 'Findings:',
    ...findings.map(
      (finding) =>
        `  ${finding.severity} ${finding.code}: ${finding.message}${finding.hint ? `\n    ${finding.hint}` : ''}`,
    ),
    ...(savedTo ? [`Kept with the profile "${savedTo}".`] : []),
  ]
  return lines.join('\n')
}

const FLAGS: Record<string, string> = {
  region: '--region',
  userPoolId: '--user-pool-id',
  clientId: '--client-id',
  endpoint: '--endpoint',
  awsProfile: '--aws-profile',
}
