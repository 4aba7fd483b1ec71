// Makes and resets test users of a Cognito user pool: the pool and app client, the account action
// (sign up, confirm, resend the code, reset or change a password; with a sign-in's tokens, read
// the user, enrol an authenticator, sign out, revoke a refresh token) and the fields that action
// takes. A code sent during the run is asked for in the run, as it comes.
import { useState, type FormEvent } from 'react'
import {
  usesField,
  type CognitoAccountAction,
  type CognitoAccountField,
} from '../../../shared/cognito-account-input'
import type { StartRunInput } from '../../../shared/flow-input'
import { bindDraft } from '../../components/bind-draft'
import { CheckField, SelectField, TextAreaField, TextField } from '../../components/FormFields'
import { parseParamLines } from '../../components/param-lines'
import { CognitoPoolFields, EMPTY_POOL, poolInputOf } from './CognitoPoolFields'

type Props = { onStart: (input: StartRunInput) => void }

/** The action's fields as the form holds them; each action sends only its own. */
type AccountDraft = {
  username: string
  password: string
  /** sign-up: one name=value per line. */
  attributes: string
  code: string
  newPassword: string
  accessToken: string
  refreshToken: string
  asAuthenticator: boolean
  confirm: boolean
}

const ACTIONS: readonly { value: CognitoAccountAction; label: string; note: string }[] = [
  {
    value: 'sign-up',
    label: 'Sign up (SignUp, then ConfirmSignUp)',
    note: 'Registers the user; the code Cognito sends is asked for in the run, to confirm it.',
  },
  {
    value: 'confirm-sign-up',
    label: 'Confirm a sign-up (ConfirmSignUp)',
    note: 'Confirms an earlier sign-up with the code it sent (asked for when left empty).',
  },
  {
    value: 'resend-code',
    label: 'Resend the code (ResendConfirmationCode)',
    note: 'Sends a new sign-up code (the earlier one stops working), then confirms with it.',
  },
  {
    value: 'forgot-password',
    label: 'Forgotten password (ForgotPassword, then ConfirmForgotPassword)',
    note: "Sends a reset code to the user's verified email or phone; the code and the new password are asked for in the run.",
  },
  {
    value: 'confirm-forgot-password',
    label: 'New password with a reset code (ConfirmForgotPassword)',
    note: 'Sets the new password with a code sent earlier (both asked for when left empty).',
  },
  {
    value: 'change-password',
    label: 'Change the password (ChangePassword)',
    note: 'A signed-in user changes the password: the access token of a sign-in says who.',
  },
  {
    value: 'get-user',
    label: 'Read the user (GetUser)',
    note: "The access token's user: name, attributes and MFA settings, as Cognito answers them.",
  },
  {
    value: 'mfa-setup',
    label: 'Set up an authenticator app (AssociateSoftwareToken, VerifySoftwareToken)',
    note: 'Enrols TOTP for the signed-in user: scan the QR code shown in the run, type the first code, and TOTP becomes the preferred factor.',
  },
  {
    value: 'sign-out',
    label: 'Sign out everywhere (GlobalSignOut)',
    note: 'Ends every sign-in of the user, then shows that Cognito refuses the same access token.',
  },
  {
    value: 'revoke-token',
    label: 'Revoke a refresh token (RevokeToken)',
    note: 'Ends one sign-in: the refresh token and the tokens minted from it (token revocation must be on for the client).',
  },
]

export function CognitoAccountForm({ onStart }: Props) {
  const [pool, setPool] = useState(EMPTY_POOL)
  const [action, setAction] = useState<CognitoAccountAction>('sign-up')
  const [draft, setDraft] = useState<AccountDraft>({
    username: '',
    password: '',
    attributes: '',
    code: '',
    newPassword: '',
    accessToken: '',
    refreshToken: '',
    asAuthenticator: false,
    confirm: true,
  })
  const [stepByStep, setStepByStep] = useState(false)
  const bind = bindDraft(draft, (change) => setDraft((current) => ({ ...current, ...change })))
  const uses = (field: CognitoAccountField) => usesField(action, field)

  const submit = (event: FormEvent) => {
    event.preventDefault()
    const code = draft.code.trim()
    onStart({
      flow: 'cognito-account',
      ...poolInputOf(pool),
      action,
      ...(uses('username') ? { username: draft.username.trim() } : {}),
      ...(uses('password') ? { password: draft.password } : {}),
      ...(uses('attributes') ? { attributes: parseParamLines(draft.attributes) } : {}),
      // Left empty, a code or a new password is asked for in the run.
      ...(uses('code') && code ? { code } : {}),
      ...(uses('newPassword') && draft.newPassword ? { newPassword: draft.newPassword } : {}),
      ...(uses('accessToken') ? { accessToken: draft.accessToken.trim() } : {}),
      ...(uses('refreshToken') ? { refreshToken: draft.refreshToken.trim() } : {}),
      ...(uses('asAuthenticator') ? { asAuthenticator: draft.asAuthenticator } : {}),
      confirm: !uses('confirm') || draft.confirm,
      mode: stepByStep ? 'step' : 'auto',
    })
  }

  return (
    <form className="form-grid flow-form" onSubmit={submit} aria-label="Cognito account">
      <CognitoPoolFields pool={pool} setPool={setPool} />
      <SelectField
        label="Action"
        value={action}
        options={ACTIONS.map(({ value, label }) => ({ value, label }))}
        onChange={setAction}
      />
      <span />
      <p className="muted">{ACTIONS.find((candidate) => candidate.value === action)?.note}</p>
      {uses('username') && <TextField label="User name" {...bind('username')} required />}
      {action === 'sign-up' && (
        <TextField label="Password" type="password" {...bind('password')} required />
      )}
      {uses('attributes') && (
        <TextAreaField
          label="Attributes (name=value, one per line)"
          {...bind('attributes')}
          rows={3}
          placeholder={'email=tester@example.com\nphone_number=+15555550123'}
        />
      )}
      {uses('code') && (
        <TextField
          label="Code"
          type="password"
          {...bind('code')}
          placeholder="asked for in the run when empty"
        />
      )}
      {uses('accessToken') && (
        <TextField label="Access token" type="password" {...bind('accessToken')} required />
      )}
      {action === 'change-password' && (
        <TextField label="Current password" type="password" {...bind('password')} required />
      )}
      {uses('refreshToken') && (
        <TextField label="Refresh token" type="password" {...bind('refreshToken')} required />
      )}
      {uses('newPassword') && (
        <TextField
          label="New password"
          type="password"
          {...bind('newPassword')}
          required={action === 'change-password'}
          placeholder={action === 'change-password' ? '' : 'asked for in the run when empty'}
        />
      )}

      <span />
      <div className="checks">
        {uses('confirm') && (
          <CheckField
            label="Ask for the code and confirm in the same run"
            checked={draft.confirm}
            onChange={bind('confirm').onChange}
          />
        )}
        {uses('asAuthenticator') && (
          <CheckField
            label="The run is the authenticator (computes the first code itself)"
            checked={draft.asAuthenticator}
            onChange={bind('asAuthenticator').onChange}
          />
        )}
        <CheckField label="Step by step" checked={stepByStep} onChange={setStepByStep} />
      </div>
      <span />
      <button type="submit" className="primary">
        Start
      </button>
    </form>
  )
}
