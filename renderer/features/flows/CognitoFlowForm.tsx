// Chooses a Cognito sign-in: the user pool (the sandbox's when it runs), the app client, the user
// and the InitiateAuth flow. Challenges are answered later, in the run, as they come.
import { useEffect, useId, useState, type FormEvent } from 'react'
import type { CognitoAuthFlow } from '../../../shared/cognito-flow-input'
import type { StartRunInput } from '../../../shared/flow-input'
import { useSandbox } from '../../state/use-sandbox'
import { CheckField } from './FormFields'

type Props = { onStart: (input: StartRunInput) => void }

const FLOW_NOTES: Record<CognitoAuthFlow, string> = {
  USER_SRP_AUTH: 'The password never leaves this machine: it signs a claim instead.',
  USER_PASSWORD_AUTH: 'The password itself is sent to Cognito (over TLS). Prefer SRP.',
  CUSTOM_AUTH: "The pool's custom challenge; with a password, an SRP proof comes first.",
}

export function CognitoFlowForm({ onStart }: Props) {
  const id = useId()
  const cognito = useSandbox().status?.cognito
  const [region, setRegion] = useState('')
  const [userPoolId, setUserPoolId] = useState('')
  const [endpoint, setEndpoint] = useState('')
  const [clientId, setClientId] = useState('')
  const [clientSecret, setClientSecret] = useState('')
  const [username, setUsername] = useState('')
  const [password, setPassword] = useState('')
  const [authFlow, setAuthFlow] = useState<CognitoAuthFlow>('USER_SRP_AUTH')
  const [stepByStep, setStepByStep] = useState(false)

  // Aim at the sandbox pool by default, once it is known to run; never over what was typed.
  useEffect(() => {
    if (!cognito) return
    setRegion((current) => current || cognito.region)
    setUserPoolId((current) => current || cognito.userPoolId)
    setEndpoint((current) => current || cognito.endpoint)
    setClientId((current) => current || (cognito.clients[0]?.clientId ?? ''))
  }, [cognito])

  const isSandbox = cognito !== undefined && endpoint === cognito.endpoint
  const pickedUser = cognito?.users.find(
    (user) => user.username === username || user.signInAliases?.includes(username),
  )

  const pickClient = (picked: string) => {
    const client = cognito?.clients.find((candidate) => candidate.clientId === picked)
    if (!client) return
    setClientId(client.clientId)
    setClientSecret(client.clientSecret ?? '')
  }
  const pickUser = (picked: string) => {
    const user = cognito?.users.find((candidate) => candidate.username === picked)
    if (!user) return
    // An alias shows what Cognito does with one: USER_ID_FOR_SRP differs from what was typed.
    setUsername(user.signInAliases?.[0] ?? user.username)
    setPassword(user.password)
  }

  const submit = (event: FormEvent) => {
    event.preventDefault()
    onStart({
      flow: 'cognito',
      region,
      userPoolId,
      clientId,
      ...(clientSecret ? { clientSecret } : {}),
      ...(endpoint ? { endpoint } : {}),
      username,
      ...(password ? { password } : {}),
      authFlow,
      mode: stepByStep ? 'step' : 'auto',
    })
  }

  return (
    <form className="flow-form" onSubmit={submit} aria-label="Cognito sign-in">
      <label htmlFor={`${id}-region`}>Region</label>
      <input
        id={`${id}-region`}
        value={region}
        onChange={(e) => setRegion(e.target.value)}
        required
        placeholder="us-east-1"
      />

      <label htmlFor={`${id}-pool`}>User pool ID</label>
      <input
        id={`${id}-pool`}
        value={userPoolId}
        onChange={(e) => setUserPoolId(e.target.value)}
        required
        placeholder="us-east-1_Abc123"
      />

      <label htmlFor={`${id}-endpoint`}>Endpoint</label>
      <input
        id={`${id}-endpoint`}
        value={endpoint}
        onChange={(e) => setEndpoint(e.target.value)}
        placeholder={`https://cognito-idp.${region || '<region>'}.amazonaws.com/`}
      />

      {isSandbox && (
        <>
          <label htmlFor={`${id}-sandbox-client`}>Sandbox app client</label>
          <select
            id={`${id}-sandbox-client`}
            value={clientId}
            onChange={(e) => pickClient(e.target.value)}
          >
            {cognito.clients.map((client) => (
              <option key={client.clientId} value={client.clientId}>
                {client.clientId}: {client.label}
              </option>
            ))}
          </select>
        </>
      )}

      <label htmlFor={`${id}-client-id`}>App client ID</label>
      <input
        id={`${id}-client-id`}
        value={clientId}
        onChange={(e) => setClientId(e.target.value)}
        required
      />

      <label htmlFor={`${id}-client-secret`}>Client secret</label>
      <input
        id={`${id}-client-secret`}
        type="password"
        value={clientSecret}
        onChange={(e) => setClientSecret(e.target.value)}
        autoComplete="off"
        placeholder="none (public client: no SECRET_HASH)"
      />

      {isSandbox && (
        <>
          <label htmlFor={`${id}-sandbox-user`}>Sandbox user</label>
          <select
            id={`${id}-sandbox-user`}
            value={pickedUser?.username ?? ''}
            onChange={(e) => pickUser(e.target.value)}
          >
            <option value="">Choose a demo user…</option>
            {cognito.users.map((user) => (
              <option key={user.username} value={user.username}>
                {user.signInAliases?.[0] ?? user.username}: {user.label}
              </option>
            ))}
          </select>
        </>
      )}

      <label htmlFor={`${id}-username`}>User name</label>
      <input
        id={`${id}-username`}
        value={username}
        onChange={(e) => setUsername(e.target.value)}
        required
        autoComplete="off"
        placeholder="a user name or an alias (email, phone)"
      />

      <label htmlFor={`${id}-password`}>Password</label>
      <input
        id={`${id}-password`}
        type="password"
        value={password}
        onChange={(e) => setPassword(e.target.value)}
        required={authFlow !== 'CUSTOM_AUTH'}
        autoComplete="off"
        placeholder={authFlow === 'CUSTOM_AUTH' ? 'optional for CUSTOM_AUTH' : ''}
      />

      <label htmlFor={`${id}-auth-flow`}>Auth flow</label>
      <select
        id={`${id}-auth-flow`}
        value={authFlow}
        onChange={(e) => setAuthFlow(e.target.value as CognitoAuthFlow)}
        aria-describedby={`${id}-flow-note`}
      >
        <option value="USER_SRP_AUTH">USER_SRP_AUTH (SRP)</option>
        <option value="USER_PASSWORD_AUTH">USER_PASSWORD_AUTH (password sent)</option>
        <option value="CUSTOM_AUTH">CUSTOM_AUTH (custom challenge)</option>
      </select>
      <span />
      <p id={`${id}-flow-note`} className="muted">
        {FLOW_NOTES[authFlow]}
        {pickedUser && ` ${pickedUser.label}.`}
      </p>

      <span />
      <div className="checks">
        <CheckField label="Step by step" checked={stepByStep} onChange={setStepByStep} />
      </div>
      <span />
      <button type="submit" className="primary">
        Sign in
      </button>
    </form>
  )
}
