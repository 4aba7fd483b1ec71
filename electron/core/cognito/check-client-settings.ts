// Before a Cognito run sends anything: what the app-client linter finds in the client's settings
// as the profile last imported them, for the flow about to run. Only a warning step: the settings
// may have changed since the import, so Cognito's own answer stays the judge.
// @see https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_UserPoolClientType.html
import type { CognitoClientSettings, CognitoClientUse } from '../../../shared/cognito-app-client'
import { lintCognitoClient } from '../../../shared/cognito-client-lint'
import type { RunContext } from '../runs/run-context'

/** Records the findings as a check step that never fails the run; errors become warnings. */
export function checkClientSettings(
  ctx: RunContext,
  settings: CognitoClientSettings,
  use: CognitoClientUse,
): void {
  const findings = lintCognitoClient(settings.client, use).map((finding) =>
    finding.severity === 'error'
      ? {
          ...finding,
          severity: 'warning' as const,
          hint: `${finding.hint ?? ''} (From the settings imported ${settings.importedAt}; Cognito's answer below is what counts.)`.trim(),
        }
      : finding,
  )
  ctx.check(
    {
      title: "Check the app client's settings (as imported) for this flow",
      explain: 'cognito.client-lint',
    },
    findings.length > 0
      ? findings
      : [
          {
            code: 'COGNITO_CLIENT_SETTINGS_OK',
            severity: 'info',
            message: `The app client's imported settings allow this flow (imported ${settings.importedAt}).`,
            ref: 'Cognito API: UserPoolClientType',
          },
        ],
    { importedAt: settings.importedAt, authFlows: settings.client.ExplicitAuthFlows ?? [] },
  )
}
