// What a flow form sends when a saved profile is chosen: the profile's provider and client in the
// fields, its name on the run (so the engine adds the kept secret), and the "break it" toggles.
import { describe, expect, it } from 'vitest'
import { CodeFlowInput } from '../../../shared/flow-input'
import type { Profile } from '../../../shared/workspace-model'
import { clientOf } from '../../../renderer/features/flows/client-draft'
import { buildStartInput, DEFAULT_DETAILS } from '../../../renderer/features/flows/flow-choices'
import {
  cognitoFieldsOf,
  keptSecretNote,
  oauthFieldsOf,
  profileChoiceOf,
} from '../../../renderer/features/flows/profile-fields'

const acme: Profile = {
  name: 'Acme staging',
  preset: 'generic',
  provider: { kind: 'issuer', issuer: 'https://login.acme.test' },
  clients: [
    {
      clientId: 'acme-web',
      authMethod: 'client_secret_post',
      scope: 'openid email',
      extraParams: { audience: 'https://api.acme.test', prompt: 'login' },
      redirect: { host: 'localhost', port: 8765, path: '/cb' },
      secret: { home: 'os-keychain', available: true },
    },
  ],
  updatedAt: '2026-01-01T00:00:00.000Z',
}

const pool: Profile = {
  name: 'Sandbox pool',
  preset: 'cognito',
  provider: {
    kind: 'cognito',
    region: 'us-east-1',
    userPoolId: 'us-east-1_Sandbox01',
    endpoint: 'http://127.0.0.1:9401/',
  },
  clients: [{ clientId: 'pool-client', secret: { home: 'vault', available: false } }],
  updatedAt: '2026-01-01T00:00:00.000Z',
}

describe('choosing a saved profile in the flow form', () => {
  it('fills the provider, the client and the redirect, and starts a run that names the profile without a secret', () => {
    const fields = oauthFieldsOf(acme, acme.clients[0])
    expect(fields.provider).toEqual({ issuer: 'https://login.acme.test' })
    expect(fields.client?.extraParams).toBe('audience=https://api.acme.test\nprompt=login')

    const input = buildStartInput(
      'code',
      {
        profile: acme.name,
        provider: fields.provider,
        client: clientOf({ ...fields.client!, clientSecret: '' }),
        mode: 'auto',
      },
      { ...DEFAULT_DETAILS, ...fields.redirect, breakIt: ['state-changed', 'code-replayed'] },
      false,
    )

    const parsed = CodeFlowInput.parse(input)
    expect(parsed).toMatchObject({
      flow: 'code',
      profile: 'Acme staging',
      provider: { issuer: 'https://login.acme.test' },
      client: {
        clientId: 'acme-web',
        authMethod: 'client_secret_post',
        scope: 'openid email',
        extraParams: { audience: 'https://api.acme.test', prompt: 'login' },
      },
      redirect: { host: 'localhost', port: 8765, path: '/cb' },
      breakIt: ['state-changed', 'code-replayed'],
    })
    expect(parsed.client).not.toHaveProperty('clientSecret')
  })

  it('gives the endpoints of a profile without discovery as the provider', () => {
    const byHand: Profile = {
      ...acme,
      provider: {
        kind: 'endpoints',
        endpoints: { token_endpoint: 'https://login.acme.test/oauth/token' },
      },
      clients: [],
    }
    expect(oauthFieldsOf(byHand, undefined)).toEqual({
      provider: { endpoints: { token_endpoint: 'https://login.acme.test/oauth/token' } },
    })
  })

  it('takes the defaults for a client saved without a redirect, and sends no break-it when none is chosen', () => {
    const client = { clientId: 'bare' }
    const fields = oauthFieldsOf(acme, client)
    expect(fields.redirect).toEqual({
      redirectHost: '127.0.0.1',
      redirectPort: '',
      redirectPath: '/callback',
    })
    const input = buildStartInput(
      'code',
      {
        provider: fields.provider,
        client: clientOf({ ...fields.client!, clientSecret: '' }),
        mode: 'auto',
      },
      { ...DEFAULT_DETAILS, ...fields.redirect },
      true,
    )
    expect(input).toMatchObject({ redirect: { host: '127.0.0.1', port: 0, path: '/callback' } })
    expect(input).not.toHaveProperty('breakIt')
    expect(input).not.toHaveProperty('profile')
  })

  it('fills a Cognito form from a pool profile only; the OAuth form gets the pool as an issuer', () => {
    expect(oauthFieldsOf(pool, pool.clients[0]).provider).toEqual({
      issuer: 'http://127.0.0.1:9401/us-east-1_Sandbox01',
    })
    expect(cognitoFieldsOf(acme, acme.clients[0])).toBeUndefined()
    expect(cognitoFieldsOf(pool, pool.clients[0])).toEqual({
      region: 'us-east-1',
      userPoolId: 'us-east-1_Sandbox01',
      endpoint: 'http://127.0.0.1:9401/',
      clientId: 'pool-client',
    })
  })

  it('says where the secret comes from: kept and usable, kept but locked, or not kept', () => {
    expect(keptSecretNote(acme.clients[0])).toBe('uses the secret kept with the profile')
    expect(keptSecretNote(pool.clients[0])).toMatch(/passphrase vault, which is locked/)
    expect(keptSecretNote({ clientId: 'public' })).toBeUndefined()
    expect(keptSecretNote(undefined)).toBeUndefined()
  })

  it('keeps the chosen profile with its client and secret note, and forgets it when none is chosen', () => {
    expect(profileChoiceOf(pool, pool.clients[0])).toEqual({
      name: 'Sandbox pool',
      clientId: 'pool-client',
      secretNote: expect.stringMatching(/passphrase vault, which is locked/),
    })
    expect(profileChoiceOf(acme, undefined)).toEqual({
      name: 'Acme staging',
      clientId: undefined,
      secretNote: undefined,
    })
    expect(profileChoiceOf(undefined, undefined)).toBeUndefined()
  })
})
