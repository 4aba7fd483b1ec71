// Chooses what to run: a saved profile or the provider (the sandbox's or any issuer) and client by
// hand, the flow, and the options of that flow.
import { useEffect, useState, type FormEvent } from 'react'
import type { ProviderInput, StartRunInput } from '../../../shared/flow-input'
import type { Profile, ProfileClient } from '../../../shared/workspace-model'
import { useSandbox } from '../../state/use-sandbox'
import { BreakItFields } from './BreakItFields'
import { FlowDetailsFields } from './FlowDetailsFields'
import { CheckField, SelectField, TextAreaField } from '../../components/FormFields'
import { OAuthClientFields } from './OAuthClientFields'
import { ProfileSelect } from './ProfileSelect'
import { clientOf, DEFAULT_CLIENT, type ClientDraft } from './client-draft'
import {
  buildStartInput,
  DEFAULT_DETAILS,
  FLOW_CHOICES,
  flowForClient,
  REDIRECT_FLOWS,
  type FlowDetails,
  type FlowName,
} from './flow-choices'
import { oauthFieldsOf, profileChoiceOf, type ProfileChoice } from './profile-fields'
import { useProfiles } from '../../state/use-profiles'

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
  const { status } = useSandbox()
  const { profiles } = useProfiles()
  const [profile, setProfile] = useState<ProfileChoice>()
  const [flow, setFlow] = useState<FlowName>('code')
  const [provider, setProvider] = useState<ProviderInput>({ issuer: '' })
  const [client, setClient] = useState<ClientDraft>(DEFAULT_CLIENT)
  const [details, setDetails] = useState<FlowDetails>(DEFAULT_DETAILS)
  const [stepByStep, setStepByStep] = useState(false)
  const [openBrowser, setOpenBrowser] = useState(true)
  const changeClient = (change: Partial<ClientDraft>) => setClient((now) => ({ ...now, ...change }))
  const changeDetails = (change: Partial<FlowDetails>) =>
    setDetails((now) => ({ ...now, ...change }))

  // Aim at the sandbox by default, once it is known to run.
  const sandboxIssuer = status?.oidc?.issuer
  useEffect(() => {
    if (sandboxIssuer)
      setProvider((now) => ('issuer' in now && !now.issuer ? { issuer: sandboxIssuer } : now))
  }, [sandboxIssuer])
  const atSandbox = 'issuer' in provider && provider.issuer === sandboxIssuer

  const pickSandboxClient = (picked: string) => {
    const sandboxClient = status?.oidc?.clients.find((candidate) => candidate.client_id === picked)
    if (!sandboxClient) return
    changeClient({
      clientId: sandboxClient.client_id,
      clientSecret: sandboxClient.client_secret ?? '',
    })
    if (TOKEN_FLOWS.includes(flow)) return
    const suggested = flowForClient(sandboxClient)
    setFlow(suggested.flow)
    changeClient({ scope: suggested.scope, extraParams: suggested.extraParams })
  }

  const chooseProfile = (picked: Profile | undefined, pickedClient: ProfileClient | undefined) => {
    const fields = picked && oauthFieldsOf(picked, pickedClient)
    setProfile(profileChoiceOf(picked, pickedClient))
    // Back to no profile: endpoints only a profile can give make way for an issuer to type.
    if (!fields) return setProvider((now) => ('issuer' in now ? now : { issuer: '' }))
    setProvider(fields.provider)
    if (fields.client) setClient({ ...fields.client, clientSecret: '' })
    if (fields.redirect) changeDetails(fields.redirect)
    if (fields.logoutEndpoint) changeDetails({ logoutEndpoint: fields.logoutEndpoint })
  }

  const submit = (event: FormEvent) => {
    event.preventDefault()
    const common = {
      ...(profile ? { profile: profile.name } : {}),
      provider,
      client: clientOf(client),
      mode: stepByStep ? ('step' as const) : ('auto' as const),
    }
    onStart(buildStartInput(flow, common, details, openBrowser))
  }

  return (
    <form className="form-grid flow-form" onSubmit={submit} aria-label="Flow">
      <ProfileSelect profiles={profiles} chosen={profile} onChoose={chooseProfile} />
      <SelectField label="Flow" value={flow} options={FLOW_CHOICES} onChange={setFlow} />
      <OAuthClientFields
        provider={provider}
        onIssuerChange={(issuer) => setProvider({ issuer })}
        client={client}
        onClientChange={changeClient}
        sandboxClients={atSandbox ? (status?.oidc?.clients ?? []) : []}
        onPickSandboxClient={pickSandboxClient}
        secretNote={client.clientSecret ? undefined : profile?.secretNote}
      />
      <FlowDetailsFields flow={flow} details={details} onChange={changeDetails} />

      <TextAreaField
        label="Extra parameters"
        value={client.extraParams}
        onChange={(extraParams) => changeClient({ extraParams })}
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
      {flow === 'code' && (
        <BreakItFields
          chosen={details.breakIt}
          onChange={(breakIt) => changeDetails({ breakIt })}
        />
      )}
      <span />
      <button type="submit" className="primary">
        Start
      </button>
    </form>
  )
}
