// The quirks of each provider family, as data: which few values a person types (a tenant, a realm,
// a pool id), how the provider's address is built from them, and the scope and parameters its
// clients usually need. Pure, so the profile editor and the tests use the same builders.
import type { PresetId, ProfileClientInput, ProfileProvider } from './workspace-model'

/** One value the person fills in for a preset: free text, or one of a few choices. */
export type PresetField = {
  name: string
  label: string
  placeholder?: string
  /** buildProvider needs it; see missingPresetFields. */
  required?: boolean
  choices?: readonly { value: string; label: string }[]
}

/** What the person typed, by field name; empty or absent means "not given". */
export type PresetValues = Readonly<Record<string, string | undefined>>

/** What a new client of this provider family starts with. */
export type ClientDefaults = {
  clientId?: string
  authMethod?: ProfileClientInput['authMethod']
  scope?: string
  extraParams: Record<string, string>
}

export type ProfilePreset = {
  id: PresetId
  label: string
  fields: readonly PresetField[]
  /** Throws when a required field is empty: check missingPresetFields first. */
  buildProvider: (values: PresetValues) => ProfileProvider
  clientDefaults: (values: PresetValues) => ClientDefaults
  /** The one quirk that trips people up with this provider, in a sentence. */
  note: string
  docsUrl?: string
}

/** The sandbox's addresses when its default ports were free (DESIGN.md, "The embedded default"). */
export const SANDBOX_OIDC_ISSUER = 'http://127.0.0.1:9400'
export const SANDBOX_COGNITO_ENDPOINT = 'http://127.0.0.1:9401'
export const SANDBOX_COGNITO_POOL = { region: 'us-east-1', userPoolId: 'us-east-1_Sandbox01' }
/** The sandbox's public demo clients: no secret to keep, so a profile works at once. */
export const SANDBOX_OIDC_CLIENT_ID = 'afx-native'
export const SANDBOX_COGNITO_CLIENT_ID = 'afxsandboxpublicweb0000001'

const OIDC_SCOPE = 'openid profile email'

function valueOf(values: PresetValues, name: string): string {
  return values[name]?.trim() ?? ''
}

function required(values: PresetValues, field: PresetField): string {
  const value = valueOf(values, field.name)
  if (!value) throw new RangeError(`${field.label} is required.`)
  return value
}

