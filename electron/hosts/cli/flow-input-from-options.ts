// Turns `afx flow <name>` and its options into the engine's StartRunInput, refusing in words what
// a flow cannot run without. A token given as "-" is read from stdin (kept out of shell history).
import { readFile } from 'node:fs/promises'
import { StartRunInput } from '../../../shared/flow-input'
import {
  cognitoLogoutEndpointOf,
  flowProviderOf,
  profileClientFor,
} from '../../../shared/profile-to-flow'
import type { Profile, ProfileClient } from '../../../shared/workspace-model'
import { readParams } from './read-params'
import { UsageError } from './usage-error'

export type FlowOptions = {
  flow: string | undefined
  issuer: string | undefined
  clientId: string | undefined
  clientSecret: string | undefined
  authMethod: string | undefined
  /** --private-key FILE: a private JWK, for private_key_jwt. */
  privateKeyFile: string | undefined
  scope: string | undefined
  pkce: string | undefined
  responseMode: string | undefined
  responseType: string | undefined
  redirectHost: string | undefined
  port: number | undefined
  /** --timeout, in ms, for a browser flow's wait; undefined: the engine's default. */
  callbackTimeoutMs: number | undefined
  params: string[]
  browser: string | undefined
  token: string | undefined
  refreshToken: string | undefined
  tokenTypeHint: string | undefined
  idToken: string | undefined
  variant: string | undefined
  logoutEndpoint: string | undefined
  logoutUri: string | undefined
  /** Seconds between device polls when the provider names no interval. */
  interval: string | undefined
  /** The saved profile (--profile): options given on the command line override its values. */
  profile: Profile | undefined
}

/** The OAuth and OpenID Connect flows: those that talk to a provider by issuer. */
type OAuthFlow = Extract<StartRunInput, { provider: unknown }>['flow']

/** The command's flow names (verbs a terminal user types) and the engine's. */
export const FLOW_NAMES: Record<string, OAuthFlow> = {
  code: 'code',
  'client-credentials': 'client_credentials',
  refresh: 'refresh',
  device: 'device',
  userinfo: 'userinfo',
  introspect: 'introspection',
  revoke: 'revocation',
  logout: 'logout',
  implicit: 'implicit',
  hybrid: 'hybrid',
}

/** The run to start, or a UsageError that says what is missing or wrong. */
export async function readFlowInput(
  options: FlowOptions,
  readStdin: () => Promise<string>,
): Promise<StartRunInput> {
  const flow = FLOW_NAMES[options.flow ?? '']
  if (!flow) throw new UsageError(`flow takes one of ${Object.keys(FLOW_NAMES).join(', ')}.`)
  const { profile } = options
  const saved = profile && profileClientFor(profile, options.clientId)
  if (profile && options.clientId && !saved) {
    throw new UsageError(`profile "${profile.name}" has no client "${options.clientId}".`)
  }
  const provider = options.issuer
    ? { issuer: options.issuer }
    : profile && flowProviderOf(profile.provider)
  if (!provider) throw new UsageError('flow needs --issuer URL (or --profile NAME).')
  const clientId = options.clientId ?? saved?.clientId
  if (!clientId) throw new UsageError('flow needs --client-id ID (or a profile with a client).')
  const secret = async (value: string | undefined) =>
    value === '-' ? (await readStdin()).trim() : value
  const authMethod = options.authMethod ?? saved?.authMethod
  if (authMethod === 'private_key_jwt' && !options.privateKeyFile && !profile) {
    throw new UsageError('--auth-method private_key_jwt needs --private-key FILE (a private JWK).')
  }
  const parsed = StartRunInput.safeParse({
    flow,
    profile: profile?.name,
    provider,
    client: {
      clientId,
      clientSecret: options.clientSecret,
      privateKeyJwk: await privateKeyOf(options.privateKeyFile),
      authMethod,
      scope: options.scope ?? saved?.scope,
      extraParams: { ...saved?.extraParams, ...readParams(options.params) },
    },
    mode: 'auto',
    ...(await flowFields(flow, { ...options, redirectDefaults: saved?.redirect }, secret)),
  })
  if (!parsed.success) {
    const issue = parsed.error.issues[0]
    throw new UsageError(`${issue?.path.join('.') || 'input'}: ${issue?.message}`)
  }
  return parsed.data
}

async function flowFields(
  flow: OAuthFlow,
  options: FlowOptions & { redirectDefaults: ProfileClient['redirect'] },
  secret: (value: string | undefined) => Promise<string | undefined>,
): Promise<Record<string, unknown>> {
  const saved = options.redirectDefaults
  const browserRound = (path?: string) => ({
    redirect: {
      host: options.redirectHost ?? saved?.host,
      port: options.port ?? saved?.port,
      path: path ?? saved?.path,
    },
    browser: options.browser,
    // Not taken from a profile: how long to wait is a matter of this sign-in, not of the client.
    callbackTimeoutMs: options.callbackTimeoutMs,
  })
  switch (flow) {
    case 'code':
      return { pkce: options.pkce, responseMode: options.responseMode, ...browserRound() }
    case 'hybrid':
      return { pkce: options.pkce, ...browserRound() }
    case 'implicit':
      return { responseType: options.responseType, ...browserRound() }
    case 'logout':
      return {
        variant: options.variant,
        idTokenHint: await secret(options.idToken),
        logoutEndpoint:
          options.logoutEndpoint ??
          (options.profile && cognitoLogoutEndpointOf(options.profile.provider)),
        logoutUri: options.logoutUri,
        ...browserRound('/logged-out'),
      }
    case 'device':
      return {
        browser: options.browser,
        fallbackIntervalSeconds:
          options.interval === undefined ? undefined : Number(options.interval),
      }
    case 'refresh':
      return {
        refreshToken: await required(options.flow, '--refresh-token', secret(options.refreshToken)),
        // The sign-in's ID token, which a refreshed one must match (OIDC Core §12.2).
        originalIdToken: await secret(options.idToken),
      }
    case 'userinfo':
      return { accessToken: await required(options.flow, '--token', secret(options.token)) }
    case 'introspection':
    case 'revocation':
      return {
        token: await required(options.flow, '--token', secret(options.token)),
        tokenTypeHint: options.tokenTypeHint,
      }
    case 'client_credentials':
      return {}
  }
}

/** The text of the --private-key file; the engine reads the key and says what is wrong with it. */
async function privateKeyOf(file: string | undefined): Promise<string | undefined> {
  if (file === undefined) return undefined
  return readFile(file, 'utf8').catch((error: NodeJS.ErrnoException) => {
    throw new UsageError(`--private-key: cannot read ${file} (${error.code ?? error.message}).`)
  })
}

async function required(
  flow: string | undefined,
  option: string,
  value: Promise<string | undefined>,
) {
  const given = await value
  if (!given) throw new UsageError(`${flow} needs ${option} TOKEN (or "-" to read it from stdin).`)
  return given
}
