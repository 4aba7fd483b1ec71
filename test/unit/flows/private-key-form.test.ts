// The flow form's private_key_jwt client: the public JWK it shows to register is the private one
// without a single private member, and the key goes to the run only with private_key_jwt.
import { describe, expect, it } from 'vitest'
import { clientOf, DEFAULT_CLIENT } from '../../../renderer/features/flows/client-draft'
import { publicJwkOf } from '../../../renderer/features/flows/public-jwk-of'

const RSA_PRIVATE = {
  kty: 'RSA',
  kid: 'k1',
  alg: 'RS256',
  n: 'modulus',
  e: 'AQAB',
  d: 'private-exponent',
  p: 'prime-1',
  q: 'prime-2',
  dp: 'exp-1',
  dq: 'exp-2',
  qi: 'coefficient',
  key_ops: ['sign'],
}

describe('publicJwkOf', () => {
  it('keeps the public members of a private RSA key and drops every private one', () => {
    expect(publicJwkOf(JSON.stringify(RSA_PRIVATE))).toEqual({
      kty: 'RSA',
      kid: 'k1',
      alg: 'RS256',
      n: 'modulus',
      e: 'AQAB',
    })
  })

  it.each([
    ['text that is not JSON', '{"kty":'],
    ['a public key', '{"kty":"EC","crv":"P-256","x":"a","y":"b"}'],
    ['a shared secret', '{"kty":"oct","k":"c2VjcmV0","d":"x"}'],
    ['a JSON array', '[{"kty":"EC","d":"x"}]'],
    ['an empty field', ''],
  ])('shows nothing for %s', (_case, text) => {
    expect(publicJwkOf(text)).toBeUndefined()
  })
})

describe('clientOf', () => {
  const draft = { ...DEFAULT_CLIENT, privateKeyJwk: '{"kty":"EC","d":"x"}' }

  it('sends the private key with private_key_jwt', () => {
    expect(clientOf({ ...draft, authMethod: 'private_key_jwt' })).toMatchObject({
      authMethod: 'private_key_jwt',
      privateKeyJwk: draft.privateKeyJwk,
    })
  })

  it('leaves a key typed earlier out when another method is chosen', () => {
    expect(clientOf({ ...draft, authMethod: 'client_secret_basic' })).not.toHaveProperty(
      'privateKeyJwk',
    )
  })
})
