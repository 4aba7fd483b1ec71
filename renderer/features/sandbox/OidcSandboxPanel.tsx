// The sandbox OpenID provider: its issuer, demo clients and demo users.
import type { OidcSandboxDescription } from '../../../shared/sandbox-model'
import { Redacted } from '../../components/Redacted'

export function OidcSandboxPanel({ oidc }: { oidc: OidcSandboxDescription }) {
  return (
    <section aria-labelledby="oidc-sandbox-title">
      <h2 id="oidc-sandbox-title">OpenID provider</h2>
      <dl className="facts">
        <dt>Issuer</dt>
        <dd>
          <code>{oidc.issuer}</code>
        </dd>
        <dt>Discovery</dt>
        <dd>
          <code>{`${oidc.issuer}/.well-known/openid-configuration`}</code>
        </dd>
      </dl>
      <table aria-label="OpenID provider clients">
        <thead>
          <tr>
            <th scope="col">Client</th>
            <th scope="col">For</th>
            <th scope="col">Authentication</th>
            <th scope="col">Secret</th>
          </tr>
        </thead>
        <tbody>
          {oidc.clients.map((client) => (
            <tr key={client.client_id}>
              <th scope="row">
                <code>{client.client_id}</code>
              </th>
              <td>{client.label}</td>
              <td>
                <code>{client.token_endpoint_auth_method}</code>
              </td>
              <td>
                {client.client_secret ? (
                  <Redacted value={client.client_secret} label={`secret of ${client.client_id}`} />
                ) : client.private_key_jwk ? (
                  <Redacted
                    value={client.private_key_jwk}
                    label={`private key (JWK) of ${client.client_id}`}
                  />
                ) : (
                  'none (public)'
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <UserTable
        label="OpenID provider users"
        users={oidc.users.map((user) => ({ ...user, extra: undefined }))}
      />
    </section>
  )
}

export type DemoUserRow = { username: string; password: string; label: string; extra?: string }

export function UserTable({ label, users }: { label: string; users: DemoUserRow[] }) {
  return (
    <table aria-label={label}>
      <thead>
        <tr>
          <th scope="col">User</th>
          <th scope="col">Password</th>
          <th scope="col">What it shows</th>
        </tr>
      </thead>
      <tbody>
        {users.map((user) => (
          <tr key={user.username}>
            <th scope="row">
              <code>{user.username}</code>
            </th>
            <td>
              <Redacted value={user.password} label={`password of ${user.username}`} />
            </td>
            <td>
              {user.label}
              {user.extra && <span className="muted"> · {user.extra}</span>}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  )
}
