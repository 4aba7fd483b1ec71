import { describe, expect, it } from 'vitest'
import {
  discoverIssuerKeys,
  discoveryUrlOf,
} from '../../../electron/core/tokens/discover-issuer-keys'
import { readJwks } from '../../../electron/core/tokens/load-jwks'
import { selectJwk } from '../../../electron/core/tokens/select-jwk'
import { createFakeFetch } from './token-test-kit'

const rsa = (kid?: string, extra: object = {}) => ({
  kty: 'RSA',
  n: 'AQAB',
  e: 'AQAB',
  ...(kid ? { kid } : {}),
  ...extra,
})

describe('discoverIssuerKeys', () => {
  it('builds the well-known URL without a doubled slash', () => {
    expect(discoveryUrlOf('https://op.test/tenant/')).toBe(
      'https://op.test/tenant/.well-known/openid-configuration',
    )
    expect(discoveryUrlOf('https://op.test')).toBe(
      'https://op.test/.well-known/openid-configuration',
    )
  })

  it('fails metadata without a jwks_uri', async () => {
    const network = createFakeFetch({
      'https://op.test/.well-known/openid-configuration': [{ body: { issuer: 'https://op.test' } }],
    })

    const result = await discoverIssuerKeys('https://op.test', { fetch: network.fetch })

    network.assertDone()
    expect(result).toMatchObject({
      ok: false,
      check: { id: 'discovery', code: 'TOKEN_DISCOVERY_INVALID' },
    })
  })

  it('fails metadata that is not JSON', async () => {
    const network = createFakeFetch({
      'https://op.test/.well-known/openid-configuration': [
        { body: 'oops', headers: { 'content-type': 'text/plain' } },
      ],
    })

    const result = await discoverIssuerKeys('https://op.test', { fetch: network.fetch })

    expect(result).toMatchObject({ ok: false, check: { code: 'TOKEN_DISCOVERY_NOT_JSON' } })
  })
})

describe('readJwks', () => {
  it('drops private members a provider publishes, loudly', () => {
    const read = readJwks(
      { keys: [rsa('a', { d: 'secret', p: 'x' })] },
      { where: 'the JWKS at X', published: true },
    )

    expect(read).toMatchObject({
      ok: true,
      warnings: [{ status: 'warn', code: 'TOKEN_JWKS_PRIVATE_KEYS' }],
    })
    expect(read.ok && read.keys[0]).toEqual(rsa('a'))
    expect(JSON.stringify(read)).not.toContain('secret')
  })

  it.each([
    ['an array', []],
    ['an object without keys', { key: [] }],
    ['a key without kty', { keys: [{ kid: 'a' }] }],
  ])('refuses %s as a key set', (_label, value) => {
    expect(readJwks(value, { where: 'the JWKS', published: true })).toMatchObject({
      ok: false,
      check: { code: 'TOKEN_JWKS_INVALID' },
    })
  })
})

describe('selectJwk', () => {
  it('skips keys for encryption or another algorithm when there is no kid', () => {
    const selection = selectJwk(
      [rsa('enc', { use: 'enc' }), rsa('ps', { alg: 'PS256' }), rsa('sig', { use: 'sig' })],
      { alg: 'RS256' },
    )

    expect(selection).toMatchObject({ outcome: 'selected', jwk: { kid: 'sig' } })
  })

  it('says a key with the right kid is of the wrong type', () => {
    expect(selectJwk([rsa('a')], { alg: 'ES256', kid: 'a' })).toMatchObject({
      outcome: 'unfit',
      why: expect.stringMatching(/needs an EC key on P-256/),
    })
  })

  it('finds no applicable key in an empty set', () => {
    expect(selectJwk([], { alg: 'RS256' })).toMatchObject({
      outcome: 'none_applicable',
      why: 'the set is empty',
    })
  })
})
