// A token opened from a run is checked against what that run sent: these pin where each
// expectation is read from in the steps a run records, and that nothing is made up when the run
// did not record it.
import { describe, expect, it } from 'vitest'
import {
  describeRunExpectations,
  expectationsFromRun,
} from '../../../shared/run-token-expectations'
import type { Run } from '../../../shared/run-model'
import { exchange, run, step } from './run-fixtures'

const ISSUER = 'http://127.0.0.1:9400'
const AUTHORIZE = `${ISSUER}/auth?redirect_uri=http%3A%2F%2F127.0.0.1%3A5000%2Fcallback&scope=openid&state=st-1&nonce=n-0S6_WzA2Mj&client_id=afx-native&response_type=code`

const discovery = (body: string) =>
  step('step-1', {
    explain: 'oauth.discovery',
    exchange: exchange('GET', `${ISSUER}/.well-known/openid-configuration`, { status: 200, body }),
  })
const authorize = step('step-4', {
  kind: 'browser',
  explain: 'oauth.authorize',
  inputs: { url: AUTHORIZE },
  outputs: { url: AUTHORIZE, opened: 'not opened' },
})
const tokens: Run['tokens'] = [
  { name: 'access_token', value: '«secret:s3:access_token»' },
  { name: 'id_token', value: '«secret:s4:id_token»' },
]
const codeRun = (change: Partial<Run> = {}) =>
  run(
    'run-code',
    [discovery(JSON.stringify({ issuer: ISSUER, jwks_uri: `${ISSUER}/jwks` })), authorize],
    { flow: 'code', tokens, ...change },
  )

describe('expectationsFromRun', () => {
  it('an ID token of a code flow: issuer from discovery, client and nonce as sent, its access token', () => {
    expect(expectationsFromRun(codeRun(), 'id_token')).toEqual({
      kind: 'id_token',
      issuer: ISSUER,
      clientId: 'afx-native',
      nonce: 'n-0S6_WzA2Mj',
      flow: 'code',
      accessToken: '«secret:s3:access_token»',
    })
  })

  it('an access token is checked as one: no nonce, no access token to hash', () => {
    expect(expectationsFromRun(codeRun(), 'access_token')).toEqual({
      kind: 'access_token',
      issuer: ISSUER,
      clientId: 'afx-native',
      flow: 'code',
    })
  })

  it('after a refresh, the access token hashed is the newest one', () => {
    const refreshed = codeRun({
      tokens: [...tokens, { name: 'access_token', value: '«secret:s7:access_token»' }],
    })
    expect(expectationsFromRun(refreshed, 'id_token').accessToken).toBe('«secret:s7:access_token»')
  })

  it('implicit tokens came by the front channel; a hybrid run keeps the token endpoint’s', () => {
    expect(expectationsFromRun(codeRun({ flow: 'implicit' }), 'id_token').flow).toBe('implicit')
    expect(expectationsFromRun(codeRun({ flow: 'hybrid' }), 'id_token').flow).toBe('code')
    expect(expectationsFromRun(codeRun({ flow: 'device' }), 'id_token')).not.toHaveProperty('flow')
  })

  it('endpoints given by hand name the issuer; a client without a browser step names itself in the form body', () => {
    const byHand = run(
      'run-cc',
      [
        step('step-1', {
          kind: 'compute',
          explain: 'oauth.endpoints-by-hand',
          outputs: {
            endpoints: { issuer: 'https://idp.example', token_endpoint: 'https://idp.example/t' },
          },
        }),
        step('step-2', {
          explain: 'oauth.token-client-credentials',
          exchange: {
            request: {
              method: 'POST',
              url: 'https://idp.example/t',
              headers: {},
              body: 'grant_type=client_credentials&client_id=afx-service&client_secret=«secret:s1:client_secret»',
            },
          },
        }),
      ],
      { flow: 'client_credentials', tokens: [tokens[0]!] },
    )
    expect(expectationsFromRun(byHand, 'access_token')).toEqual({
      kind: 'access_token',
      issuer: 'https://idp.example',
      clientId: 'afx-service',
    })
  })

  it('says nothing it does not know: unreadable discovery, no browser step, a refresh token', () => {
    const bare = run('run-bare', [discovery('<html>not json</html>')], {
      flow: 'refresh',
      tokens: [{ name: 'refresh_token', value: '«secret:s2:refresh_token»' }],
    })
    expect(expectationsFromRun(bare, 'refresh_token')).toEqual({ kind: 'auto' })
  })
})

describe('describeRunExpectations', () => {
  it('lists what the token is checked against, in words, never a secret', () => {
    const text = describeRunExpectations('Authorization code (afx-native)', {
      issuer: ISSUER,
      clientId: 'afx-native',
      nonce: 'n-0S6_WzA2Mj',
      accessToken: 'eyJ.secret.value',
      flow: 'code',
    })
    expect(text).toBe(
      `From the run "Authorization code (afx-native)": checked against the issuer ${ISSUER}, the client afx-native, the nonce it sent, the access token that came with it (at_hash) and the rules of the code flow.`,
    )
    expect(text).not.toContain('n-0S6_WzA2Mj')
    expect(text).not.toContain('eyJ')
  })

  it('says so when the run recorded nothing to check by', () => {
    expect(describeRunExpectations('Refresh', { kind: 'auto' })).toBe(
      'From the run "Refresh", which recorded nothing to check it by.',
    )
  })
})
