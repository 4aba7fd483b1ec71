// A run's start input, made safe to keep and share (history, scenarios) and made whole again for a
// replay. Secret fields become the run's own markers, so a live run can fill them back in.
import { SECRET_MARKER } from '../../../shared/run-model'
import type { SecretBox } from './secret-box'

/**
 * Fields of any flow input whose value is a secret (flow-input.ts, cognito-flow-input.ts), with
 * the label the engine gives the same value on the wire, so a marker reads the same everywhere.
 */
const SECRET_INPUT_LABELS: Record<string, string> = {
  clientSecret: 'client_secret',
  privateKeyJwk: 'private_key',
  code: 'code',
  totpSecret: 'totp_secret',
  password: 'password',
  newPassword: 'new_password',
  refreshToken: 'refresh_token',
  accessToken: 'access_token',
  token: 'token',
  idTokenHint: 'id_token_hint',
  originalIdToken: 'id_token',
  codeVerifier: 'code_verifier',
  devicePassword: 'device_password',
}

/** What a saved profile keeps for its client (a secret, or a private_key_jwt client's key). */
const PROFILE_CLIENT_SECRETS: Record<string, string> = {
  client_secret: 'clientSecret',
  private_key: 'privateKeyJwk',
}

/** What a Cognito profile keeps for the test user a sign-in names. */
const PROFILE_USER_SECRETS: Record<string, string> = {
  password: 'password',
  totp_secret: 'totpSecret',
}

/**
 * The input field a saved profile fills in for a secret of this label, when the run came from one
 * (a replay after a restart takes it from the profile again); undefined when no profile keeps it.
 */
export function profileSecretField(
  input: Record<string, unknown>,
  label: string,
): string | undefined {
  if (typeof input.profile !== 'string') return undefined
  return (
    PROFILE_CLIENT_SECRETS[label] ??
    (input.flow === 'cognito' ? PROFILE_USER_SECRETS[label] : undefined)
  )
}

export function redactStartInput(input: object, secrets: SecretBox): Record<string, unknown> {
  return secrets.redactDeep(registerSecretFields(input, secrets)) as Record<string, unknown>
}

function registerSecretFields(value: unknown, secrets: SecretBox): unknown {
  if (Array.isArray(value)) return value.map((item) => registerSecretFields(item, secrets))
  if (value === null || typeof value !== 'object') return value
  return Object.fromEntries(
    Object.entries(value).map(([key, item]) => [
      key,
      key in SECRET_INPUT_LABELS && typeof item === 'string' && item !== ''
        ? secrets.add(item, SECRET_INPUT_LABELS[key] ?? key)
        : registerSecretFields(item, secrets),
    ]),
  )
}

/**
 * Puts the clear values back into a redacted input; `reveal` answers undefined for a secret that
 * is gone (the run was saved by an earlier session). Returns the labels of the missing ones.
 */
export function restoreStartInput(
  input: Record<string, unknown>,
  reveal: (secretId: string) => string | undefined,
): { input: Record<string, unknown>; missing: string[] } {
  const missing = new Set<string>()
  const restore = (value: unknown): unknown => {
    if (typeof value === 'string') {
      return value.replace(SECRET_MARKER, (marker, id: string, label: string) => {
        const clear = reveal(id)
        if (clear === undefined) missing.add(label)
        return clear ?? marker
      })
    }
    if (Array.isArray(value)) return value.map(restore)
    if (value !== null && typeof value === 'object') {
      return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, restore(item)]))
    }
    return value
  }
  return { input: restore(input) as Record<string, unknown>, missing: [...missing] }
}
