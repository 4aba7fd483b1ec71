// Chooses a Cognito sign-in: a saved profile or the user pool (the sandbox's when it runs) and
// app client by hand, the user (one of the profile's test users, whose password and TOTP secret
// the engine adds) and the InitiateAuth flow. Challenges are answered later, in the run, as they
// come, unless the run can answer them itself.
import { useEffect, useState, type FormEvent } from 'react'
import type { StartRunInput } from '../../../shared/flow-input'
import type { Profile, ProfileClient } from '../../../shared/workspace-model'
import { useSandbox } from '../../state/use-sandbox'
import {
  CognitoDeviceFields,
  deviceInputOf,
  EMPTY_DEVICE,
  type DeviceDraft,
} from './CognitoDeviceFields'
import { CognitoUserFields, type CognitoUserDraft } from './CognitoUserFields'
import { CheckField, SelectField, TextField } from '../../components/FormFields'
import { ProfileSelect } from './ProfileSelect'
import {
  cognitoFieldsOf,
  keptUserNote,
  profileChoiceOf,
  type ProfileChoice,
} from './profile-fields'
import { useProfiles } from '../../state/use-profiles'

type Props = { onStart: (input: StartRunInput) => void }

export function CognitoFlowForm({ onStart }: Props) {
  const cognito = useSandbox().status?.cognito
  const profiles = useProfiles().profiles?.filter((profile) => profile.provider.kind === 'cognito')
  const [profile, setProfile] = useState<ProfileChoice>()
  const [region, setRegion] = useState('')
  const [userPoolId, setUserPoolId] = useState('')
  const [endpoint, setEndpoint] = useState('')
  const [clientId, setClientId] = useState('')
  const [clientSecret, setClientSecret] = useState('')
  const [user, setUser] = useState<CognitoUserDraft>({
    username: '',
    password: '',
    refreshToken: '',
    authFlow: 'USER_SRP_AUTH',
    preferredChallenge: '',
    refreshWith: 'InitiateAuth',
  })
  const [device, setDevice] = useState<DeviceDraft>(EMPTY_DEVICE)
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
  const savedUsers = profiles?.find((candidate) => candidate.name === profile?.name)?.users ?? []
  const savedUser = savedUsers.find((candidate) => candidate.username === user.username)

  const pickClient = (picked: string) => {
    const client = cognito?.clients.find((candidate) => candidate.clientId === picked)
    if (!client) return
    setClientId(client.clientId)
    setClientSecret(client.clientSecret ?? '')
  }
  const chooseProfile = (picked: Profile | undefined, pickedClient: ProfileClient | undefined) => {
    const fields = picked && cognitoFieldsOf(picked, pickedClient)
    setProfile(profileChoiceOf(picked, pickedClient))
    if (!fields) return
    setRegion(fields.region)
    setUserPoolId(fields.userPoolId)
    setEndpoint(fields.endpoint)
    if (fields.clientId !== undefined) setClientId(fields.clientId)
    setClientSecret('') // the profile's, when it keeps one, is added by the engine
  }

  const submit = (event: FormEvent) => {
    event.preventDefault()
    onStart({
      flow: 'cognito',
      ...(profile ? { profile: profile.name } : {}),
      region,
      userPoolId,
      clientId,
      ...(clientSecret ? { clientSecret } : {}),
      ...(endpoint ? { endpoint } : {}),
      ...(user.username ? { username: user.username } : {}),
      ...(user.authFlow === 'REFRESH_TOKEN_AUTH'
        ? { refreshToken: user.refreshToken }
        : user.password
          ? { password: user.password }
          : {}),
      authFlow: user.authFlow,
      ...(user.authFlow === 'USER_AUTH' && user.preferredChallenge
        ? { preferredChallenge: user.preferredChallenge }
        : {}),
      ...(user.authFlow === 'REFRESH_TOKEN_AUTH' && user.refreshWith !== 'InitiateAuth'
        ? { refreshWith: user.refreshWith }
        : {}),
      ...deviceInputOf(device),
      mode: stepByStep ? 'step' : 'auto',
    })
  }

  return (
    <form className="form-grid flow-form" onSubmit={submit} aria-label="Cognito sign-in">
      <ProfileSelect profiles={profiles} chosen={profile} onChoose={chooseProfile} />
      <TextField
        label="Region"
        value={region}
        onChange={setRegion}
        required
        placeholder="us-east-1"
      />
      <TextField
        label="User pool ID"
        value={userPoolId}
        onChange={setUserPoolId}
        required
        placeholder="us-east-1_Abc123"
      />
      <TextField
        label="Endpoint"
        value={endpoint}
        onChange={setEndpoint}
        placeholder={`https://cognito-idp.${region || '<region>'}.amazonaws.com/`}
      />
      {isSandbox && (
        <SelectField
          label="Sandbox app client"
          value={clientId}
          options={cognito.clients.map((client) => ({
            value: client.clientId,
            label: `${client.clientId}: ${client.label}`,
          }))}
          onChange={pickClient}
        />
      )}
      <TextField label="App client ID" value={clientId} onChange={setClientId} required />
      <TextField
        label="Client secret"
        type="password"
        value={clientSecret}
        onChange={setClientSecret}
        placeholder={
          profile?.secretNote ? 'kept with the profile' : 'none (public client: no SECRET_HASH)'
        }
        note={clientSecret ? undefined : profile?.secretNote}
      />
      {savedUsers.length > 0 && (
        <SelectField
          label="Saved user"
          value={savedUser?.username ?? ''}
          options={[
            { value: '', label: 'None: type the user below' },
            ...savedUsers.map(({ username }) => username),
          ]}
          // The name only: the engine adds the password and TOTP secret kept with the profile.
          onChange={(username) => setUser((current) => ({ ...current, username, password: '' }))}
        />
      )}
      <CognitoUserFields
        sandboxUsers={isSandbox ? cognito.users : undefined}
        user={user}
        onChange={(change) => setUser((current) => ({ ...current, ...change }))}
        savedUser={
          savedUser && {
            keepsPassword: savedUser.password !== undefined,
            note: keptUserNote(savedUser),
          }
        }
      />

      <CognitoDeviceFields
        device={device}
        onChange={(change) => setDevice((current) => ({ ...current, ...change }))}
      />
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