/** `https://dev-1.okta.com/oauth2/x` or `dev-1.okta.com/` → `dev-1.okta.com`: people paste both. */
function hostOf(value: string): string {
  return value.replace(/^[a-z][a-z\d+.-]*:\/\//i, '').replace(/[/?#].*$/, '')
}

/** A base URL without its trailing slashes; `https://` added when no scheme was typed. */
function baseUrlOf(value: string): string {
  const withScheme = /^https?:\/\//i.test(value) ? value : `https://${value}`
  return withScheme.replace(/\/+$/, '')
}

function withOptional(params: Record<string, string>, name: string, value: string) {
  return value ? { ...params, [name]: value } : params
}

// --- Sandbox and generic ---

const SANDBOX_SERVER: PresetField = {
  name: 'server',
  label: 'Sandbox server',
  choices: [
    { value: 'oidc', label: 'OpenID provider' },
    { value: 'cognito', label: 'Cognito user pool' },
  ],
}
const SANDBOX_ADDRESS: PresetField = {
  name: 'address',
  label: 'Sandbox address',
  placeholder: `${SANDBOX_OIDC_ISSUER} (provider) or ${SANDBOX_COGNITO_ENDPOINT} (pool)`,
}

const isCognitoSandbox = (values: PresetValues) => valueOf(values, 'server') === 'cognito'

const sandbox: ProfilePreset = {
  id: 'sandbox',
  label: 'Sandbox (on this computer)',
  fields: [SANDBOX_SERVER, SANDBOX_ADDRESS],
  buildProvider: (values) => {
    const address = valueOf(values, 'address').replace(/\/+$/, '')
    return isCognitoSandbox(values)
      ? { kind: 'cognito', ...SANDBOX_COGNITO_POOL, endpoint: address || SANDBOX_COGNITO_ENDPOINT }
      : { kind: 'issuer', issuer: address || SANDBOX_OIDC_ISSUER }
  },
  clientDefaults: (values) =>
    isCognitoSandbox(values)
      ? { clientId: SANDBOX_COGNITO_CLIENT_ID, authMethod: 'none', extraParams: {} }
      : {
          clientId: SANDBOX_OIDC_CLIENT_ID,
          authMethod: 'none',
          scope: `${OIDC_SCOPE} offline_access`,
          extraParams: {},
        },
  note: 'The sandbox takes another port when its own is busy: the Sandbox page shows the one in use.',
}

const GENERIC_ISSUER: PresetField = {
  name: 'issuer',
  // Not "Issuer": the provider's own Issuer field sits on the same form.
  label: 'Issuer URL',
  placeholder: 'https://login.example.com',
  required: true,
}

const generic: ProfilePreset = {
  id: 'generic',
  label: 'Any OpenID provider',
  fields: [GENERIC_ISSUER],
  // Kept as typed: a trailing slash is part of some issuers (Auth0's).
  buildProvider: (values) => ({ kind: 'issuer', issuer: required(values, GENERIC_ISSUER) }),
  clientDefaults: () => ({ scope: OIDC_SCOPE, extraParams: {} }),
  note: 'The issuer must equal, character for character, the "issuer" its discovery document names.',
  docsUrl:
    'https://openid.net/specs/openid-connect-discovery-1_0.html#ProviderConfigurationValidation',
}

// --- Amazon Cognito ---

const COGNITO_POOL: PresetField = {
  name: 'userPoolId',
  label: 'User pool ID',
  placeholder: 'eu-west-1_AbC123xyz',
  required: true,
}
const COGNITO_REGION: PresetField = {
  name: 'region',
  label: 'Region',
  placeholder: 'read from the pool ID when empty',
}
const COGNITO_DOMAIN: PresetField = {
  name: 'domain',
  label: 'Hosted UI domain prefix',
  placeholder: 'my-app, or a custom domain such as auth.example.com',
}
const COGNITO_IDP: PresetField = {
  name: 'identityProvider',
  label: 'Identity provider',
  placeholder: 'optional: COGNITO, Google, or a federated provider name',
}
const COGNITO_IDP_IDENTIFIER: PresetField = {
  name: 'idpIdentifier',
  label: 'Identity provider identifier',
  placeholder: 'optional: an identifier the pool maps to a provider (idp_identifier)',
}

/**
 * Cognito's addresses: the API and issuer https://cognito-idp.<region>.amazonaws.com/<poolId>,
 * the hosted UI https://<prefix>.auth.<region>.amazoncognito.com or a custom domain.
 * @see https://docs.aws.amazon.com/cognito/latest/developerguide/cognito-userpools-server-contract-reference.html
 */
const cognito: ProfilePreset = {
  id: 'cognito',
  label: 'Amazon Cognito',
  fields: [COGNITO_POOL, COGNITO_REGION, COGNITO_DOMAIN, COGNITO_IDP, COGNITO_IDP_IDENTIFIER],
  buildProvider: (values) => {
    const userPoolId = required(values, COGNITO_POOL)
    // A pool id starts with its region: us-east-1_Abc123.
    const region = valueOf(values, 'region') || (userPoolId.split('_')[0] ?? '')
    const domain = hostOf(valueOf(values, 'domain'))
    const hostedUiHost = domain.includes('.')
      ? domain
      : `${domain}.auth.${region}.amazoncognito.com`
    return {
      kind: 'cognito',
      region,
      userPoolId,
      ...(domain ? { hostedUiDomain: `https://${hostedUiHost}` } : {}),
    }
  },
  clientDefaults: (values) => ({
    scope: OIDC_SCOPE,
    // identity_provider names the provider; idp_identifier reaches it through an identifier the
    // pool maps to it (an email domain, say). Either skips the hosted UI's choice of providers.
    extraParams: withOptional(
      withOptional({}, 'identity_provider', valueOf(values, 'identityProvider')),
      'idp_identifier',
      valueOf(values, 'idpIdentifier'),
    ),
  }),
  note: 'Sign-out is not OpenID logout: the hosted UI’s /logout takes client_id and a logout_uri listed in the app client’s sign-out URLs.',
  docsUrl: 'https://docs.aws.amazon.com/cognito/latest/developerguide/logout-endpoint.html',
}

// --- Auth0 ---

const AUTH0_TENANT: PresetField = {
  name: 'tenant',
  label: 'Tenant',
  placeholder: 'dev-abc123, or the whole domain: dev-abc123.eu.auth0.com',
  required: true,
}
const AUTH0_REGION: PresetField = {
  name: 'region',
  label: 'Tenant region',
  placeholder: 'us, eu, au, jp… (empty for older US tenants)',
}
const AUTH0_AUDIENCE: PresetField = {
  name: 'audience',
  label: 'API audience',
  placeholder: 'the API identifier, e.g. https://api.example.com',
}

/** Auth0's issuer ends with a slash, and tokens' `iss` carries it too. */
const auth0: ProfilePreset = {
  id: 'auth0',
  label: 'Auth0',
  fields: [AUTH0_TENANT, AUTH0_REGION, AUTH0_AUDIENCE],
  buildProvider: (values) => {
    const tenant = hostOf(required(values, AUTH0_TENANT))
    const region = valueOf(values, 'region')
    const host = tenant.includes('.')
      ? tenant
      : [tenant, ...(region ? [region] : []), 'auth0.com'].join('.')
    return { kind: 'issuer', issuer: `https://${host}/` }
  },
  clientDefaults: (values) => ({
    scope: `${OIDC_SCOPE} offline_access`,
    extraParams: withOptional({}, 'audience', valueOf(values, 'audience')),
  }),
  note: 'Without an audience parameter naming one of your APIs, Auth0 issues an opaque access token, good only for its /userinfo.',
  docsUrl: 'https://auth0.com/docs/secure/tokens/access-tokens/get-access-tokens',
}

// --- Okta ---

const OKTA_DOMAIN: PresetField = {
  name: 'domain',
  label: 'Okta domain',
  placeholder: 'dev-123456.okta.com, or just dev-123456',
  required: true,
}
const OKTA_SERVER: PresetField = {
  name: 'authServer',
  label: 'Authorization server',
  placeholder: 'default, a custom server id, or "org" for the org server',
}

const okta: ProfilePreset = {
  id: 'okta',
  label: 'Okta',
  fields: [OKTA_DOMAIN, OKTA_SERVER],
  buildProvider: (values) => {
    const domain = hostOf(required(values, OKTA_DOMAIN))
    const host = domain.includes('.') ? domain : `${domain}.okta.com`
    const server = valueOf(values, 'authServer') || 'default'
    return {
      kind: 'issuer',
      issuer: server === 'org' ? `https://${host}` : `https://${host}/oauth2/${server}`,
    }
  },
  clientDefaults: () => ({ scope: `${OIDC_SCOPE} offline_access`, extraParams: {} }),
  note: 'The org server (https://<domain>) issues access tokens only Okta can check; your own APIs need a custom server such as /oauth2/default.',
  docsUrl: 'https://developer.okta.com/docs/concepts/auth-servers/',
}

// --- Microsoft Entra ID ---

const ENTRA_TENANT: PresetField = {
  name: 'tenant',
  label: 'Tenant',
  placeholder: 'a tenant ID or domain; or common, organizations, consumers',
  required: true,
}

const entra: ProfilePreset = {
  id: 'entra',
  label: 'Microsoft Entra ID',
  fields: [ENTRA_TENANT],
  buildProvider: (values) => ({
    kind: 'issuer',
    issuer: `https://login.microsoftonline.com/${encodeURIComponent(required(values, ENTRA_TENANT))}/v2.0`,
  }),
  clientDefaults: () => ({ scope: 'openid profile offline_access', extraParams: {} }),
  note: 'With common or organizations the discovery issuer holds {tenantid} and each ID token names the user’s own tenant; access tokens for Microsoft Graph are not for you to verify.',
  docsUrl: 'https://learn.microsoft.com/en-us/entra/identity-platform/v2-protocols-oidc',
}

// --- Keycloak ---

const KEYCLOAK_SERVER: PresetField = {
  name: 'server',
  label: 'Keycloak server',
  placeholder: 'https://keycloak.example.com (add /auth before version 17)',
  required: true,
}
const KEYCLOAK_REALM: PresetField = {
  name: 'realm',
  label: 'Realm',
  placeholder: 'my-realm',
  required: true,
}

const keycloak: ProfilePreset = {
  id: 'keycloak',
  label: 'Keycloak',
  fields: [KEYCLOAK_SERVER, KEYCLOAK_REALM],
  buildProvider: (values) => ({
    kind: 'issuer',
    issuer: `${baseUrlOf(required(values, KEYCLOAK_SERVER))}/realms/${encodeURIComponent(required(values, KEYCLOAK_REALM))}`,
  }),
  clientDefaults: () => ({ scope: OIDC_SCOPE, extraParams: {} }),
  note: 'Each realm is its own issuer; in Keycloak offline_access asks for an offline token that outlives the session, not an ordinary refresh token.',
  docsUrl: 'https://www.keycloak.org/securing-apps/oidc-layers',
}

// --- Google ---

const google: ProfilePreset = {
  id: 'google',
  label: 'Google',
  fields: [],
  buildProvider: () => ({ kind: 'issuer', issuer: 'https://accounts.google.com' }),
  clientDefaults: () => ({
    scope: OIDC_SCOPE,
    extraParams: { access_type: 'offline', prompt: 'consent' },
  }),
  note: 'Google ignores offline_access: a refresh token comes with access_type=offline, and again after the first consent only with prompt=consent.',
  docsUrl: 'https://developers.google.com/identity/protocols/oauth2/web-server#offline',
}

/** Every preset, in the order the picker shows them. */
export const PROFILE_PRESETS: readonly ProfilePreset[] = [
  sandbox,
  generic,
  cognito,
  auth0,
  okta,
  entra,
  keycloak,
  google,
]

export function findPreset(id: PresetId): ProfilePreset {
  return PROFILE_PRESETS.find((preset) => preset.id === id) ?? generic
}

/** The required fields still empty, so a form can say what is missing before building. */
export function missingPresetFields(preset: ProfilePreset, values: PresetValues): PresetField[] {
  return preset.fields.filter((field) => field.required && !valueOf(values, field.name))
}
