// ID tokens the other fault files leave out (reference/security.md §7.4 #48–#50, #58, #66, #70),
// checked as every face checks them: `tokens.inspect` through the contract, with the key pasted
// (nothing fetched); a hybrid run against the hostile provider; and the implicit and hybrid
// authorization URLs the engine builds.
import { generateKeyPairSync, sign } from 'node:crypto'
import { SignJWT, exportJWK, generateKeyPair, type JWK } from 'jose'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { dispatchCall } from '../../electron/core/dispatch-call'
import type { StartRunInput } from '../../shared/flow-input'
import type { TokenCheck, TokenReport } from '../../shared/token-report'
import { CANARY, expectPlainWords } from '../helpers/fault-oracle'
import {
  isListening,
  metadataOf,
  sendJson,
  startFaultProvider,
  type FaultProvider,
} from '../helpers/fault-provider'
import {
  startHostileProvider,
  type HostileProvider,
} from '../fixtures/hostile-provider/hostile-provider'
import { followAutoApproval } from '../helpers/follow-auto-approval'
import { HOSTILE_CLIENT_ID } from '../helpers/hostile-code-flow'
import { authorizationUrlOf } from '../helpers/run-events'
import { testCore } from '../helpers/test-impl'

const core = testCore()
const ISSUER = 'https://op.example.test'
const CLIENT_ID = 'client-1'
const HMAC_SECRET = 'a client secret of at least thirty-two bytes'

const claims = (changes: Record<string, unknown> = {}) => {
  const now = Math.floor(Date.now() / 1000)
  return { iss: ISSUER, sub: 'alice', aud: CLIENT_ID, iat: now - 5, exp: now + 300, ...changes }
}

async function signed(alg: 'ES256' | 'RS256', changes: Record<string, unknown> = {}) {
  const { privateKey, publicKey } = await generateKeyPair(alg)
  const jwk: JWK = { ...(await exportJWK(publicKey)), kid: `k-${alg}`, use: 'sig', alg }
  const token = await new SignJWT(claims(changes))
    .setProtectedHeader({ alg, kid: jwk.kid, typ: 'JWT' })
    .sign(privateKey)
  return { token, key: { kind: 'jwk' as const, json: JSON.stringify(jwk) } }
}

const hmacSigned = (changes: Record<string, unknown> = {}) =>
  new SignJWT(claims(changes))
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .sign(new TextEncoder().encode(HMAC_SECRET))

/** Flips one character in the middle of the signature: a valid base64url, a wrong signature. */
const corrupt = (token: string) => {
  const [header, payload, signature = ''] = token.split('.')
  const at = Math.floor(signature.length / 2)
  const flipped = signature[at] === 'A' ? 'B' : 'A'
  return `${header}.${payload}.${signature.slice(0, at)}${flipped}${signature.slice(at + 1)}`
}

