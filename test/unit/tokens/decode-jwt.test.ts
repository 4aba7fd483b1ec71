import { SignJWT, generateKeyPair, CompactEncrypt } from 'jose'
import { describe, expect, it } from 'vitest'
import { AfxError } from '../../../electron/core/errors'
import { decodeJwt } from '../../../electron/core/tokens/decode-jwt'
import { b64url, makeUnsignedJwt } from '../../helpers/make-jwt'

function decodeError(token: string): AfxError {
  try {
    decodeJwt(token)
  } catch (error) {
    if (error instanceof AfxError) return error
    throw error
  }
  throw new Error('decodeJwt accepted the token')
}

describe('decodeJwt', () => {
  it('reads a JWS signed with jose: header, payload and signature length', async () => {
    const { privateKey } = await generateKeyPair('RS256')
    const token = await new SignJWT({ sub: 'alice', email: 'alice@example.test' })
      .setProtectedHeader({ alg: 'RS256', kid: 'k1' })
      .setIssuedAt(1_700_000_000)
      .setExpirationTime(1_700_003_600)
      .sign(privateKey)

    const decoded = decodeJwt(token)

    expect(decoded).toEqual({
      kind: 'jws',
      header: { alg: 'RS256', kid: 'k1' },
      payload: {
        sub: 'alice',
        email: 'alice@example.test',
        iat: 1_700_000_000,
        exp: 1_700_003_600,
      },
      signature: { present: true, bytes: 256 },
    })
  })

  it('reads claims beyond ASCII, and an ES256 signature length that is not a multiple of 3', async () => {
    const { privateKey } = await generateKeyPair('ES256')
    const token = await new SignJWT({ name: 'Zoë Ångström 🔑' })
      .setProtectedHeader({ alg: 'ES256' })
      .sign(privateKey)

    expect(decodeJwt(token)).toMatchObject({
      payload: { name: 'Zoë Ångström 🔑' },
      signature: { present: true, bytes: 64 },
    })
  })

  it('accepts what people paste around a token: whitespace and a Bearer prefix', () => {
    const token = makeUnsignedJwt({ alg: 'HS256' }, { sub: 'bob' })
    expect(decodeJwt(`  Authorization: Bearer ${token}\n`)).toMatchObject({
      payload: { sub: 'bob' },
    })
  })

  it('says an unsecured token (alg none) has no signature', () => {
    const decoded = decodeJwt(makeUnsignedJwt({ alg: 'none' }, { sub: 'x' }, ''))
    expect(decoded).toMatchObject({ kind: 'jws', signature: { present: false, bytes: 0 } })
  })

  it('names a five-part token as encrypted and shows its header', async () => {
    const { publicKey } = await generateKeyPair('RSA-OAEP-256')
    const jwe = await new CompactEncrypt(new TextEncoder().encode('secret'))
      .setProtectedHeader({ alg: 'RSA-OAEP-256', enc: 'A256GCM', kid: 'enc-1' })
      .encrypt(publicKey)

    expect(decodeJwt(jwe)).toEqual({
      kind: 'jwe',
      header: { alg: 'RSA-OAEP-256', enc: 'A256GCM', kid: 'enc-1' },
    })
  })

  it.each([
    ['an empty string', '   ', 'TOKEN_EMPTY', /No token/],
    ['an opaque token', 'AbCdEf123', 'TOKEN_WRONG_PART_COUNT', /has 1 part .*a JWT has 3/],
    ['two parts', 'abc.def', 'TOKEN_WRONG_PART_COUNT', /has 2 parts/],
    ['four parts', 'a.b.c.d', 'TOKEN_WRONG_PART_COUNT', /has 4 parts/],
    [
      'a header that is not base64url',
      `e+y=.${b64url({})}.sig`,
      'TOKEN_BAD_BASE64URL',
      /header is not valid base64url/,
    ],
    [
      'a signature that is not base64url',
      `${b64url({})}.${b64url({})}.si*g`,
      'TOKEN_BAD_BASE64URL',
      /signature/,
    ],
    [
      'a payload that is not JSON',
      `${b64url({ alg: 'none' })}.${b64url('hello')}.`,
      'TOKEN_BAD_JSON',
      /payload decodes, but is not valid JSON/,
    ],
    [
      'a header that is a JSON array',
      `${b64url([1])}.${b64url({})}.`,
      'TOKEN_NOT_AN_OBJECT',
      /header is JSON, but not a JSON object/,
    ],
    [
      'a payload in broken UTF-8',
      `${b64url({})}.${Buffer.from([0xff, 0xfe]).toString('base64url')}.`,
      'TOKEN_BAD_BASE64URL',
      /payload/,
    ],
  ])('refuses %s with a clear error', (_label, token, code, message) => {
    const error = decodeError(token)
    expect(error.code).toBe(code)
    expect(error.message).toMatch(message)
    if (code !== 'TOKEN_EMPTY') expect(error.hint).toBeTruthy()
  })
})

describe('decodeJwt on hostile input', () => {
  it('refuses a payload nested thousands of levels deep, without blowing the stack', () => {
    const deep = '['.repeat(15_000) + ']'.repeat(15_000)
    const error = decodeError(`${b64url({ alg: 'none' })}.${b64url(deep)}.`)
    expect(error.code).toBe('TOKEN_TOO_DEEP')
    expect(error.message).toBe('The payload nests objects more than 64 levels deep.')
  })

  it('reads a payload nested a few levels, as real claims are', () => {
    const payload = { address: { country: { code: 'NZ' } }, act: { sub: 'a', act: { sub: 'b' } } }
    expect(decodeJwt(makeUnsignedJwt({ alg: 'none' }, payload, ''))).toMatchObject({ payload })
  })
})
