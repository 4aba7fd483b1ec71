// The saved profiles, one button each (named after the profile) that opens it in the editor, with
// where its provider is and how many clients it has.
import type { Profile, ProfileProvider } from '../../../shared/workspace-model'

type Props = {
  profiles: Profile[] | undefined
  openName: string | undefined
  onOpen: (profile: Profile) => void
}

export function ProfileList({ profiles, openName, onOpen }: Props) {
  if (profiles === undefined) return <p className="muted">Reading the saved profiles…</p>
  if (profiles.length === 0) {
    return <p className="muted">No profiles yet: start a new one, or create one from discovery.</p>
  }
  return (
    <ul className="profile-list" aria-label="Saved profiles">
      {profiles.map((profile) => (
        <li key={profile.name}>
          <button
            type="button"
            aria-current={profile.name === openName ? 'true' : undefined}
            onClick={() => onOpen(profile)}
          >
            {profile.name}
          </button>
          <span className="profile-summary">
            {describeProvider(profile.provider)} · {countClients(profile.clients.length)}
          </span>
        </li>
      ))}
    </ul>
  )
}

function describeProvider(provider: ProfileProvider): string {
  switch (provider.kind) {
    case 'issuer':
      return provider.issuer
    case 'endpoints':
      return provider.endpoints.issuer ?? 'endpoints given by hand'
    case 'cognito':
      return `Cognito pool ${provider.userPoolId}`
  }
}

function countClients(count: number): string {
  return count === 1 ? '1 client' : `${count} clients`
}
