// The sandbox Cognito pool: endpoint, pool id, app clients and demo users (with TOTP secrets).
import type { CognitoSandboxDescription } from '../../../shared/sandbox-model'
import { Redacted } from '../../components/Redacted'
import { UserTable } from './OidcSandboxPanel'

export function CognitoSandboxPanel({ cognito }: { cognito: CognitoSandboxDescription }) {
  return (
    <section aria-labelledby="cognito-sandbox-title">
      <h2 id="cognito-sandbox-title">Cognito user pool</h2>
      <dl className="facts">
        <dt>Endpoint</dt>
        <dd>
          <code>{cognito.endpoint}</code>
        </dd>
        <dt>Region</dt>
        <dd>
          <code>{cognito.region}</code>
        </dd>
        <dt>User pool</dt>
        <dd>
          <code>{cognito.userPoolId}</code>
        </dd>
        <dt>Issuer</dt>
        <dd>
          <code>{cognito.issuer}</code>
        </dd>
        <dt>JWKS</dt>
        <dd>
          <code>{cognito.jwksUri}</code>
        </dd>
        <dt>Custom challenge</dt>
        <dd>
          {cognito.customChallenge.question} (answer: <code>{cognito.customChallenge.answer}</code>)
        </dd>
      </dl>
      <table aria-label="Cognito app clients">
        <thead>
          <tr>
            <th scope="col">App client</th>
            <th scope="col">For</th>
            <th scope="col">Auth flows</th>
            <th scope="col">Secret</th>
          </tr>
        </thead>
        <tbody>
          {cognito.clients.map((client) => (
            <tr key={client.clientId}>
              <th scope="row">
                <code>{client.clientId}</code>
              </th>
              <td>{client.label}</td>
              <td>{client.explicitAuthFlows.join(', ')}</td>
              <td>
                {client.clientSecret ? (
                  <Redacted value={client.clientSecret} label={`secret of ${client.clientId}`} />
                ) : (
                  'none'
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <UserTable
        label="Cognito users"
        users={cognito.users.map((user) => ({
          ...user,
          extra: user.totpSecret ? `TOTP secret ${user.totpSecret}` : undefined,
        }))}
      />
    </section>
  )
}
