// A run started from a profile gets the client's kept secret from the engine: as the client secret,
// or, for a private_key_jwt client, as its private key (the one secret that client keeps).
import { describe, expect, it } from 'vitest'
import { fillProfileSecret } from '../../../electron/core/profiles/fill-profile-secret'
import type { ClientCredentialsInput } from '../../../shared/flow-input'

const KEPT = '{"kty":"EC","crv":"P-256","x":"…","y":"…","d":"kept-private-part"}'

const run = (client: Partial<ClientCredentialsInput['client']>): ClientCredentialsInput => ({
  flow: 'client_credentials',
  profile: 'work',
  provider: { issuer: 'https://op.example' },
  client: { clientId: 'svc', ...client },
  mode: 'auto',
})
const lookup = (profile: string, clientId: string) =>
  profile === 'work' && clientId === 'svc' ? KEPT : undefined

describe('fillProfileSecret', () => {
  it('puts a private_key_jwt client’s kept secret in privateKeyJwk, not clientSecret', () => {
    const filled = fillProfileSecret(run({ authMethod: 'private_key_jwt' }), lookup)
    expect(filled).toMatchObject({ client: { privateKeyJwk: KEPT } })
    expect('client' in filled && filled.client.clientSecret).toBeUndefined()
  })

  it('keeps a private key given with the run over the kept one', () => {
    const given = run({ authMethod: 'private_key_jwt', privateKeyJwk: '{"given":true}' })
    expect(fillProfileSecret(given, lookup)).toBe(given)
  })

  it('still fills clientSecret for the other methods', () => {
    const filled = fillProfileSecret(run({ authMethod: 'client_secret_post' }), lookup)
    expect(filled).toMatchObject({ client: { clientSecret: KEPT } })
    expect('client' in filled && filled.client.privateKeyJwk).toBeUndefined()
  })
})
