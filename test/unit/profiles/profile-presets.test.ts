import { describe, expect, it } from 'vitest'
import { DEMO_CLIENTS } from '../../../electron/core/sandbox/cognito/demo-pool'
import { DEFAULT_PORT, USER_POOL_ID } from '../../../electron/core/sandbox/cognito/pool-config'
import { createDemoClients } from '../../../electron/core/sandbox/oidc/demo-clients'
import { OIDC_SANDBOX_DEFAULT_PORT } from '../../../electron/core/sandbox/oidc/oidc-sandbox'
import {
  findPreset,
  missingPresetFields,
  PROFILE_PRESETS,
  SANDBOX_COGNITO_CLIENT_ID,
  SANDBOX_COGNITO_ENDPOINT,
  SANDBOX_COGNITO_POOL,
  SANDBOX_OIDC_CLIENT_ID,
  SANDBOX_OIDC_ISSUER,
  type PresetValues,
} from '../../../shared/profile-presets'
import { PresetId, ProfileInput, type ProfileProvider } from '../../../shared/workspace-model'

const build = (id: PresetId, values: PresetValues): ProfileProvider =>
  findPreset(id).buildProvider(values)

const issuerOf = (id: PresetId, values: PresetValues): string => {
  const provider = build(id, values)
  if (provider.kind !== 'issuer') throw new Error(`expected an issuer, got ${provider.kind}`)
  return provider.issuer
}

/** A filled-in example per preset, as a person would type it. */
const EXAMPLES: Record<PresetId, PresetValues> = {
  sandbox: {},
  generic: { issuer: 'https://login.example.com' },
  cognito: { userPoolId: 'eu-west-1_AbC123xyz', domain: 'my-app', identityProvider: 'Google' },
  auth0: { tenant: 'dev-abc123', region: 'eu', audience: 'https://api.example.com' },
  okta: { domain: 'dev-123456' },
  entra: { tenant: 'contoso.onmicrosoft.com' },
  keycloak: { server: 'https://kc.example.com', realm: 'demo' },
  google: {},
}

describe('profile presets', () => {
  it('offers one preset per provider family the profile model knows', () => {
    expect(PROFILE_PRESETS.map((preset) => preset.id).sort()).toEqual([...PresetId.options].sort())
  })

  it.each(PresetId.options)('%s: the example makes a profile the engine accepts', (id) => {
    const preset = findPreset(id)
    const { clientId, ...defaults } = preset.clientDefaults(EXAMPLES[id])
    const parsed = ProfileInput.safeParse({
      name: `${preset.label} example`,
      preset: id,
      provider: preset.buildProvider(EXAMPLES[id]),
      clients: [{ clientId: clientId ?? 'my-client', ...defaults }],
    })
    expect(parsed.error?.issues ?? []).toEqual([])
  })

  it.each(PROFILE_PRESETS.filter((preset) => preset.docsUrl))(
    '$id: links to an https page of the provider’s docs and says its quirk',
    (preset) => {
      expect(new URL(preset.docsUrl ?? '').protocol).toBe('https:')
      expect(preset.note.length).toBeGreaterThan(20)
    },
  )
})

describe('sandbox preset', () => {
  it('aims at the sandbox provider with its public native client by default', () => {
    expect(build('sandbox', {})).toEqual({ kind: 'issuer', issuer: 'http://127.0.0.1:9400' })
    expect(findPreset('sandbox').clientDefaults({})).toMatchObject({
      clientId: 'afx-native',
      authMethod: 'none',
      scope: expect.stringContaining('offline_access'),
    })
  })

  it('aims at the sandbox pool through its endpoint when the Cognito server is chosen', () => {
    expect(build('sandbox', { server: 'cognito' })).toEqual({
      kind: 'cognito',
      region: 'us-east-1',
      userPoolId: 'us-east-1_Sandbox01',
      endpoint: 'http://127.0.0.1:9401',
    })
    expect(findPreset('sandbox').clientDefaults({ server: 'cognito' }).clientId).toBe(
      'afxsandboxpublicweb0000001',
    )
  })

  it('follows the sandbox to another port when its own was busy', () => {
    expect(build('sandbox', { address: 'http://127.0.0.1:51234/' })).toEqual({
      kind: 'issuer',
      issuer: 'http://127.0.0.1:51234',
    })
    expect(
      build('sandbox', { server: 'cognito', address: 'http://127.0.0.1:51235' }),
    ).toMatchObject({ endpoint: 'http://127.0.0.1:51235' })
  })

  it('names the ports, pool and public clients the sandbox really has', () => {
    expect(new URL(SANDBOX_OIDC_ISSUER).port).toBe(String(OIDC_SANDBOX_DEFAULT_PORT))
    expect(new URL(SANDBOX_COGNITO_ENDPOINT).port).toBe(String(DEFAULT_PORT))
    expect(SANDBOX_COGNITO_POOL.userPoolId).toBe(USER_POOL_ID)
    const oidcClient = createDemoClients().find(
      (client) => client.metadata.client_id === SANDBOX_OIDC_CLIENT_ID,
    )
    expect(oidcClient?.metadata.token_endpoint_auth_method).toBe('none')
    const poolClient = DEMO_CLIENTS.find((client) => client.clientId === SANDBOX_COGNITO_CLIENT_ID)
    expect(poolClient).toBeDefined()
    expect(poolClient?.clientSecret).toBeUndefined()
  })
})

