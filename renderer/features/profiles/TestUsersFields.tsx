// The test users of a Cognito profile: whom to sign in as, each with the password and the
// authenticator's TOTP secret the engine keeps for it (shown as any kept secret is). A run from the
// profile that names one of them needs neither typed: the engine fills them in, and the run
// computes the authenticator codes itself.
import { useId } from 'react'
import type { SecretHome, TestUserSecret } from '../../../shared/workspace-model'
import { TextField } from '../../components/FormFields'
import { KeptSecretField } from './KeptSecretField'
import { blankUser, type SecretDraft, type UserDraft } from './profile-draft'

type Props = {
  users: UserDraft[]
  onChange: (users: UserDraft[]) => void
  secretHome: SecretHome | undefined
}

export function TestUsersFields({ users, onChange, secretHome }: Props) {
  const id = useId()
  const changeUser = (key: number, update: Partial<UserDraft>) =>
    onChange(users.map((user) => (user.key === key ? { ...user, ...update } : user)))
  return (
    <section className="test-users" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>Test users</h3>
      <p className="muted">
        Users to sign in as from this profile: a sign-in that names one takes its password and TOTP
        secret from here, and computes the authenticator codes itself. To rename a saved user,
        remove it and add it again.
      </p>
      {users.map((user, index) => (
        <UserFields
          key={user.key}
          user={user}
          number={index + 1}
          secretHome={secretHome}
          onChange={(update) => changeUser(user.key, update)}
          onRemove={() => onChange(users.filter(({ key }) => key !== user.key))}
        />
      ))}
      <button type="button" onClick={() => onChange([...users, blankUser()])}>
        Add a test user
      </button>
    </section>
  )
}

type UserProps = {
  user: UserDraft
  number: number
  secretHome: SecretHome | undefined
  onChange: (update: Partial<UserDraft>) => void
  onRemove: () => void
}

function UserFields({ user, number, secretHome, onChange, onRemove }: UserProps) {
  const which = user.savedUsername ?? String(number)
  const secret = (field: TestUserSecret) => ({
    secret: user[field],
    onChange: (update: Partial<SecretDraft>) =>
      onChange({ [field]: { ...user[field], ...update } }),
    secretHome,
  })
  return (
    <fieldset className="client-fields">
      <legend>Test user {which}</legend>
      <div className="form-grid">
        {/* A saved user's secrets are kept under its name, so the name stays as it is. */}
        {user.savedUsername === undefined && (
          <TextField
            label="User name"
            value={user.username}
            onChange={(username) => onChange({ username })}
            required
            placeholder="as the sign-in gives it"
          />
        )}
        <KeptSecretField
          label="Password"
          newLabel="New password"
          noun="password"
          placeholder="none: typed at each sign-in"
          {...secret('password')}
        />
        <KeptSecretField
          label="TOTP secret"
          newLabel="New TOTP secret"
          noun="TOTP secret"
          placeholder="none: codes typed at each sign-in (base32 otherwise)"
          {...secret('totpSecret')}
        />
      </div>
      <button type="button" onClick={onRemove}>
        Remove test user {which}
      </button>
    </fieldset>
  )
}
