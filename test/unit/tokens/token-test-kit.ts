// What the token inspector tests share: a frozen clock, signers for each algorithm, an ID token
// with every claim a strict client checks, and a fake fetch that fails on any request it was not
// told to expect (and can assert that every expected request was made).
import { createHash } from 'node:crypto'
import { SignJWT, exportJWK, generateKeyPair, type CryptoKey, type JWK } from 'jose'
import { expect } from 'vitest'
import type { TokenCheck, TokenCheckId, TokenReport } from '../../../shared/token-report'

/** 2027-01-15 08:00:00 UTC: every test runs at this instant. */
export const NOW_S = 1_800_000_000
export const now = () => NOW_S * 1000

export const ISSUER = 'https://op.example.test'
export const DISCOVERY_URL = `${ISSUER}/.well-known/openid-configuration`
export const JWKS_URL = `${ISSUER}/jwks.json`
export const CLIENT_ID = 'client-1'
export const NONCE = 'n-0S6_WzA2Mj'
export const ACCESS_TOKEN = 'jHkWEdUXMU1BwAsC4vtUsZwnNvTIxEl0z9K3vx5KF0Y'
export const CODE = 'Qcb0Orv1zh30vL1MPRsbm-diHiMwcLyZvn1arpZv-Jxf_11jnpEX3Tgfvk'
export const STATE = 'af0ifjsldkj'
export const HMAC_SECRET = 'a client secret of at least thirty-two bytes'

export type AsymmetricAlg = 'RS256' | 'ES256' | 'PS256' | 'EdDSA'
export type Signer = { alg: string; kid: string; key: CryptoKey | Uint8Array; jwk: JWK }

export async function createSigner(alg: AsymmetricAlg, kid = `k-${alg}`): Promise<Signer> {
  const { privateKey, publicKey } = await generateKeyPair(alg)
  return { alg, kid, key: privateKey, jwk: { ...(await exportJWK(publicKey)), kid, use: 'sig' } }
}

export const hmacSigner: Signer = {
  alg: 'HS256',
  kid: 'hs-1',
  key: new TextEncoder().encode(HMAC_SECRET),
  jwk: {},
}

/** The hash claims computed here with node:crypto, apart from the code under test. */
export function leftHalfHash(value: string, alg: string): string {
  const bits = alg === 'EdDSA' ? '512' : alg.slice(-3)
  const digest = createHash(`sha${bits}`).update(value).digest()
  return digest.subarray(0, digest.length / 2).toString('base64url')
}

/** An ID token's claims as a hybrid-flow client would receive them, every one of them right. */
export function idTokenClaims(alg: string): Record<string, unknown> {
  return {
    iss: ISSUER,
    sub: 'user-248289761001',
    aud: CLIENT_ID,
    exp: NOW_S + 600,
    iat: NOW_S - 5,
    nbf: NOW_S - 5,
    auth_time: NOW_S - 120,
    nonce: NONCE,
    at_hash: leftHalfHash(ACCESS_TOKEN, alg),
    c_hash: leftHalfHash(CODE, alg),
    s_hash: leftHalfHash(STATE, alg),
    email: 'alice@example.test',
  }
}

/** Everything the client knows, so every check has something to compare with. */
export const FULL_EXPECTATIONS = {
  kind: 'id_token',
  issuer: ISSUER,
  clientId: CLIENT_ID,
  nonce: NONCE,
  maxAgeSeconds: 600,
  accessToken: ACCESS_TOKEN,
  code: CODE,
  state: STATE,
  flow: 'hybrid',
  userinfoSub: 'user-248289761001',
} as const

/** Signs `claims`; a claim set to undefined is left out, to test missing claims. */
export async function sign(
  signer: Signer,
  claims: Record<string, unknown>,
  header: Record<string, unknown> = {},
): Promise<string> {
  const present = Object.fromEntries(Object.entries(claims).filter(([, v]) => v !== undefined))
  return new SignJWT(present)
    .setProtectedHeader({ alg: signer.alg, kid: signer.kid, ...header })
    .sign(signer.key)
}

/** The discovery document of ISSUER, pointing at JWKS_URL. */
export function discoveryDocument(algs = ['RS256', 'ES256', 'PS256', 'EdDSA']) {
  return { issuer: ISSUER, jwks_uri: JWKS_URL, id_token_signing_alg_values_supported: algs }
}

type Reply = { status?: number; body: unknown; headers?: Record<string, string> }

/**
 * A fetch that answers only the requests it was given, in order, once each. Anything else is
 * recorded as unexpected; `assertDone` fails on those and on any expected request never made.
 */
export function createFakeFetch(script: Record<string, Reply[]>) {
  const remaining = new Map(Object.entries(script).map(([url, replies]) => [url, [...replies]]))
  const calls: string[] = []
  const unexpected: string[] = []
  const fakeFetch = async (input: string | URL | Request): Promise<Response> => {
    const url = input instanceof Request ? input.url : String(input)
    calls.push(url)
    const reply = remaining.get(url)?.shift()
    if (reply === undefined) {
      unexpected.push(url)
      throw new Error(`unexpected request to ${url}`)
    }
    const body = typeof reply.body === 'string' ? reply.body : JSON.stringify(reply.body)
    return new Response(body, {
      status: reply.status ?? 200,
      headers: reply.headers ?? { 'content-type': 'application/json' },
    })
  }
  return {
    fetch: fakeFetch as typeof fetch,
    calls,
    countOf: (url: string) => calls.filter((call) => call === url).length,
    assertDone() {
      expect(unexpected, 'requests nobody expected').toEqual([])
      for (const [url, replies] of remaining) {
        expect(replies, `expected request(s) to ${url} never made`).toEqual([])
      }
    },
  }
}

/** The one check with this id (there must be exactly one). */
export function checkOf(report: TokenReport, id: TokenCheckId): TokenCheck {
  const found = report.checks.filter((check) => check.id === id)
  expect(found, `checks with id ${id}`).toHaveLength(1)
  return found[0] as TokenCheck
}

/** The checks that did not pass, as "id:status:code", for readable assertions. */
export function problemsOf(report: TokenReport): string[] {
  return report.checks
    .filter((check) => check.status !== 'pass')
    .map((check) => `${check.id}:${check.status}:${check.code ?? ''}`)
}
