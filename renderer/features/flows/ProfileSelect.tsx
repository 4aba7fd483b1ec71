// The "Profile" select at the top of a flow form: the saved profiles this form can use and, for a
// profile with several clients, which client. Choosing one fills the form; the run then names the
// profile, so the engine adds the client secret kept with it.
import { profileClientFor } from '../../../shared/profile-to-flow'
import type { Profile, ProfileClient } from '../../../shared/workspace-model'
import { SelectField } from '../../components/FormFields'
import type { ProfileChoice } from './profile-fields'

type Props = {
  /** The profiles this form can run (undefined while they load). */
  profiles: Profile[] | undefined
  chosen: ProfileChoice | undefined
  onChoose: (profile: Profile | undefined, client: ProfileClient | undefined) => void
}

export function ProfileSelect({ profiles, chosen, onChoose }: Props) {
  const profile = profiles?.find((candidate) => candidate.name === chosen?.name)
  const first =
    profiles === undefined
      ? 'Loading profiles…'
      : profiles.length === 0
        ? 'No saved profiles'
        : 'None: fill in the fields below'
  const choose = (name: string) => {
    const picked = profiles?.find((candidate) => candidate.name === name)
    onChoose(picked, picked && profileClientFor(picked))
  }
  return (
    <>
      <SelectField
        label="Profile"
        value={profile?.name ?? ''}
        options={[
          { value: '', label: first },
          ...(profiles ?? []).map((candidate) => ({
            value: candidate.name,
            label: candidate.name,
          })),
        ]}
        onChange={choose}
        disabled={!profiles?.length}
      />
      {profile && profile.clients.length > 1 && (
        <SelectField
          label="Saved client"
          value={chosen?.clientId ?? ''}
          options={profile.clients.map((client) => client.clientId)}
          onChange={(clientId) => onChoose(profile, profileClientFor(profile, clientId))}
        />
      )}
    </>
  )
}
