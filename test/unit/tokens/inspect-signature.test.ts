import { SignJWT, exportSPKI, generateKeyPair, importPKCS8 } from 'jose'
import { beforeAll, describe, expect, it } from 'vitest'
import { AfxError } from '../../../electron/core/errors'
import { inspectToken } from '../../../electron/core/tokens/inspect-token'
import { makeUnsignedJwt } from '../../helpers/make-jwt'
import {
  CLIENT_ID,
  DISCOVERY_URL,
  ISSUER,
  JWKS_URL,
  checkOf,
  createFakeFetch,
  createSigner,
  discoveryDocument,
  idTokenClaims,
  now,
  sign,
  type Signer,
} from './token-test-kit'

// A self-signed P-256 certificate and its key, made once with openssl for this test only:
// openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -subj "/CN=afx test signer"
const CERTIFICATE = `-----BEGIN CERTIFICATE-----
MIIBizCCATGgAwIBAgIUOinXR9MQdY9RJEq39zg6OJ7WXh0wCgYIKoZIzj0EAwIw
GjEYMBYGA1UEAwwPYWZ4IHRlc3Qgc2lnbmVyMCAXDTI2MTEyMzAyMDUzOFoYDzIx
MjYxMDMwMDIwNTM4WjAaMRgwFgYDVQQDDA9hZnggdGVzdCBzaWduZXIwWTATBgcq
hkjOPQIBBggqhkjOPQMBBwNCAAQP7eObiKX7ENHf4zsRq958mbCv34kKon840S3+
Xh11slzpy/cdUEmMbMnha3vCGVPu8aXVMI2vScfsMFSDl+n+o1MwUTAdBgNVHQ4E
FgQUL7a7L3pd7hWFNJnk98/UzgsbnSAwHwYDVR0jBBgwFoAUL7a7L3pd7hWFNJnk
98/UzgsbnSAwDwYDVR0TAQH/BAUwAwEB/zAKBggqhkjOPQQDAgNIADBFAiBWUJBy
j8mI5pRIldY+/D22vjXv0M8wpk3C3u6f+ROOmAIhAIxoQ+EFdvpqVJ5JdAROlSud
BoR6cmOEFnrIFJZT/VJE
-----END CERTIFICATE-----`
const CERTIFICATE_KEY = `-----BEGIN PRIVATE KEY-----
MIGHAgEAMBMGByqGSM49AgEGCCqGSM49AwEHBG0wawIBAQQgXrMWlBtJ42x/odr4
dDtb1W3aWGabDrAVZXISfshMRlehRANCAAQP7eObiKX7ENHf4zsRq958mbCv34kK
on840S3+Xh11slzpy/cdUEmMbMnha3vCGVPu8aXVMI2vScfsMFSDl+n+
-----END PRIVATE KEY-----`

const expectations = { kind: 'id_token', issuer: ISSUER, clientId: CLIENT_ID } as const
const viaJwksUrl = { kind: 'jwks_url', url: JWKS_URL } as const

let current: Signer
let rotated: Signer

beforeAll(async () => {
  ;[current, rotated] = await Promise.all([
    createSigner('RS256', 'key-2026'),
    createSigner('RS256', 'key-2027'),
  ])
})

/** Flips every byte of the signature, as the OpenID conformance suite does (XOR 0x5A). */
function corruptSignature(token: string): string {
  const [header, payload, signature = ''] = token.split('.')
  const flipped = Buffer.from(signature, 'base64url').map((byte) => byte ^ 0x5a)
  return `${header}.${payload}.${Buffer.from(flipped).toString('base64url')}`
}

