// The client as a flow form holds it (text fields, one of them the extra parameters), and the
// run's client it becomes when the flow starts.
import type { StartRunInput } from '../../../shared/flow-input'
import { parseParamLines } from '../../components/param-lines'

type OAuthClient = Extract<StartRunInput, { provider: unknown }>['client']

export type AuthMethod = NonNullable<OAuthClient['authMethod']>

/** The client as the form holds it: text fields, turned into the run's client on start. */
export type ClientDraft = {
  clientId: string
  clientSecret: string
  /** Empty: the engine's default, client_secret_basic with a secret and none without. */
  authMethod: AuthMethod | ''
  /** private_key_jwt: the private JWK typed or generated (absent: none, or the profile's). */
  privateKeyJwk?: string
  scope: string
  /** One name=value per line. */
  extraParams: string
}

export const DEFAULT_CLIENT: ClientDraft = {
  clientId: 'afx-native',
  clientSecret: '',
  authMethod: '',
  scope: 'openid profile email',
  extraParams: '',
}

/**
 * The run's client from the form's draft; an empty secret is left out (a public client), and a
 * private key goes only with private_key_jwt.
 */
export function clientOf(draft: ClientDraft): OAuthClient {
  return {
    clientId: draft.clientId,
    ...(draft.clientSecret ? { clientSecret: draft.clientSecret } : {}),
    ...(draft.authMethod === 'private_key_jwt' && draft.privateKeyJwk
      ? { privateKeyJwk: draft.privateKeyJwk }
      : {}),
    ...(draft.authMethod ? { authMethod: draft.authMethod } : {}),
    ...(draft.scope ? { scope: draft.scope } : {}),
    extraParams: parseParamLines(draft.extraParams),
  }
}
