// Who signs in to the Cognito pool and how: a demo user of the sandbox to pick, the user name (or
// an alias), the password, and the InitiateAuth flow with what it means for the password (and, for
// choice-based sign-in, the first factor to prefer).
import { useId } from 'react'
import {
  UserAuthChallenge,
  type CognitoFlowInput,
  type CognitoRunFlow,
} from '../../../shared/cognito-flow-input'
import type { CognitoSandboxUser } from '../../../shared/sandbox-model'
import { bindDraft } from '../../components/bind-draft'
import { SelectField, TextField } from '../../components/FormFields'

export type CognitoUserDraft = {
  username: string
  password: string
  /** REFRESH_TOKEN_AUTH's token, in place of the password. */
  refreshToken: string
  authFlow: CognitoRunFlow
  /** USER_AUTH's PREFERRED_CHALLENGE; '' lets Cognito offer the choices. */
  preferredChallenge: UserAuthChallenge | ''
  /** REFRESH_TOKEN_AUTH: the call that trades the token (GetTokensFromRefreshToken rotates it). */
  refreshWith: RefreshWith
}

export type RefreshWith = NonNullable<CognitoFlowInput['refreshWith']>

type Props = {
  /** The sandbox pool's demo users, when the form aims at the sandbox. */
  sandboxUsers: CognitoSandboxUser[] | undefined
  user: CognitoUserDraft
  onChange: (change: Partial<CognitoUserDraft>) => void
  /** A test user of the chosen profile, named here: what the engine adds from the profile. */
  savedUser?: { keepsPassword: boolean; note: string | undefined } | undefined
}

const FLOW_NOTES: Record<CognitoRunFlow, string> = {
  USER_SRP_AUTH: 'The password never leaves this machine: it signs a claim instead.',
  USER_PASSWORD_AUTH: 'The password itself is sent to Cognito (over TLS). Prefer SRP.',
  CUSTOM_AUTH: "The pool's custom challenge; with a password, an SRP proof comes first.",
  USER_AUTH:
    'Choice-based: Cognito offers the ways this user can sign in (the password, SRP, a code by email or SMS) and the run asks which, unless the preferred one is available. The password is asked only if the choice needs it.',
  REFRESH_TOKEN_AUTH:
    'New ID and access tokens for a refresh token; with a client secret, give the user name Cognito keeps (cognito:username), which SECRET_HASH is made of.',
}

export function CognitoUserFields({ sandboxUsers, user, onChange, savedUser }: Props) {
  const id = useId()
  const { username, authFlow } = user
  const bind = bindDraft(user, onChange)
  const pickedUser = sandboxUsers?.find(
    (candidate) => candidate.username === username || candidate.signInAliases?.includes(username),
  )
  const pickUser = (picked: string) => {
    const demo = sandboxUsers?.find((candidate) => candidate.username === picked)
    // An alias shows what Cognito does with one: USER_ID_FOR_SRP differs from what was typed.
    if (demo)
      onChange({ username: demo.signInAliases?.[0] ?? demo.username, password: demo.password })
  }

  return (
    <>
      {sandboxUsers && (
        <SelectField
          label="Sandbox user"
          value={pickedUser?.username ?? ''}
          options={[
            { value: '', label: 'Choose a demo user…' },
            ...sandboxUsers.map((demo) => ({
              value: demo.username,
              label: `${demo.signInAliases?.[0] ?? demo.username}: ${demo.label}`,
            })),
          ]}
          onChange={pickUser}
        />
      )}
      <TextField
        label="User name"
        {...bind('username')}
        required={authFlow !== 'REFRESH_TOKEN_AUTH'}
        placeholder="a user name or an alias (email, phone)"
      />
      {authFlow === 'REFRESH_TOKEN_AUTH' ? (
        <TextField label="Refresh token" type="password" {...bind('refreshToken')} required />
      ) : (
        <TextField
          label="Password"
          type="password"
          {...bind('password')}
          required={
            !savedUser?.keepsPassword && authFlow !== 'CUSTOM_AUTH' && authFlow !== 'USER_AUTH'
          }
          placeholder={
            savedUser?.keepsPassword
              ? 'kept with the profile'
              : authFlow === 'CUSTOM_AUTH' || authFlow === 'USER_AUTH'
                ? `optional for ${authFlow}`
                : ''
          }
          note={user.password ? undefined : savedUser?.note}
        />
      )}

      <label htmlFor={`${id}-auth-flow`}>Auth flow</label>
      <select
        id={`${id}-auth-flow`}
        value={authFlow}
        onChange={(e) => onChange({ authFlow: e.target.value as CognitoRunFlow })}
        aria-describedby={`${id}-flow-note`}
      >
        <option value="USER_SRP_AUTH">USER_SRP_AUTH (SRP)</option>
        <option value="USER_PASSWORD_AUTH">USER_PASSWORD_AUTH (password sent)</option>
        <option value="CUSTOM_AUTH">CUSTOM_AUTH (custom challenge)</option>
        <option value="USER_AUTH">USER_AUTH (choice-based)</option>
        <option value="REFRESH_TOKEN_AUTH">REFRESH_TOKEN_AUTH (refresh)</option>
      </select>
      <span />
      <p id={`${id}-flow-note`} className="muted">
        {FLOW_NOTES[authFlow]}
        {pickedUser && ` ${pickedUser.label}.`}
      </p>
      {authFlow === 'REFRESH_TOKEN_AUTH' && (
        <SelectField
          label="Refresh with"
          {...bind('refreshWith')}
          options={[
            { value: 'InitiateAuth', label: 'InitiateAuth (REFRESH_TOKEN_AUTH)' },
            {
              value: 'GetTokensFromRefreshToken',
              label: 'GetTokensFromRefreshToken (clients that rotate refresh tokens)',
            },
          ]}
        />
      )}
      {authFlow === 'USER_AUTH' && (
        <SelectField
          label="Preferred challenge"
          {...bind('preferredChallenge')}
          options={[
            { value: '', label: 'none: Cognito offers the choices' },
            ...UserAuthChallenge.options,
          ]}
        />
      )}
    </>
  )
}
