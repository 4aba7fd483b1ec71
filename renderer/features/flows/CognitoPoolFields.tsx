// The user pool and app client a Cognito form runs against: a saved profile, or the pool (the
// sandbox's when it runs) and client by hand, with the secret that makes SECRET_HASH.
import { useEffect, type Dispatch, type SetStateAction } from 'react'
import type { Profile, ProfileClient } from '../../../shared/workspace-model'
import { SelectField, TextField } from '../../components/FormFields'
import { useProfiles } from '../../state/use-profiles'
import { useSandbox } from '../../state/use-sandbox'
import { cognitoFieldsOf, profileChoiceOf, type ProfileChoice } from './profile-fields'
import { ProfileSelect } from './ProfileSelect'

/** The pool and client as the form holds them. */
export type CognitoPoolDraft = {
  profile: ProfileChoice | undefined
  region: string
  userPoolId: string
  endpoint: string
  clientId: string
  clientSecret: string
}

export const EMPTY_POOL: CognitoPoolDraft = {
  profile: undefined,
  region: '',
  userPoolId: '',
  endpoint: '',
  clientId: '',
  clientSecret: '',
}

/** The start input's pool fields; empty optional ones are left out. */
export function poolInputOf(draft: CognitoPoolDraft) {
  return {
    ...(draft.profile ? { profile: draft.profile.name } : {}),
    region: draft.region,
    userPoolId: draft.userPoolId,
    clientId: draft.clientId,
    ...(draft.clientSecret ? { clientSecret: draft.clientSecret } : {}),
    ...(draft.endpoint ? { endpoint: draft.endpoint } : {}),
  }
}

type Props = { pool: CognitoPoolDraft; setPool: Dispatch<SetStateAction<CognitoPoolDraft>> }

export function CognitoPoolFields({ pool, setPool }: Props) {
  const cognito = useSandbox().status?.cognito
  const profiles = useProfiles().profiles?.filter((profile) => profile.provider.kind === 'cognito')
  const change = (fields: Partial<CognitoPoolDraft>) =>
    setPool((current) => ({ ...current, ...fields }))

  // Aim at the sandbox pool by default, once it is known to run; never over what was typed.
  useEffect(() => {
    if (!cognito) return
    setPool((current) => ({
      ...current,
      region: current.region || cognito.region,
      userPoolId: current.userPoolId || cognito.userPoolId,
      endpoint: current.endpoint || cognito.endpoint,
      clientId: current.clientId || (cognito.clients[0]?.clientId ?? ''),
    }))
  }, [cognito, setPool])

  const isSandbox = cognito !== undefined && pool.endpoint === cognito.endpoint
  const pickClient = (picked: string) => {
    const client = cognito?.clients.find((candidate) => candidate.clientId === picked)
    if (client) change({ clientId: client.clientId, clientSecret: client.clientSecret ?? '' })
  }
  const chooseProfile = (picked: Profile | undefined, pickedClient: ProfileClient | undefined) => {
    const fields = picked && cognitoFieldsOf(picked, pickedClient)
    change({
      profile: profileChoiceOf(picked, pickedClient),
      // The profile's secret, when it keeps one, is added by the engine.
      ...(fields ? { ...fields, clientSecret: '' } : {}),
    })
  }

  return (
    <>
      <ProfileSelect profiles={profiles} chosen={pool.profile} onChoose={chooseProfile} />
      <TextField
        label="Region"
        value={pool.region}
        onChange={(region) => change({ region })}
        required
        placeholder="us-east-1"
      />
      <TextField
        label="User pool ID"
        value={pool.userPoolId}
        onChange={(userPoolId) => change({ userPoolId })}
        required
        placeholder="us-east-1_Abc123"
      />
      <TextField
        label="Endpoint"
        value={pool.endpoint}
        onChange={(endpoint) => change({ endpoint })}
        placeholder={`https://cognito-idp.${pool.region || '<region>'}.amazonaws.com/`}
      />
      {isSandbox && (
        <SelectField
          label="Sandbox app client"
          value={pool.clientId}
          options={cognito.clients.map((client) => ({
            value: client.clientId,
            label: `${client.clientId}: ${client.label}`,
          }))}
          onChange={pickClient}
        />
      )}
      <TextField
        label="App client ID"
        value={pool.clientId}
        onChange={(clientId) => change({ clientId })}
        required
      />
      <TextField
        label="Client secret"
        type="password"
        value={pool.clientSecret}
        onChange={(clientSecret) => change({ clientSecret })}
        placeholder={
          pool.profile?.secretNote
            ? 'kept with the profile'
            : 'none (public client: no SECRET_HASH)'
        }
        note={pool.clientSecret ? undefined : pool.profile?.secretNote}
      />
    </>
  )
}
