import { describe, expect, it } from 'vitest'
import { findExchangeJwts, findJwts, findTokenMarkers } from '../../../shared/find-jwts'
import { readHttpBody } from '../../../shared/read-http-body'
import { tokenSecretId } from '../../../shared/run-token-secret'

const part = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url')
const jws = `${part({ alg: 'RS256' })}.${part({ sub: 'alice' })}.c2lnbmF0dXJl`
const unsecured = `${part({ alg: 'none' })}.${part({ sub: 'bob' })}.`
const jwe = `${part({ alg: 'RSA-OAEP', enc: 'A256GCM' })}.a2V5.aXY.Y2lwaGVy.dGFn`

describe('findJwts', () => {
  it('finds signed, unsecured and encrypted tokens in bodies and header values', () => {
    expect(findJwts(`{"id_token":"${jws}","other":"${jwe}"}`)).toEqual([jws, jwe])
    expect(findJwts(`Bearer ${unsecured}`)).toEqual([unsecured])
    expect(findJwts(`logout_token=${jws}&state=x`)).toEqual([jws])
  })

  it('lists a token that appears twice once', () => {
    expect(findJwts(`${jws} and ${jws}`)).toEqual([jws])
  })

  it('ignores dotted text that is not a token, and markers that hide one', () => {
    expect(findJwts('openid.profile.email example.com a.b.c')).toEqual([])
    expect(findJwts('{"id_token":"«secret:s1:id_token»"}')).toEqual([])
  })
})

describe('readHttpBody', () => {
  it('parses JSON by content type or by its look', () => {
    expect(readHttpBody('{"a":1}', { 'Content-Type': 'application/json' })).toEqual({
      kind: 'json',
      value: { a: 1 },
    })
    expect(readHttpBody(' [1] ')).toEqual({ kind: 'json', value: [1] })
    expect(readHttpBody('{"x":1}', { 'content-type': 'application/x-amz-json-1.1' }).kind).toBe(
      'json',
    )
  })

  it('reads a form field by field, decoded, with markers kept', () => {
    expect(
      readHttpBody(
        'grant_type=authorization_code&code=«secret:s1:code»&redirect_uri=http%3A%2F%2Fx',
        {
          'content-type': 'application/x-www-form-urlencoded',
        },
      ),
    ).toEqual({
      kind: 'form',
      fields: [
        ['grant_type', 'authorization_code'],
        ['code', '«secret:s1:code»'],
        ['redirect_uri', 'http://x'],
      ],
    })
    expect(readHttpBody('a=1&b=two+words').kind).toBe('form')
  })

  it('shows anything else, and JSON that does not parse, as it came', () => {
    expect(readHttpBody('<html>hi</html>', { 'content-type': 'text/html' })).toEqual({
      kind: 'text',
      text: '<html>hi</html>',
    })
    expect(readHttpBody('{not json', { 'content-type': 'application/json' }).kind).toBe('text')
    expect(readHttpBody('Sign in = yes please').kind).toBe('text')
  })
})

describe('tokenSecretId', () => {
  it('names the secret behind the newest token of that name', () => {
    const tokens = [
      { name: 'id_token', value: '«secret:s3:id_token»' },
      { name: 'access_token', value: '«secret:s4:access_token»' },
      { name: 'id_token', value: '«secret:s9:id_token»' },
    ]

    expect(tokenSecretId({ tokens }, 'id_token')).toBe('s9')
    expect(tokenSecretId({ tokens }, 'refresh_token')).toBeUndefined()
  })
})

describe('findExchangeJwts', () => {
  it('says where each token of an exchange was found, each token once', () => {
    const found = findExchangeJwts({
      request: {
        method: 'POST',
        url: 'https://idp.example/logout',
        headers: { DPoP: jwe },
        body: `id_token_hint=${jws}`,
      },
      response: { status: 200, headers: {}, body: `{"echo":"${jws}","id":"${unsecured}"}` },
    })

    expect(found).toEqual([
      { token: jwe, where: 'request header DPoP' },
      { token: jws, where: 'request body' },
      { token: unsecured, where: 'response body' },
    ])
  })
})

describe('findTokenMarkers', () => {
  it('offers the redacted tokens and credentials of an exchange, not other secrets', () => {
    const markers = findTokenMarkers({
      request: {
        method: 'POST',
        url: 'https://idp.example/token',
        headers: { Authorization: 'Basic «secret:s1:authorization»' },
        body: 'code=«secret:s2:code»&code_verifier=«secret:s3:code_verifier»',
      },
      response: {
        status: 200,
        headers: {},
        body: '{"id_token":"«secret:s4:id_token»","access_token":"«secret:s5:access_token»","again":"«secret:s4:id_token»"}',
      },
    })

    expect(markers).toEqual([
      { secretId: 's1', label: 'authorization', where: 'request header Authorization' },
      { secretId: 's4', label: 'id_token', where: 'response body' },
      { secretId: 's5', label: 'access_token', where: 'response body' },
    ])
  })
})
