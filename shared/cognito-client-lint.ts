// The app-client linter: reads a Cognito app client's settings (as DescribeUserPoolClient returns
// them) and, when given, what is about to run, and says what Cognito will refuse or what is risky,
// each finding with a hint and the rule it comes from. Pure: no I/O, usable in every face.
// @see https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_DescribeUserPoolClient.html
import type { CognitoAppClient, CognitoClientUse } from './cognito-app-client'
import type { CognitoRunFlow } from './cognito-flow-input'
import { lintOAuth } from './cognito-oauth-lint'
import { lintTokenLifetimes } from './cognito-token-lifetime-lint'
import type { Diagnostic } from './run-model'

export { CognitoAppClient, type CognitoClientUse } from './cognito-app-client'

const FLOWS_REF = 'Cognito API: UserPoolClientType.ExplicitAuthFlows'
/** The ExplicitAuthFlows value each InitiateAuth flow needs. */
const ALLOW_VALUE: Record<CognitoRunFlow, string> = {
  USER_SRP_AUTH: 'ALLOW_USER_SRP_AUTH',
  USER_PASSWORD_AUTH: 'ALLOW_USER_PASSWORD_AUTH',
  CUSTOM_AUTH: 'ALLOW_CUSTOM_AUTH',
  USER_AUTH: 'ALLOW_USER_AUTH',
  REFRESH_TOKEN_AUTH: 'ALLOW_REFRESH_TOKEN_AUTH',
}
/** The legacy ExplicitAuthFlows values and the ALLOW_ value that replaces each. */
const LEGACY_REPLACEMENT: Readonly<Record<string, string>> = {
  ADMIN_NO_SRP_AUTH: 'ALLOW_ADMIN_USER_PASSWORD_AUTH',
  USER_PASSWORD_AUTH: 'ALLOW_USER_PASSWORD_AUTH',
  CUSTOM_AUTH_FLOW_ONLY: 'ALLOW_CUSTOM_AUTH',
}
/** What a client allows when its ExplicitAuthFlows were never set (API reference). */
const DEFAULT_FLOWS = ['ALLOW_REFRESH_TOKEN_AUTH', 'ALLOW_USER_SRP_AUTH', 'ALLOW_CUSTOM_AUTH']

/**
 * Every finding about an app client, errors first; none when it is well formed for the use.
 * @see https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_UserPoolClientType.html
 */
export function lintCognitoClient(
  client: CognitoAppClient,
  use: CognitoClientUse = {},
): Diagnostic[] {
  const findings = [
    ...lintAuthFlows(client, use.authFlow),
    ...lintOAuth(client, use.oauth),
    ...lintTokenLifetimes(client),
    ...lintSessionSettings(client, use),
  ]
  const rank = { error: 0, warning: 1, info: 2 } as const
  return findings.sort((a, b) => rank[a.severity] - rank[b.severity])
}

function lintAuthFlows(client: CognitoAppClient, authFlow: CognitoRunFlow | undefined) {
  const flows = client.ExplicitAuthFlows ?? DEFAULT_FLOWS
  const legacy = flows.filter((flow) => Object.hasOwn(LEGACY_REPLACEMENT, flow))
  const current = flows.filter((flow) => flow.startsWith('ALLOW_'))
  const findings: Diagnostic[] = []
  // Legacy values cannot be assigned together with ALLOW_ values (API reference, ExplicitAuthFlows).
  if (legacy.length > 0 && current.length > 0) {
    findings.push({
      severity: 'error',
      code: 'COGNITO_CLIENT_MIXED_FLOW_NAMES',
      message: `ExplicitAuthFlows mixes legacy names (${legacy.join(', ')}) with ALLOW_ names.`,
      hint: `Cognito refuses that mix: replace ${legacy.map((flow) => `${flow} by ${LEGACY_REPLACEMENT[flow]}`).join(', ')}.`,
      ref: FLOWS_REF,
    })
  } else if (legacy.length > 0) {
    // ADMIN_NO_SRP_AUTH is replaced by ALLOW_ADMIN_USER_PASSWORD_AUTH (API reference).
    findings.push({
      severity: 'info',
      code: 'COGNITO_CLIENT_LEGACY_FLOW_NAMES',
      message: `ExplicitAuthFlows uses legacy names: ${legacy.join(', ')}.`,
      hint: `Their current names: ${legacy.map((flow) => `${flow} → ${LEGACY_REPLACEMENT[flow]}`).join(', ')}. Which other flows a legacy client allows is not documented, so only these are checked.`,
      ref: FLOWS_REF,
    })
  }
  if (authFlow === undefined) return findings
  const needed = ALLOW_VALUE[authFlow]
  const allowed = current.length > 0 ? current : legacy.map((flow) => LEGACY_REPLACEMENT[flow]!)
  // A legacy-only list speaks for USER_PASSWORD_AUTH and USER_AUTH only (see the info above).
  const canJudge =
    current.length > 0 ||
    legacy.length === 0 ||
    ['USER_PASSWORD_AUTH', 'USER_AUTH'].includes(authFlow)
  // InitiateAuth refuses a flow whose ALLOW_ value the client lacks (API reference, ExplicitAuthFlows).
  if (canJudge && !allowed.includes(needed)) {
    findings.push({
      severity: 'error',
      code: 'COGNITO_CLIENT_FLOW_NOT_ENABLED',
      message: `${authFlow} is not enabled for this app client: its ExplicitAuthFlows lack ${needed}.`,
      hint: flowHint(authFlow, needed, allowed),
      ref: FLOWS_REF,
      expected: needed,
      actual: flows.join(', ') || '(none)',
    })
  }
  return findings
}

