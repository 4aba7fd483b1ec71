import {
  CompactEncrypt,
  FlattenedSign,
  GeneralSign,
  exportJWK,
  generateKeyPair,
  type CryptoKey,
  type JWK,
} from 'jose'
import { beforeAll, describe, expect, it } from 'vitest'
import { AfxError } from '../../../electron/core/errors'
import { inspectToken } from '../../../electron/core/tokens/inspect-token'
import { TokenReport } from '../../../shared/token-report'
import {
  CLIENT_ID,
  ISSUER,
  checkOf,
  createSigner,
  idTokenClaims,
  now,
  sign,
  type Signer,
} from './token-test-kit'

const expectations = { issuer: ISSUER, clientId: CLIENT_ID } as const
const encryptionHeader = { alg: 'RSA-OAEP-256', enc: 'A256GCM', kid: 'enc-1' }

let signer: Signer
let recipient: { publicKey: CryptoKey; privateJwk: JWK }

beforeAll(async () => {
  signer = await createSigner('ES256')
  const { publicKey, privateKey } = await generateKeyPair('RSA-OAEP-256', { extractable: true })
  recipient = { publicKey, privateJwk: { ...(await exportJWK(privateKey)), kid: 'enc-1' } }
})

async function encrypt(plaintext: string): Promise<string> {
  return new CompactEncrypt(new TextEncoder().encode(plaintext))
    .setProtectedHeader(encryptionHeader)
    .encrypt(recipient.publicKey)
}

const payloadBytes = () => new TextEncoder().encode(JSON.stringify(idTokenClaims('ES256')))