describe('Cognito preset', () => {
  it('reads the region from the pool id and builds the hosted UI domain from its prefix', () => {
    expect(build('cognito', { userPoolId: 'eu-west-1_AbC123xyz', domain: 'my-app' })).toEqual({
      kind: 'cognito',
      region: 'eu-west-1',
      userPoolId: 'eu-west-1_AbC123xyz',
      hostedUiDomain: 'https://my-app.auth.eu-west-1.amazoncognito.com',
    })
  })

  it('keeps a custom domain as given, pasted with or without https://', () => {
    for (const domain of ['auth.example.com', 'https://auth.example.com/']) {
      expect(build('cognito', { userPoolId: 'us-east-1_Abc', domain })).toMatchObject({
        hostedUiDomain: 'https://auth.example.com',
      })
    }
  })

  it('leaves the hosted UI out when no domain is given, and takes a region typed by hand', () => {
    expect(build('cognito', { userPoolId: 'us-east-1_Abc', region: 'us-west-2' })).toEqual({
      kind: 'cognito',
      region: 'us-west-2',
      userPoolId: 'us-east-1_Abc',
    })
  })

  it('sends identity_provider only when one is named', () => {
    const preset = findPreset('cognito')
    expect(preset.clientDefaults({ identityProvider: 'Google' }).extraParams).toEqual({
      identity_provider: 'Google',
    })
    expect(preset.clientDefaults({}).extraParams).toEqual({})
    expect(preset.clientDefaults({ idpIdentifier: 'example.com' }).extraParams).toEqual({
      idp_identifier: 'example.com',
    })
  })
})

describe('issuer presets', () => {
  it('Auth0: keeps the trailing slash its tokens carry, with or without a region', () => {
    expect(issuerOf('auth0', { tenant: 'dev-abc123' })).toBe('https://dev-abc123.auth0.com/')
    expect(issuerOf('auth0', { tenant: 'dev-abc123', region: 'eu' })).toBe(
      'https://dev-abc123.eu.auth0.com/',
    )
    expect(issuerOf('auth0', { tenant: 'https://login.example.com/', region: 'eu' })).toBe(
      'https://login.example.com/',
    )
  })

  it('Auth0: asks for a JWT access token through audience when an API is named', () => {
    const preset = findPreset('auth0')
    expect(preset.clientDefaults({ audience: 'https://api.example.com' }).extraParams).toEqual({
      audience: 'https://api.example.com',
    })
    expect(preset.clientDefaults({}).extraParams).toEqual({})
  })

  it('Okta: the default custom server unless another or the org server is named', () => {
    expect(issuerOf('okta', { domain: 'dev-123456' })).toBe(
      'https://dev-123456.okta.com/oauth2/default',
    )
    expect(issuerOf('okta', { domain: 'https://id.example.com/', authServer: 'aus1x2' })).toBe(
      'https://id.example.com/oauth2/aus1x2',
    )
    expect(issuerOf('okta', { domain: 'dev-123456.okta.com', authServer: 'org' })).toBe(
      'https://dev-123456.okta.com',
    )
  })

  it('Entra ID: the v2.0 issuer of a tenant, with the scopes a refresh token needs', () => {
    expect(issuerOf('entra', { tenant: 'organizations' })).toBe(
      'https://login.microsoftonline.com/organizations/v2.0',
    )
    expect(findPreset('entra').clientDefaults({}).scope).toBe('openid profile offline_access')
  })

  it('Keycloak: one issuer per realm, under /auth on older servers', () => {
    expect(issuerOf('keycloak', { server: 'kc.example.com/', realm: 'demo' })).toBe(
      'https://kc.example.com/realms/demo',
    )
    expect(issuerOf('keycloak', { server: 'http://localhost:8080/auth', realm: 'my realm' })).toBe(
      'http://localhost:8080/auth/realms/my%20realm',
    )
  })

  it('Google: a refresh token needs access_type=offline and prompt=consent', () => {
    expect(issuerOf('google', {})).toBe('https://accounts.google.com')
    expect(findPreset('google').clientDefaults({}).extraParams).toEqual({
      access_type: 'offline',
      prompt: 'consent',
    })
  })

  it('generic: keeps the issuer exactly as typed, trailing slash included', () => {
    expect(issuerOf('generic', { issuer: ' https://id.example.com/ ' })).toBe(
      'https://id.example.com/',
    )
  })
})

describe('missing fields', () => {
  it('names the required fields left empty, and building without them throws', () => {
    const keycloak = findPreset('keycloak')
    expect(missingPresetFields(keycloak, { server: 'kc.example.com', realm: '  ' })).toEqual([
      expect.objectContaining({ name: 'realm', label: 'Realm' }),
    ])
    expect(() => keycloak.buildProvider({ server: 'kc.example.com' })).toThrow('Realm is required.')
  })

  it('has nothing missing for the presets that need no typing', () => {
    expect(missingPresetFields(findPreset('sandbox'), {})).toEqual([])
    expect(missingPresetFields(findPreset('google'), {})).toEqual([])
  })
})
