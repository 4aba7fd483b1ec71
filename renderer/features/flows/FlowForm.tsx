// Chooses what to run: the provider (the sandbox's or any issuer), the client and the flow options.
import { useEffect, useId, useState, type FormEvent } from 'react'
import type { StartRunInput } from '../../../shared/flow-input'
import { useSandbox } from '../../state/use-sandbox'

type Props = { onStart: (input: StartRunInput) => void }

export function FlowForm({ onStart }: Props) {
  const id = useId()
  const { status } = useSandbox()
  const sandboxClients = status?.oidc?.clients ?? []
  const [flow, setFlow] = useState<'code' | 'client_credentials'>('code')
  const [issuer, setIssuer] = useState('')
  const [clientId, setClientId] = useState('afx-native')
  const [clientSecret, setClientSecret] = useState('')
  const [scope, setScope] = useState('openid profile email')
  const [pkce, setPkce] = useState<'S256' | 'plain' | 'off'>('S256')
  const [responseMode, setResponseMode] = useState<'query' | 'form_post'>('query')
  const [redirectHost, setRedirectHost] = useState<'127.0.0.1' | 'localhost' | '[::1]'>('127.0.0.1')
  const [extraParams, setExtraParams] = useState('')
  const [stepByStep, setStepByStep] = useState(false)
  const [openBrowser, setOpenBrowser] = useState(true)

  // Aim at the sandbox by default, once it is known to run.
  const sandboxIssuer = status?.oidc?.issuer
  useEffect(() => {
    if (sandboxIssuer) setIssuer((current) => current || sandboxIssuer)
  }, [sandboxIssuer])

  const pickSandboxClient = (picked: string) => {
    const client = sandboxClients.find((candidate) => candidate.client_id === picked)
    if (!client) return
    setClientId(client.client_id)
    setClientSecret(client.client_secret ?? '')
    if (
      client.grant_types.includes('client_credentials') &&
      !client.grant_types.includes('authorization_code')
    ) {
      setFlow('client_credentials')
      setScope(
        client.scope
          .split(' ')
          .filter((s) => s.startsWith('api:'))
          .join(' '),
      )
      if (client.default_resource === undefined) setExtraParams('resource=urn:afx:sandbox-api')
    } else {
      setFlow('code')
      setScope('openid profile email')
      setExtraParams('')
    }
  }

  const submit = (event: FormEvent) => {
    event.preventDefault()
    const common = {
      provider: { issuer },
      client: {
        clientId,
        ...(clientSecret ? { clientSecret } : {}),
        ...(scope ? { scope } : {}),
        extraParams: parseParams(extraParams),
      },
      mode: stepByStep ? ('step' as const) : ('auto' as const),
    }
    onStart(
      flow === 'code'
        ? {
            ...common,
            flow,
            pkce,
            responseMode,
            redirect: { host: redirectHost, port: 0, path: '/callback' },
            browser: openBrowser ? 'system' : 'none',
            callbackTimeoutMs: 300_000,
          }
        : { ...common, flow },
    )
  }

  return (
    <form className="flow-form" onSubmit={submit} aria-label="Flow">
      <label htmlFor={`${id}-flow`}>Flow</label>
      <select
        id={`${id}-flow`}
        value={flow}
        onChange={(e) => setFlow(e.target.value as typeof flow)}
      >
        <option value="code">Authorization code</option>
        <option value="client_credentials">Client credentials</option>
      </select>

      <label htmlFor={`${id}-issuer`}>Issuer</label>
      <input
        id={`${id}-issuer`}
        value={issuer}
        onChange={(e) => setIssuer(e.target.value)}
        required
        placeholder="https://login.example.com"
      />

      {sandboxClients.length > 0 && issuer === sandboxIssuer && (
        <>
          <label htmlFor={`${id}-sandbox-client`}>Sandbox client</label>
          <select
            id={`${id}-sandbox-client`}
            value={clientId}
            onChange={(e) => pickSandboxClient(e.target.value)}
          >
            {sandboxClients.map((client) => (
              <option key={client.client_id} value={client.client_id}>
                {client.client_id}: {client.label}
              </option>
            ))}
          </select>
        </>
      )}

      <label htmlFor={`${id}-client-id`}>Client ID</label>
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
        placeholder="none (public client)"
      />

      <label htmlFor={`${id}-scope`}>Scope</label>
      <input id={`${id}-scope`} value={scope} onChange={(e) => setScope(e.target.value)} />

      {flow === 'code' && (
        <>
          <label htmlFor={`${id}-pkce`}>PKCE</label>
          <select
            id={`${id}-pkce`}
            value={pkce}
            onChange={(e) => setPkce(e.target.value as typeof pkce)}
          >
            <option value="S256">S256</option>
            <option value="plain">plain</option>
            <option value="off">off</option>
          </select>
          <label htmlFor={`${id}-mode`}>Response mode</label>
          <select
            id={`${id}-mode`}
            value={responseMode}
            onChange={(e) => setResponseMode(e.target.value as typeof responseMode)}
          >
            <option value="query">query</option>
            <option value="form_post">form_post</option>
          </select>
          <label htmlFor={`${id}-host`}>Redirect host</label>
          <select
            id={`${id}-host`}
            value={redirectHost}
            onChange={(e) => setRedirectHost(e.target.value as typeof redirectHost)}
          >
            <option value="127.0.0.1">127.0.0.1</option>
            <option value="localhost">localhost</option>
            <option value="[::1]">[::1]</option>
          </select>
        </>
      )}

      <label htmlFor={`${id}-params`}>Extra parameters</label>
      <textarea
        id={`${id}-params`}
        value={extraParams}
        onChange={(e) => setExtraParams(e.target.value)}
        rows={2}
        placeholder="one name=value per line: prompt=login, audience=…"
      />

      <span />
      <div className="checks">
        <label>
          <input
            type="checkbox"
            checked={stepByStep}
            onChange={(e) => setStepByStep(e.target.checked)}
          />{' '}
          Step by step
        </label>
        {flow === 'code' && (
          <label>
            <input
              type="checkbox"
              checked={openBrowser}
              onChange={(e) => setOpenBrowser(e.target.checked)}
            />{' '}
            Open the system browser
          </label>
        )}
      </div>
      <span />
      <button type="submit" className="primary">
        Start
      </button>
    </form>
  )
}

function parseParams(text: string): Record<string, string> {
  const params: Record<string, string> = {}
  for (const line of text.split(/\n|,\s*/)) {
    const at = line.indexOf('=')
    if (at > 0) params[line.slice(0, at).trim()] = line.slice(at + 1).trim()
  }
  return params
}