describe('inspectToken: what a token can look like', () => {
  it('names an opaque token as opaque, with no claims and no error', async () => {
    const report = await inspectToken({ token: '2YotnFZFEjr1zCsicMWpAA' }, { now })

    expect(report).toMatchObject({ kind: 'opaque', claims: [], tokenType: { type: 'unknown' } })
    expect(checkOf(report, 'format')).toMatchObject({ status: 'skip', code: 'TOKEN_OPAQUE' })
  })

  it('fails an opaque token given as an ID token: ID tokens are always JWTs', async () => {
    const report = await inspectToken(
      { token: '2YotnFZFEjr1zCsicMWpAA', expect: { kind: 'id_token' } },
      { now },
    )

    expect(checkOf(report, 'format')).toMatchObject({ status: 'fail', code: 'TOKEN_OPAQUE' })
  })

  it('reports a malformed token instead of throwing', async () => {
    const report = await inspectToken({ token: 'abc.def' }, { now })

    expect(report.kind).toBe('malformed')
    expect(checkOf(report, 'format')).toMatchObject({
      status: 'fail',
      code: 'TOKEN_WRONG_PART_COUNT',
    })
  })

  it('throws only for an empty token, or input of the wrong shape', async () => {
    await expect(inspectToken({ token: '  ' }, { now })).rejects.toMatchObject({
      code: 'TOKEN_EMPTY',
    })
    const wrong = await inspectToken({ token: 'x', expect: { kind: 'refresh' } } as never, { now })
      .then(() => null)
      .catch((error: unknown) => error)
    expect(wrong).toBeInstanceOf(AfxError)
    expect(wrong).toMatchObject({ code: 'TOKEN_INPUT_INVALID' })
  })

  it('reads a token pasted with an Authorization: Bearer prefix', async () => {
    const token = await sign(signer, idTokenClaims('ES256'))

    const report = await inspectToken(
      {
        token: `Authorization: Bearer ${token}`,
        key: { kind: 'jwk', json: JSON.stringify(signer.jwk) },
      },
      { now },
    )

    expect(report.signature.status).toBe('valid')
  })

  it('shows the header of a JWE and names its payload as encrypted', async () => {
    const report = await inspectToken(
      { token: await encrypt(JSON.stringify({ sub: 'x' })), expect: expectations },
      { now },
    )

    expect(report).toMatchObject({
      kind: 'jwe',
      header: encryptionHeader,
      payloadNote: expect.stringMatching(/^Encrypted/),
      encryption: { alg: 'RSA-OAEP-256', enc: 'A256GCM', status: 'encrypted' },
      signature: { status: 'not_checked' },
      claims: [],
    })
    expect(report.payload).toBeUndefined()
    expect(checkOf(report, 'decrypt')).toMatchObject({ status: 'skip', code: 'TOKEN_ENCRYPTED' })
  })

  it('decrypts a JWE with the private JWK given and checks the claims inside', async () => {
    const report = await inspectToken(
      {
        token: await encrypt(JSON.stringify(idTokenClaims('ES256'))),
        expect: expectations,
        key: { kind: 'jwk', json: JSON.stringify({ keys: [recipient.privateJwk] }) },
      },
      { now },
    )

    expect(report).toMatchObject({
      kind: 'jwe',
      encryption: { status: 'decrypted' },
      payload: { iss: ISSUER },
      tokenType: { type: 'id_token' },
    })
    expect(checkOf(report, 'decrypt')).toMatchObject({ status: 'pass' })
    expect(checkOf(report, 'aud')).toMatchObject({ status: 'pass' })
  })

  it('decrypts a directly encrypted JWE with the shared secret given', async () => {
    const secret = 'thirty-two bytes of shared secret'.slice(0, 32)
    const token = await new CompactEncrypt(new TextEncoder().encode('{"sub":"bob"}'))
      .setProtectedHeader({ alg: 'dir', enc: 'A256GCM' })
      .encrypt(new TextEncoder().encode(secret))

    const report = await inspectToken({ token, key: { kind: 'hmac', secret } }, { now })

    expect(report).toMatchObject({
      payload: { sub: 'bob' },
      encryption: { alg: 'dir', status: 'decrypted' },
      signature: { status: 'not_checked', explanation: expect.stringMatching(/not signed/) },
    })
  })

  it('opens a signed-then-encrypted token and reads the inner JWT', async () => {
    const inner = await sign(signer, idTokenClaims('ES256'))

    const report = await inspectToken(
      {
        token: await encrypt(inner),
        key: { kind: 'jwk', json: JSON.stringify(recipient.privateJwk) },
      },
      { now },
    )

    expect(report).toMatchObject({
      payload: { iss: ISSUER },
      signature: { status: 'not_checked', alg: 'ES256' },
    })
  })

  it('fails decryption with another key', async () => {
    const { privateKey } = await generateKeyPair('RSA-OAEP-256', { extractable: true })

    const report = await inspectToken(
      {
        token: await encrypt('{}'),
        key: { kind: 'jwk', json: JSON.stringify(await exportJWK(privateKey)) },
      },
      { now },
    )

    expect(report.encryption?.status).toBe('failed')
    expect(checkOf(report, 'decrypt')).toMatchObject({
      status: 'fail',
      code: 'TOKEN_DECRYPT_FAILED',
    })
  })

  it('verifies a JWS in flattened JSON serialisation', async () => {
    const jws = await new FlattenedSign(payloadBytes())
      .setProtectedHeader({ alg: 'ES256', kid: signer.kid })
      .sign(signer.key)

    const report = await inspectToken(
      {
        token: JSON.stringify(jws),
        expect: expectations,
        key: { kind: 'jwk', json: JSON.stringify(signer.jwk) },
      },
      { now },
    )

    expect(report).toMatchObject({
      kind: 'jws',
      serialization: 'json_flattened',
      signature: { status: 'valid' },
    })
    expect(checkOf(report, 'format')).toMatchObject({ status: 'pass' })
  })

  it('checks the first signature of a general JSON JWS and says the others were not', async () => {
    const other = await createSigner('ES256', 'other')
    const general = new GeneralSign(payloadBytes())
    general.addSignature(signer.key).setProtectedHeader({ alg: 'ES256', kid: signer.kid })
    general.addSignature(other.key).setProtectedHeader({ alg: 'ES256', kid: other.kid })

    const report = await inspectToken(
      {
        token: JSON.stringify(await general.sign()),
        key: { kind: 'jwk', json: JSON.stringify(signer.jwk) },
      },
      { now },
    )

    expect(report).toMatchObject({ serialization: 'json_general', signature: { status: 'valid' } })
    expect(checkOf(report, 'format')).toMatchObject({
      status: 'warn',
      code: 'TOKEN_EXTRA_SIGNATURES_IGNORED',
    })
  })

  it('points at the right field when a whole token response is pasted', async () => {
    const report = await inspectToken(
      { token: JSON.stringify({ access_token: 'x', token_type: 'Bearer' }) },
      { now },
    )

    expect(checkOf(report, 'format')).toMatchObject({
      status: 'fail',
      code: 'TOKEN_JSON_SERIALIZATION_INVALID',
    })
    expect(checkOf(report, 'format').message).toMatch(/paste its access_token/)
  })

  it('answers reports that match the TokenReport schema exactly and survive JSON', async () => {
    const jwk = { kind: 'jwk', json: JSON.stringify(signer.jwk) } as const
    const reports = await Promise.all([
      inspectToken({ token: await sign(signer, idTokenClaims('ES256')), key: jwk }, { now }),
      inspectToken({ token: await encrypt('{}') }, { now }),
      inspectToken({ token: 'opaque-token' }, { now }),
      inspectToken({ token: 'a.b' }, { now }),
    ])

    for (const report of reports) {
      expect(TokenReport.parse(report)).toEqual(report)
      expect(JSON.parse(JSON.stringify(report))).toEqual(report)
    }
  })
})
