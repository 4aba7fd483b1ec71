// A Cognito client's settings as imported from AWS (DescribeUserPool, DescribeUserPoolClient with
// AWS credentials the person chooses: a named profile or the default chain; none for the sandbox), shown beside the client with what the
// app-client linter finds in them. Saved with the profile, so runs from it are checked before
// they go.
import { useState } from 'react'
import type { CognitoClientSettings } from '../../../shared/cognito-app-client'
import { lintCognitoClient } from '../../../shared/cognito-client-lint'
import type { WireError } from '../../../shared/wire-error'
import { call } from '../../client'
import { DiagnosticBox } from '../../components/DiagnosticBox'
import { ErrorNotice } from '../../components/ErrorNotice'
import { SelectField, TextField } from '../../components/FormFields'

/** Where the client lives: the profile's Cognito provider. */
export type CognitoPoolAddress = { region: string; userPoolId: string; endpoint: string }

type Props = {
  pool: CognitoPoolAddress
  clientId: string
  settings: CognitoClientSettings | undefined
  onChange: (settings: CognitoClientSettings | undefined) => void
}

export function CognitoClientSettingsPanel({ pool, clientId, settings, onChange }: Props) {
  const [awsProfile, setAwsProfile] = useState('')
  const [source, setSource] = useState<'profile' | 'default-chain'>('profile')
  const [error, setError] = useState<WireError>()
  const [busy, setBusy] = useState(false)

  const importSettings = async () => {
    setBusy(true)
    setError(undefined)
    const result = await call('cognito.describeClient', {
      region: pool.region.trim(),
      userPoolId: pool.userPoolId.trim(),
      clientId: clientId.trim(),
      ...(pool.endpoint.trim() ? { endpoint: pool.endpoint.trim() } : {}),
      ...(source === 'default-chain'
        ? { useDefaultChain: true }
        : awsProfile.trim()
          ? { awsProfile: awsProfile.trim() }
          : {}),
    })
    setBusy(false)
    if (!result.ok) return setError(result.error)
    onChange(result.value)
  }

  return (
    <section className="cognito-settings" aria-label="App client settings from AWS">
      <div className="form-grid">
        <SelectField
          label="AWS credentials (for the import)"
          value={source}
          options={[
            { value: 'profile', label: 'A named AWS profile' },
            {
              value: 'default-chain',
              label: 'The default chain (environment, default profile, SSO)',
            },
          ]}
          onChange={setSource}
        />
        {source === 'profile' && (
          <TextField
            label="AWS profile"
            value={awsProfile}
            onChange={setAwsProfile}
            placeholder="not needed for the sandbox or an emulator on this computer"
          />
        )}
        <span />
        <div className="form-actions">
          <button type="button" onClick={() => void importSettings()} disabled={busy}>
            {settings ? 'Import the settings again' : 'Import the settings from AWS'}
          </button>
          {settings && (
            <button type="button" onClick={() => onChange(undefined)}>
              Forget the imported settings
            </button>
          )}
        </div>
      </div>
      {error && <ErrorNotice error={error} />}
      {settings && <SettingsSummary settings={settings} />}
    </section>
  )
}

function SettingsSummary({ settings }: { settings: CognitoClientSettings }) {
  const { client, pool } = settings
  const findings = lintCognitoClient(client)
  const list = (values: readonly string[] | undefined) => (values?.length ? values.join(', ') : '—')
  const units = client.TokenValidityUnits
  const facts: [string, string][] = [
    ['Imported', new Date(settings.importedAt).toLocaleString()],
    ['Client secret', client.HasClientSecret ? 'yes (SECRET_HASH needed)' : 'none (public client)'],
    ['Auth flows', list(client.ExplicitAuthFlows)],
    ['OAuth flows', list(client.AllowedOAuthFlows)],
    ['OAuth scopes', list(client.AllowedOAuthScopes)],
    ['Callback URLs', list(client.CallbackURLs)],
    ['Sign-out URLs', list(client.LogoutURLs)],
    [
      'Token lifetimes',
      `ID ${client.IdTokenValidity ?? '?'} ${units?.IdToken ?? 'hours'}, access ${client.AccessTokenValidity ?? '?'} ${units?.AccessToken ?? 'hours'}, refresh ${client.RefreshTokenValidity ?? '?'} ${units?.RefreshToken ?? 'days'}`,
    ],
    [
      'Refresh-token rotation',
      client.RefreshTokenRotation?.Feature === 'ENABLED'
        ? `on (${client.RefreshTokenRotation.RetryGracePeriodSeconds ?? 0} s grace)`
        : 'off',
    ],
    ['Token revocation', client.EnableTokenRevocation ? 'on' : 'off'],
    ['Pool MFA', pool.MfaConfiguration ?? '—'],
    ['Sign in with', list([...(pool.UsernameAttributes ?? []), ...(pool.AliasAttributes ?? [])])],
    ['Passwords', `at least ${pool.PasswordPolicy?.MinimumLength ?? '?'} characters`],
  ]
  return (
    <>
      <dl className="facts" aria-label="Imported settings">
        {facts.map(([name, value]) => (
          <div key={name} className="fact">
            <dt>{name}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
      {findings.length === 0 ? (
        <p className="check pass">
          <span className="check-mark">✓</span> The app-client linter finds nothing to change.
        </p>
      ) : (
        findings.map((finding) => (
          <DiagnosticBox key={finding.code + finding.message} diagnostic={finding} />
        ))
      )}
    </>
  )
}