function flowHint(authFlow: CognitoRunFlow, needed: string, allowed: readonly string[]): string {
  const update = `Add ${needed} to ExplicitAuthFlows (UpdateUserPoolClient replaces the whole list: send the flows the client has too).`
  if (authFlow === 'REFRESH_TOKEN_AUTH') {
    return `A refresh token from sign-in is refused without ${needed}. ${update}`
  }
  // ALLOW_USER_AUTH does password and SRP inside USER_AUTH only, not as their own flows (API reference).
  if (allowed.includes('ALLOW_USER_AUTH') && authFlow !== 'CUSTOM_AUTH') {
    return `The client allows USER_AUTH, which can choose PASSWORD or PASSWORD_SRP as its first factor; or: ${update}`
  }
  return update
}

function lintSessionSettings(client: CognitoAppClient, use: CognitoClientUse) {
  const findings: Diagnostic[] = []
  const refreshesByInitiateAuth =
    use.authFlow === 'REFRESH_TOKEN_AUTH' && use.refreshWith !== 'GetTokensFromRefreshToken'
  const rotation = client.RefreshTokenRotation
  // "You can't authenticate with REFRESH_TOKEN_AUTH in app clients with refresh token rotation
  // enabled" (developer guide, "Refresh tokens").
  if (rotation?.Feature === 'ENABLED' && refreshesByInitiateAuth) {
    findings.push({
      severity: 'error',
      code: 'COGNITO_CLIENT_REFRESH_NEEDS_ROTATION_API',
      message: 'The client rotates refresh tokens, so InitiateAuth REFRESH_TOKEN_AUTH is refused.',
      hint: 'Refresh with GetTokensFromRefreshToken, and keep the new refresh token each answer brings.',
      ref: 'Cognito developer guide: refresh token rotation',
    })
  }
  // RetryGracePeriodSeconds ranges 0 to 60 (API reference, RefreshTokenRotationType).
  const grace = rotation?.RetryGracePeriodSeconds
  if (grace !== undefined && (grace < 0 || grace > 60)) {
    findings.push({
      severity: 'error',
      code: 'COGNITO_CLIENT_GRACE_PERIOD_RANGE',
      message: `RetryGracePeriodSeconds is ${grace}; Cognito accepts 0 to 60.`,
      hint: 'Choose how long a replaced refresh token still works for a retry, at most 60 seconds.',
      ref: 'Cognito API: RefreshTokenRotationType',
    })
  }
  // Revocation is on by default for new clients (API reference, EnableTokenRevocation).
  if (client.EnableTokenRevocation === false) {
    findings.push({
      severity: 'warning',
      code: 'COGNITO_CLIENT_REVOCATION_OFF',
      message: 'Token revocation is off for this client.',
      hint: 'RevokeToken and /oauth2/revoke are refused; a stolen refresh token works until it expires or the user signs out everywhere (GlobalSignOut).',
      ref: 'Cognito developer guide: revoking tokens',
    })
  }
  // LEGACY answers UserNotFoundException, telling callers which user names exist (API reference).
  if (client.PreventUserExistenceErrors === 'LEGACY') {
    findings.push({
      severity: 'info',
      code: 'COGNITO_CLIENT_USER_EXISTENCE_ERRORS',
      message:
        'PreventUserExistenceErrors is LEGACY: sign-in and recovery say when a user does not exist.',
      hint: 'Set it to ENABLED so an unknown user gets the same answer as a wrong password.',
      ref: 'Cognito API: UserPoolClientType.PreventUserExistenceErrors',
    })
  }
  return findings
}
