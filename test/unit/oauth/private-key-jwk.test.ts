// The client's private key for private_key_jwt: every text that is not a private signing JWK is
// refused in words that never quote it, and a key pair from keys.generate signs an assertion the
// provider can verify with the public JWK to register.
import { calculateJwkThumbprint, jwtVerify, importJWK, type JWK } from 'jose'
import * as oidc from 'openid-client'
import { describe, expect, it } from 'vitest'
import { readPrivateKeyJwk } from '../../../electron/core/oauth/read-private-key-jwk'
import { ClientKeyAlg } from '../../../shared/flow-input'
import { testImpl } from '../../helpers/test-impl'

const impl = testImpl()
const generate = (alg: ClientKeyAlg) => impl['keys.generate']({ alg })

/** A JWK of a freshly generated pair, changed by `change`. */
async function generatedJwk(change: (jwk: JWK) => unknown = (jwk) => jwk): Promise<string> {
  const { privateJwk } = await generate('ES256')
  return JSON.stringify(change(JSON.parse(privateJwk) as JWK))
}

describe('readPrivateKeyJwk refuses what cannot sign, in words', () => {
  it.each<[string, () => Promise<string>, RegExp, RegExp]>([
    ['text that is not JSON', async () => 'kty: EC, d: abc', /is not JSON/, /a JSON object/],
    [
      'a public key only',
      async () => (await generate('ES256')).publicJwk,
      /public key only: it has no "d"/,
      /register with the provider/,
    ],
    [
      'a shared secret',
      async () => '{"kty":"oct","k":"c2VjcmV0LXZhbHVlLWZvci1obWFj"}',
      /shared secret \(kty "oct"\)/,
      /private RSA, EC or Ed25519 key/,
    ],
    [
      'a JWK Set of two keys',
      async () => `{"keys":[${await generatedJwk()},${await generatedJwk()}]}`,
      /JWK Set with 2 keys/,
      /the one private JWK/,
    ],
    ['JSON that is no object', async () => '["EC"]', /not a JWK/, /Give a JWK/],
    ['a JWK without kty', async () => '{"d":"abc"}', /has no "kty"/, /Give a JWK/],
    [
      'a key for encryption',
      () => generatedJwk((jwk) => ({ ...jwk, use: 'enc' })),
      /declared for "enc"/,
      /signing key/,
    ],
    [
      'an alg that does not sign',
      () => generatedJwk((jwk) => ({ ...jwk, alg: 'ECDH-ES' })),
      /declared for "ECDH-ES", which is not a signature algorithm/,
      /RS256, PS256, ES256 or EdDSA/,
    ],
    [
      'a curve that cannot sign here',
      () => generatedJwk((jwk) => ({ ...jwk, alg: undefined, crv: 'secp256k1' })),
      /This EC key on secp256k1 cannot sign a client assertion here/,
      /P-256, P-384 or P-521/,
    ],
    [
      'a key whose members are broken',
      () => generatedJwk((jwk) => ({ ...jwk, x: 'AAAA' })),
      /could not be read as a private key for ES256: Invalid keyData\./,
      /copied/,
    ],
  ])('%s', async (_case, text, message, hint) => {
    const given = await text()
    const error = await readPrivateKeyJwk(given).then(
      () => undefined,
      (thrown: unknown) => thrown,
    )
    expect(error).toMatchObject({ code: 'TOKEN_KEY_UNREADABLE', message, hint })
    // Nothing of the text itself shows: it is the secret.
    const { message: words = '', hint: help = '' } = error as { message?: string; hint?: string }
    const d = /"d":"([^"]+)"/.exec(given)?.[1]
    if (d) expect(`${words} ${help}`).not.toContain(d)
  })

  it('never quotes a JSON syntax error, which would show part of the key', async () => {
    const almost = '{"kty":"EC","crv":"P-256","d":"w1FxoDy8GMx4QUJIEH_28SJDvaLFx80rBRJTDAmvn6Y",}'
    const error = await readPrivateKeyJwk(almost).catch((thrown: Error) => thrown)
    expect(String((error as Error).message)).not.toContain('w1Fxo')
    expect((error as Error).cause).toBeUndefined()
  })

  it('takes the one key of a JWK Set, with the alg usual for its type', async () => {
    const jwk = await generatedJwk((generated) => ({ ...generated, alg: undefined }))
    const key = await readPrivateKeyJwk(`{"keys":[${jwk}]}`)
    expect(key.alg).toBe('ES256')
    expect(key.kid).toBe((JSON.parse(jwk) as JWK).kid)
    expect(key.privateValues).toEqual([(JSON.parse(jwk) as JWK).d])
  })
})

describe('keys.generate', () => {
  it.each(ClientKeyAlg.options)(
    'makes a %s pair whose assertion verifies with the public JWK to register',
    async (alg) => {
      const pair = await generate(alg)
      const privateJwk = JSON.parse(pair.privateJwk) as JWK
      const publicJwk = JSON.parse(pair.publicJwk) as JWK
      expect(privateJwk.d).toEqual(expect.any(String))
      expect(Object.keys(publicJwk).filter((name) => ['d', 'p', 'q'].includes(name))).toEqual([])
      expect(publicJwk).toMatchObject({ kid: pair.kid, alg, use: 'sig' })
      expect(privateJwk.kid).toBe(pair.kid)
      expect(await calculateJwkThumbprint(publicJwk)).toBe(pair.kid)

      const key = await readPrivateKeyJwk(pair.privateJwk)
      const body = new URLSearchParams()
      const server = { issuer: 'https://op.example' }
      const sign = oidc.PrivateKeyJwt({ key: key.key, kid: pair.kid })
      await sign(server, { client_id: 'c1' }, body, new Headers())
      const verified = await jwtVerify(
        body.get('client_assertion') ?? '',
        await importJWK(publicJwk, alg),
        { issuer: 'c1', subject: 'c1', audience: server.issuer },
      )
      expect(verified.protectedHeader.kid).toBe(pair.kid)
    },
  )

  it('makes a new pair each time', async () => {
    const [one, two] = await Promise.all([generate('ES256'), generate('ES256')])
    expect(one.kid).not.toBe(two.kid)
  })
})
