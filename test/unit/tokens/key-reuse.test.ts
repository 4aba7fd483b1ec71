// Keys the inspector derives again for every token (a JWK imported for an algorithm, a PEM read as
// a JWK) are derived once and reused: a batch of tokens from one issuer must not pay for each.
import { createPublicKey } from 'node:crypto'
import { exportJWK, exportSPKI, generateKeyPair, type CryptoKey } from 'jose'
import { describe, expect, it } from 'vitest'
import { importPublicJwk } from '../../../electron/core/tokens/import-public-jwk'
import { inspectToken } from '../../../electron/core/tokens/inspect-token'
import { KeyCache } from '../../../electron/core/tokens/key-cache'
import { readPastedKey } from '../../../electron/core/tokens/read-pasted-key'
import {
  CLIENT_ID,
  HMAC_SECRET,
  ISSUER,
  createSigner,
  idTokenClaims,
  now,
  sign,
} from './token-test-kit'

describe('KeyCache', () => {
  it('keeps at most its capacity, dropping the least recently used entry first', () => {
    const cache = new KeyCache<number>(2)
    cache.keep('first key', 1)
    cache.keep('second key', 2)
    expect(cache.lookup('first key')).toBe(1) // now the most recently used

    cache.keep('third key', 3)

    expect(cache.size).toBe(2)
    expect(cache.lookup('second key')).toBeUndefined()
    expect(cache.lookup('first key')).toBe(1)
    expect(cache.lookup('third key')).toBe(3)
  })

  it('tells material apart that differs in one character only', () => {
    const cache = new KeyCache<string>(4)
    cache.keep('RS256\n{"kty":"RSA","n":"abc"}', 'rsa-abc')

    expect(cache.lookup('RS256\n{"kty":"RSA","n":"abd"}')).toBeUndefined()
    expect(cache.lookup('PS256\n{"kty":"RSA","n":"abc"}')).toBeUndefined()
  })
})

describe('importPublicJwk', () => {
  it('imports a public key once per algorithm and hands back the same key after', async () => {
    const { jwk } = await createSigner('RS256')

    const first = await importPublicJwk(jwk, 'RS256')
    const again = await importPublicJwk({ ...jwk }, 'RS256') // equal members, a new object
    const forPss = await importPublicJwk(jwk, 'PS256')

    expect(again).toBe(first)
    expect(forPss).not.toBe(first)
    expect((forPss as CryptoKey).algorithm.name).toBe('RSA-PSS')
  })

  it('never keeps a shared secret: an oct key is imported afresh each time', async () => {
    const jwk = { kty: 'oct', k: Buffer.from(HMAC_SECRET).toString('base64url') }

    const first = await importPublicJwk(jwk, 'HS256')
    const again = await importPublicJwk(jwk, 'HS256')

    expect(again).not.toBe(first)
    expect(Buffer.from(again as Uint8Array).toString()).toBe(HMAC_SECRET)
  })
})

describe('a pasted PEM', () => {
  it('is read once: the same public JWK comes back for the same PEM', async () => {
    const { publicKey } = await generateKeyPair('ES256', { extractable: true })
    const pem = await exportSPKI(publicKey)

    const first = readPastedKey({ kind: 'pem', pem })
    const again = readPastedKey({ kind: 'pem', pem })

    expect(first.kind === 'jwk' && again.kind === 'jwk' && again.jwk === first.jwk).toBe(true)
    expect(first.kind === 'jwk' && first.jwk).toEqual(await exportJWK(publicKey))
  })

  it('keeps giving each token its own verdict: a reused key does not verify another signer', async () => {
    const signer = await createSigner('ES256')
    const stranger = await createSigner('ES256', signer.kid)
    const pem = createPublicKey({ key: signer.jwk, format: 'jwk' })
      .export({ type: 'spki', format: 'pem' })
      .toString()
    const tokens = await Promise.all([
      sign(signer, { ...idTokenClaims('ES256'), sub: 'user-1' }),
      sign(signer, { ...idTokenClaims('ES256'), sub: 'user-2' }),
      sign(stranger, { ...idTokenClaims('ES256'), sub: 'user-3' }),
    ])

    const verdicts = []
    for (const token of tokens) {
      const report = await inspectToken(
        {
          token,
          expect: { kind: 'id_token', issuer: ISSUER, clientId: CLIENT_ID },
          key: { kind: 'pem', pem },
        },
        { now },
      )
      verdicts.push(report.signature.status)
    }

    expect(verdicts).toEqual(['valid', 'valid', 'invalid'])
  })
})

describe('a pasted JWK', () => {
  it('is read once when public: the same key objects come back for the same text', async () => {
    const { jwk } = await createSigner('RS256')
    const json = JSON.stringify(jwk)

    const first = readPastedKey({ kind: 'jwk', json })
    const again = readPastedKey({ kind: 'jwk', json })

    expect(again).toBe(first)
    expect(first.kind === 'jwk' && first.jwk).toEqual(jwk)
  })

  it('is read afresh each time when it holds a secret or a private key', async () => {
    const secret = JSON.stringify({ kty: 'oct', k: Buffer.from(HMAC_SECRET).toString('base64url') })
    const { privateKey } = await generateKeyPair('ES256', { extractable: true })
    const withPrivate = JSON.stringify(await exportJWK(privateKey))

    for (const json of [secret, withPrivate]) {
      const first = readPastedKey({ kind: 'jwk', json })
      const again = readPastedKey({ kind: 'jwk', json })
      expect(again).not.toBe(first)
    }
  })

  it('keeps giving each token its own verdict: a reused key does not verify another signer', async () => {
    const signer = await createSigner('RS256')
    const stranger = await createSigner('RS256', signer.kid)
    const tokens = await Promise.all([
      sign(signer, { ...idTokenClaims('RS256'), sub: 'user-1' }),
      sign(stranger, { ...idTokenClaims('RS256'), sub: 'user-2' }),
      sign(signer, { ...idTokenClaims('RS256'), sub: 'user-3' }),
    ])

    const verdicts = []
    for (const token of tokens) {
      const report = await inspectToken(
        {
          token,
          expect: { kind: 'id_token', issuer: ISSUER, clientId: CLIENT_ID },
          key: { kind: 'jwk', json: JSON.stringify(signer.jwk) },
        },
        { now },
      )
      verdicts.push(report.signature.status)
    }

    expect(verdicts).toEqual(['valid', 'invalid', 'valid'])
  })
})
