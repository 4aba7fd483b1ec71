// Chooses what to run: the flow, the provider (the sandbox's or any issuer), the client, and the
// options of that flow.
import { useEffect, useId, useState, type FormEvent } from 'react'
import type { StartRunInput } from '../../../shared/flow-input'
import { useSandbox } from '../../state/use-sandbox'
import { FlowDetailsFields } from './FlowDetailsFields'
import { CheckField, SelectField, TextField } from './FormFields'
import {
  buildStartInput,
  DEFAULT_DETAILS,
  FLOW_CHOICES,
  flowForClient,
  REDIRECT_FLOWS,
  type FlowDetails,
  type FlowName,
} from './flow-choices'

type Props = { onStart: (input: StartRunInput) => void }

/** Flows that use a token the user already has: picking a client keeps them as they are. */
const TOKEN_FLOWS: readonly FlowName[] = [
  'refresh',
  'userinfo',
  'introspection',
  'revocation',
  'logout',
]

export function FlowForm({ onStart }: Props) {
  const id = useId()
  const { status } = useSandbox()
  const sandboxClients = status?.oidc?.clients ?? []
  const [flow, setFlow] = useState<FlowName>('code')
  const [issuer, setIssuer] = useState('')
  const [clientId, setClientId] = useState('afx-native')
  const [clientSecret, setClientSecret] = useState('')
  const [scope, setScope] = useState('openid profile email')
  const [extraParams, setExtraParams] = useState('')
  const [details, setDetails] = useState<FlowDetails>(DEFAULT_DETAILS)
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
    if (TOKEN_FLOWS.includes(flow)) return
    const suggested = flowForClient(client)
    setFlow(suggested.flow)
    setScope(suggested.scope)
    setExtraParams(suggested.extraParams)
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
    onStart(buildStartInput(flow, common, details, openBrowser))
  }

  return (
    <form className="flow-form" onSubmit={submit} aria-label="Flow">
      <SelectField label="Flow" value={flow} options={FLOW_CHOICES} onChange={setFlow} />
      <TextField
        label="Issuer"
        value={issuer}
        onChange={setIssuer}
        required
        placeholder="https://login.example.com"
      />
      {sandboxClients.length > 0 && issuer === sandboxIssuer && (
        <SelectField
          label="Sandbox client"
          value={clientId}
          options={sandboxClients.map((client) => ({
            value: client.client_id,
            label: `${client.client_id}: ${client.label}`,
          }))}
          onChange={pickSandboxClient}
        />
      )}
      <TextField label="Client ID" value={clientId} onChange={setClientId} required />
      <TextField
        label="Client secret"
        type="password"
        value={clientSecret}
        onChange={setClientSecret}
        placeholder="none (public client)"
      />
      <TextField label="Scope" value={scope} onChange={setScope} />
      <FlowDetailsFields
        flow={flow}
        details={details}
        onChange={(change) => setDetails((current) => ({ ...current, ...change }))}
      />

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
        <CheckField label="Step by step" checked={stepByStep} onChange={setStepByStep} />
        {(REDIRECT_FLOWS.includes(flow) || flow === 'device') && (
          <CheckField
            label="Open the system browser"
            checked={openBrowser}
            onChange={setOpenBrowser}
          />
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