describe('inspectToken: signatures and keys', () => {
  it('refuses an unsecured token (alg none) and still shows its claims', async () => {
    const token = makeUnsignedJwt({ alg: 'none' }, idTokenClaims('RS256'), '')
    const network = createFakeFetch({})

    const report = await inspectToken(
      { token, expect: expectations, key: viaJwksUrl },
      { now, fetch: network.fetch },
    )

    network.assertDone()
    expect(report.kind).toBe('unsecured')
    expect(report.signature).toMatchObject({ status: 'invalid', alg: 'none' })
    expect(checkOf(report, 'alg')).toMatchObject({ status: 'fail', code: 'TOKEN_ALG_NONE' })
    expect(checkOf(report, 'iss')).toMatchObject({ status: 'pass' })
  })

  it('fails a corrupted signature', async () => {
    const token = corruptSignature(await sign(current, idTokenClaims('RS256')))
    const network = createFakeFetch({ [JWKS_URL]: [{ body: { keys: [current.jwk] } }] })

    const report = await inspectToken(
      { token, expect: expectations, key: viaJwksUrl },
      { now, fetch: network.fetch },
    )

    network.assertDone()
    expect(report.signature.status).toBe('invalid')
    expect(checkOf(report, 'signature')).toMatchObject({
      status: 'fail',
      code: 'TOKEN_SIGNATURE_INVALID',
    })
  })

  it('fetches the key set exactly once more for an unknown kid, then fails clearly', async () => {
    const token = await sign(rotated, idTokenClaims('RS256'))
    const network = createFakeFetch({
      [JWKS_URL]: [{ body: { keys: [current.jwk] } }, { body: { keys: [current.jwk] } }],
    })

    const report = await inspectToken(
      { token, expect: expectations, key: viaJwksUrl },
      { now, fetch: network.fetch },
    )

    network.assertDone()
    expect(network.countOf(JWKS_URL)).toBe(2)
    expect(report.signature.status).toBe('not_checked')
    expect(checkOf(report, 'kid')).toMatchObject({
      status: 'fail',
      code: 'TOKEN_KID_NOT_FOUND',
      expected: 'key-2027',
      actual: 'available: key-2026',
    })
    expect(checkOf(report, 'kid').message).toMatch(/fetched again once/)
  })

  it('passes a token signed with a rotated key that appears on the re-fetch', async () => {
    const token = await sign(rotated, idTokenClaims('RS256'))
    const network = createFakeFetch({
      [JWKS_URL]: [
        { body: { keys: [current.jwk] } },
        { body: { keys: [current.jwk, rotated.jwk] } },
      ],
    })

    const report = await inspectToken(
      { token, expect: expectations, key: viaJwksUrl },
      { now, fetch: network.fetch },
    )

    network.assertDone()
    expect(report.signature).toMatchObject({
      status: 'valid',
      keySource: `JWKS of ${JWKS_URL}, kid key-2027`,
    })
    expect(checkOf(report, 'kid')).toMatchObject({ status: 'pass' })
    expect(checkOf(report, 'kid').message).toMatch(/kid key-2027 was not in it/)
  })

  it('uses the only key when the header has no kid', async () => {
    const token = await sign(current, idTokenClaims('RS256'), { kid: undefined })
    const network = createFakeFetch({
      [JWKS_URL]: [{ body: { keys: [{ ...current.jwk, kid: undefined }] } }],
    })

    const report = await inspectToken(
      { token, expect: expectations, key: viaJwksUrl },
      { now, fetch: network.fetch },
    )

    expect(report.signature.status).toBe('valid')
    expect(checkOf(report, 'kid').message).toMatch(/no kid in the header, and the set has one key/)
  })

  it('refuses to choose among several keys when the header has no kid, naming the one that fits', async () => {
    const token = await sign(rotated, idTokenClaims('RS256'), { kid: undefined })
    const network = createFakeFetch({
      [JWKS_URL]: [{ body: { keys: [current.jwk, rotated.jwk] } }],
    })

    const report = await inspectToken(
      { token, expect: expectations, key: viaJwksUrl },
      { now, fetch: network.fetch },
    )

    network.assertDone()
    expect(report.signature.status).toBe('not_checked')
    expect(checkOf(report, 'kid')).toMatchObject({ status: 'fail', code: 'TOKEN_KID_AMBIGUOUS' })
    expect(checkOf(report, 'kid').message).toMatch(/candidate 2 of 2, kid key-2027, would verify/)
  })

  it('refuses an HS256 token "signed" with the RSA public key as secret (algorithm confusion)', async () => {
    const { publicKey } = await generateKeyPair('RS256')
    const pem = await exportSPKI(publicKey)
    const forged = await new SignJWT(idTokenClaims('HS256'))
      .setProtectedHeader({ alg: 'HS256' })
      .sign(new TextEncoder().encode(pem))

    const report = await inspectToken(
      { token: forged, expect: expectations, key: { kind: 'pem', pem } },
      { now },
    )

    expect(report.signature.status).toBe('invalid')
    expect(checkOf(report, 'alg')).toMatchObject({ status: 'fail', code: 'TOKEN_ALG_CONFUSION' })
    expect(checkOf(report, 'signature')).toMatchObject({ status: 'skip' })
  })

  it('fails clearly when the JWKS URL answers something that is not JSON', async () => {
    const token = await sign(current, idTokenClaims('RS256'))
    const network = createFakeFetch({
      [JWKS_URL]: [
        { body: '<!DOCTYPE html><h1>Sign in</h1>', headers: { 'content-type': 'text/html' } },
      ],
    })

    const report = await inspectToken(
      { token, expect: expectations, key: viaJwksUrl },
      { now, fetch: network.fetch },
    )

    network.assertDone()
    expect(report.signature.status).toBe('not_checked')
    expect(checkOf(report, 'jwks')).toMatchObject({ status: 'fail', code: 'TOKEN_JWKS_NOT_JSON' })
    expect(checkOf(report, 'jwks').message).toMatch(/text\/html, not JSON/)
  })

  it('refuses an alg the provider does not list for ID tokens', async () => {
    const signer = await createSigner('PS256')
    const token = await sign(signer, idTokenClaims('PS256'))
    const network = createFakeFetch({ [DISCOVERY_URL]: [{ body: discoveryDocument(['RS256']) }] })

    const report = await inspectToken(
      { token, expect: expectations, key: { kind: 'issuer' } },
      { now, fetch: network.fetch },
    )

    network.assertDone()
    expect(checkOf(report, 'alg')).toMatchObject({
      status: 'fail',
      code: 'TOKEN_ALG_NOT_ALLOWED',
      expected: 'RS256',
      actual: 'PS256',
    })
  })

  it('refuses discovery metadata for another issuer, and fetches no keys from it', async () => {
    const token = await sign(current, idTokenClaims('RS256'))
    const network = createFakeFetch({
      [DISCOVERY_URL]: [{ body: { ...discoveryDocument(), issuer: `${ISSUER}/` } }],
    })

    const report = await inspectToken(
      { token, expect: expectations, key: { kind: 'issuer' } },
      { now, fetch: network.fetch },
    )

    network.assertDone()
    expect(checkOf(report, 'discovery')).toMatchObject({
      status: 'fail',
      code: 'TOKEN_DISCOVERY_ISSUER_MISMATCH',
      expected: ISSUER,
      actual: `${ISSUER}/`,
    })
  })

  it('finds the keys from the token’s own iss when no issuer is expected, and says so', async () => {
    const token = await sign(current, idTokenClaims('RS256'))
    const network = createFakeFetch({
      [DISCOVERY_URL]: [{ body: discoveryDocument() }],
      [JWKS_URL]: [{ body: { keys: [current.jwk] } }],
    })

    const report = await inspectToken(
      { token, key: { kind: 'issuer' } },
      { now, fetch: network.fetch },
    )

    network.assertDone()
    expect(report.signature.status).toBe('valid')
    expect(checkOf(report, 'discovery').message).toMatch(/came from the token itself/)
  })

  it('verifies with a pasted JWK and with a pasted PEM public key', async () => {
    const signer = await createSigner('ES256')
    const token = await sign(signer, idTokenClaims('ES256'))
    const { createPublicKey } = await import('node:crypto')
    const pem = createPublicKey({ key: signer.jwk as never, format: 'jwk' })
      .export({ type: 'spki', format: 'pem' })
      .toString()

    const withJwk = await inspectToken(
      { token, key: { kind: 'jwk', json: JSON.stringify(signer.jwk) } },
      { now },
    )
    const withPem = await inspectToken({ token, key: { kind: 'pem', pem } }, { now })

    expect(withJwk.signature).toMatchObject({
      status: 'valid',
      keySource: 'pasted JWK (EC), kid k-ES256',
    })
    expect(withPem.signature).toMatchObject({
      status: 'valid',
      keySource: 'pasted PEM public key (EC)',
    })
  })

  it('says "not checked" when no key was given', async () => {
    const report = await inspectToken(
      { token: await sign(current, idTokenClaims('RS256')) },
      { now },
    )

    expect(report.signature.status).toBe('not_checked')
    expect(checkOf(report, 'signature')).toMatchObject({ status: 'skip' })
  })

  it('throws a hinted AfxError only for a key that cannot be read at all', async () => {
    const token = await sign(current, idTokenClaims('RS256'))
    const pem = '-----BEGIN PUBLIC KEY-----\nbm90IGEga2V5\n-----END PUBLIC KEY-----'

    const error = await inspectToken({ token, key: { kind: 'pem', pem } }, { now }).catch((e) => e)

    expect(error).toBeInstanceOf(AfxError)
    expect(error).toMatchObject({
      code: 'TOKEN_KEY_UNREADABLE',
      hint: expect.stringMatching(/BEGIN PUBLIC KEY/),
    })
  })

  it('verifies with a pasted X.509 certificate, and takes only the public half of a private PEM', async () => {
    const token = await new SignJWT(idTokenClaims('ES256'))
      .setProtectedHeader({ alg: 'ES256' })
      .sign(await importPKCS8(CERTIFICATE_KEY, 'ES256'))

    const withCertificate = await inspectToken(
      { token, key: { kind: 'pem', pem: CERTIFICATE } },
      { now },
    )
    const withPrivateKey = await inspectToken(
      { token, key: { kind: 'pem', pem: CERTIFICATE_KEY } },
      { now },
    )

    expect(withCertificate.signature).toMatchObject({
      status: 'valid',
      keySource: 'pasted PEM certificate (EC)',
    })
    expect(withPrivateKey.signature.status).toBe('valid')
    expect(checkOf(withPrivateKey, 'jwks')).toMatchObject({
      status: 'warn',
      code: 'TOKEN_PRIVATE_KEY_GIVEN',
    })
  })

  it('chooses by kid from a pasted JWK Set, without fetching anything', async () => {
    const token = await sign(rotated, idTokenClaims('RS256'))
    const network = createFakeFetch({})

    const report = await inspectToken(
      { token, key: { kind: 'jwk', json: JSON.stringify({ keys: [current.jwk, rotated.jwk] }) } },
      { now, fetch: network.fetch },
    )

    network.assertDone()
    expect(report.signature).toMatchObject({
      status: 'valid',
      keySource: 'pasted JWK Set (2 keys), kid key-2027',
    })
  })
})