async function inspect(token: string, key: unknown, expect_: Record<string, unknown> = {}) {
  const result = await dispatchCall(core.impl, 'tokens.inspect', {
    token,
    key,
    expect: { kind: 'id_token', issuer: ISSUER, clientId: CLIENT_ID, ...expect_ },
  })
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`)
  return result.value as TokenReport
}
const checkOf = (report: TokenReport, id: string): TokenCheck | undefined =>
  report.checks.find((check) => check.id === id)

describe('signatures (§7.4)', () => {
  it('#49 an ES256 signature corrupted: invalid, in words', async () => {
    const { token, key } = await signed('ES256')
    const report = await inspect(corrupt(token), key)

    expect(report.signature.status).toBe('invalid')
    expectPlainWords(JSON.stringify(report))
  })

  it('#49 an HS256 signature corrupted, checked with the client secret as UTF-8: invalid, the secret nowhere', async () => {
    const report = await inspect(corrupt(await hmacSigned()), { kind: 'hmac', secret: HMAC_SECRET })

    expect(report.signature.status).toBe('invalid')
    expect(JSON.stringify(report)).not.toContain(HMAC_SECRET)
  })

  it('#50 valid ES256 and HS256 ID tokens: accepted', async () => {
    const { token, key } = await signed('ES256')
    const es256 = await inspect(token, key)
    const hs256 = await inspect(await hmacSigned(), { kind: 'hmac', secret: HMAC_SECRET })

    for (const report of [es256, hs256]) {
      expect(report.signature.status).toBe('valid')
      expect(report.checks.filter((check) => check.status === 'fail')).toEqual([])
    }
  })

  it('#70 a JWS header with an unknown crit member: refused, the reason named', async () => {
    // jose will not sign such a header, so it is signed here with node:crypto.
    const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 })
    const jwk = { ...publicKey.export({ format: 'jwk' }), kid: 'k-crit', use: 'sig', alg: 'RS256' }
    const header = {
      alg: 'RS256',
      kid: 'k-crit',
      crit: ['urn:example:unknown'],
      'urn:example:unknown': true,
    }
    const input = [header, claims()]
      .map((part) => Buffer.from(JSON.stringify(part)).toString('base64url'))
      .join('.')
    const signature = sign('sha256', Buffer.from(input), privateKey).toString('base64url')
    const report = await inspect(`${input}.${signature}`, {
      kind: 'jwk',
      json: JSON.stringify(jwk),
    })

    expect(report.signature.status).not.toBe('valid')
    expect(JSON.stringify(report.signature)).toMatch(/crit|urn:example:unknown/)
    expectPlainWords(JSON.stringify(report))
  })
})

describe('a front-channel ID token with a corrupted signature (§7.4 #48)', () => {
  let provider: HostileProvider
  beforeAll(async () => {
    provider = await startHostileProvider()
  })
  afterAll(() => provider.close())

  it('#48 hybrid code id_token, the fragment ID token corrupted: refused, the code never redeemed', async () => {
    provider.misbehave('invalid-sig-rs256')
    const { run, done } = core.runs.start({
      flow: 'hybrid',
      provider: { issuer: provider.issuer },
      client: { clientId: HOSTILE_CLIENT_ID, scope: 'openid' },
      mode: 'auto',
      pkce: 'S256',
      redirect: { host: '127.0.0.1', port: 0, path: '/callback' },
      browser: 'none',
      callbackTimeoutMs: 10_000,
    })
    await followAutoApproval(await authorizationUrlOf(core, run.id))
    const finished = await done

    expect(finished.status).toBe('failed')
    expect(finished.diagnostics[0]?.message).toMatch(/signature verification failed/)
    expect(finished.steps.map((step) => step.title)).not.toContain('Exchange the code for tokens')
    // The refusal is the token's, on a check step of its own; the keys were fetched fine.
    const keys = finished.steps.find((step) => step.explain === 'tokens.jwks')
    expect(keys?.status).toBe('done')
    expect(keys?.diagnostics).toEqual([])
    expect(finished.steps.at(-1)).toMatchObject({
      title: "Check the fragment's ID token (openid-client)",
      status: 'failed',
      diagnostics: [expect.objectContaining({ message: expect.stringMatching(/signature/) })],
    })
    expect(finished.tokens).toEqual([])
    const text = JSON.stringify(finished)
    expect(provider.issued.filter((value) => text.includes(value))).toEqual([])
    expectPlainWords(text)
  })
})

describe('audience (§7.4)', () => {
  it('#58 aud = [client_id] (an array of one, no azp): accepted', async () => {
    const { token, key } = await signed('RS256', { aud: [CLIENT_ID] })
    const report = await inspect(token, key)

    expect(report.signature.status).toBe('valid')
    expect(checkOf(report, 'aud')?.status).toBe('pass')
    expect(checkOf(report, 'azp')?.status).not.toBe('fail')
    expect(report.checks.filter((check) => check.status === 'fail')).toEqual([])
  })
})

describe('the nonce of front-channel flows (§7.4 #66)', () => {
  const started: FaultProvider[] = []
  afterAll(async () => {
    for (const provider of started) {
      await provider.close()
      expect(await isListening(provider.port)).toBe(false)
    }
  })

  it.each([
    ['implicit (id_token token)', { flow: 'implicit', responseType: 'id_token token' }],
    ['implicit (id_token)', { flow: 'implicit', responseType: 'id_token' }],
    ['hybrid (code id_token)', { flow: 'hybrid', pkce: 'S256' }],
  ] as const)(
    '#66 %s: the authorization URL carries a fresh 43-character random nonce',
    async (_label, flow) => {
      const provider = await startFaultProvider({
        'GET /.well-known/openid-configuration': (_req, res, self) =>
          sendJson(res, {
            ...metadataOf(self.issuer),
            response_types_supported: ['code', 'id_token', 'id_token token', 'code id_token'],
          }),
      })
      started.push(provider)
      const nonces: string[] = []
      for (let attempt = 0; attempt < 2; attempt++) {
        const { run, done } = core.runs.start({
          ...flow,
          provider: { issuer: provider.issuer },
          client: { clientId: CANARY.clientId, scope: 'openid' },
          mode: 'auto',
          redirect: { host: '127.0.0.1', port: 0, path: '/callback' },
          browser: 'none',
          callbackTimeoutMs: 5_000,
        } as StartRunInput)
        const url = new URL(await authorizationUrlOf(core, run.id))
        nonces.push(url.searchParams.get('nonce') ?? '')
        await core.runs.cancel(run.id)
        expect((await done).status).toBe('cancelled')
      }
      for (const nonce of nonces) expect(nonce).toMatch(/^[\w-]{43}$/)
      expect(nonces[0]).not.toBe(nonces[1])
    },
  )
})
