// A code-flow run recorded the way the engine records one (RunRecorder, SecretBox, redactExchange),
// with exchanges shaped like the sandbox's, so the exports are tested on real markers. Its
// secrets are chosen to be hard to quote: a single quote, $, a backtick, +, & and spaces.
import { redactExchange } from '../../../electron/core/runs/redact-exchange'
import { RunRecorder, type StepMeta } from '../../../electron/core/runs/run-recorder'
import { SecretBox } from '../../../electron/core/runs/secret-box'
import type { HttpExchange, Run } from '../../../shared/run-model'

export const ISSUER = 'http://127.0.0.1:9400'
/** 2026-11-23T10:05:00Z */
export const STARTED_MS = Date.UTC(2026, 10, 23, 10, 5, 0)

/** The secrets the run carries, each one a planted value no export may contain. */
export const PLANTED = {
  clientSecret: `s3cr'et $(touch pwned) \`id\` +&=%20 "q" $HOME`,
  codeVerifier: 'dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk',
  code: 'Qcb0Orv1zh30vL1MPRsbm-diHiMwcLyZvn1arpZv-Jxf',
  accessToken: 'jHkWEdUXMU1BwAsC4vtUsZwnNvTIxEl0z9K3vx5KF0Y',
  idToken:
    'eyJhbGciOiJSUzI1NiIsImtpZCI6ImsxIn0.eyJzdWIiOiJhbGljZSIsImF1ZCI6ImFmeC13ZWItcG9zdCJ9.c2lnbmF0dXJlLW9mLXRoZS1pZC10b2tlbg',
  refreshToken: 'rt-8fKz2QmLw0pXv7sN4bYc1dHgT6uJ9eRq',
} as const

const json = { 'content-type': 'application/json; charset=utf-8' }
const form = { 'content-type': 'application/x-www-form-urlencoded;charset=UTF-8' }
const client = { accept: 'application/json', 'user-agent': 'openid-client/v6.8.9' }
const REDIRECT_URI = 'http://127.0.0.1:53682/callback'

export type RecordedRun = { run: Run; secrets: SecretBox }

/**
 * Discovery, PKCE, the browser, the callback, the token exchange (client_secret_post), UserInfo
 * with the access token, a logout page with id_token_hint, and a revocation nobody answered.
 */
export function recordCodeFlowRun(): RecordedRun {
  let clock = STARTED_MS
  const now = () => (clock += 40)
  const secrets = new SecretBox()
  const createdAt = new Date(STARTED_MS).toISOString()
  const recorder = new RunRecorder(
    {
      id: 'run-3f1e2d4c-0000-4000-8000-00000000c0de',
      flow: 'code',
      title: 'Authorization code + PKCE (afx-web-post)',
      mode: 'auto',
      status: 'running',
      createdAt,
      updatedAt: createdAt,
      steps: [],
      tokens: [],
      diagnostics: [],
      origin: 'live',
    },
    secrets,
    () => {},
    now,
  )
  // As configureClient and makeRequestSecrets register them before anything is recorded.
  secrets.add(PLANTED.clientSecret, 'client_secret')
  const verifierMarker = secrets.add(PLANTED.codeVerifier, 'code_verifier')

  const http = (meta: Omit<StepMeta, 'kind'>, exchange: HttpExchange) => {
    const step = recorder.addStep({ ...meta, kind: 'http' })
    recorder.updateStep(step, {
      status: exchange.response ? 'done' : 'failed',
      exchange: redactExchange(exchange, secrets),
    })
  }

  http(
    { title: `Discover the provider (${ISSUER}/.well-known/openid-configuration)`, explain: 'd' },
    {
      request: {
        method: 'GET',
        url: `${ISSUER}/.well-known/openid-configuration`,
        headers: client,
      },
      response: {
        status: 200,
        headers: { ...json, 'content-length': '52' },
        body: JSON.stringify({ issuer: ISSUER, token_endpoint: `${ISSUER}/token` }),
      },
      durationMs: 12.4,
    },
  )
  const pkce = recorder.addStep({ kind: 'compute', title: 'Make state and PKCE', explain: 'p' })
  recorder.updateStep(pkce, {
    status: 'done',
    outputs: { state: 'st-4Kq', code_verifier: verifierMarker, code_challenge: 'E9Melhoa2Ow' },
  })
  const authorizationUrl = `${ISSUER}/auth?client_id=afx-web-post&response_type=code&redirect_uri=${encodeURIComponent(REDIRECT_URI)}&scope=openid+profile&state=st-4Kq&code_challenge=E9Melhoa2Ow&code_challenge_method=S256`
  const browser = recorder.addStep(
    { kind: 'browser', title: 'Send the browser to the provider', explain: 'b' },
    { url: authorizationUrl },
  )
  recorder.updateStep(browser, {
    status: 'done',
    outputs: { url: authorizationUrl, opened: 'not opened' },
  })
  const callback = recorder.addStep({ kind: 'callback', title: 'Receive the code', explain: 'c' })
  secrets.add(PLANTED.code, 'code')
  recorder.updateStep(callback, {
    status: 'done',
    outputs: { parameters: { code: PLANTED.code, state: 'st-4Kq' } },
  })

  http(
    { title: 'Exchange the code for tokens', explain: 't' },
    {
      request: {
        method: 'POST',
        url: `${ISSUER}/token`,
        headers: { ...client, ...form },
        body: new URLSearchParams({
          redirect_uri: REDIRECT_URI,
          code_verifier: PLANTED.codeVerifier,
          code: PLANTED.code,
          grant_type: 'authorization_code',
          client_id: 'afx-web-post',
          client_secret: PLANTED.clientSecret,
        }).toString(),
      },
      response: {
        status: 200,
        headers: { ...json, 'cache-control': 'no-store' },
        body: JSON.stringify({
          access_token: PLANTED.accessToken,
          expires_in: 600,
          id_token: PLANTED.idToken,
          refresh_token: PLANTED.refreshToken,
          scope: 'openid profile',
          token_type: 'Bearer',
        }),
      },
      durationMs: 31.7,
    },
  )
  recorder.addToken('access_token', PLANTED.accessToken)
  recorder.addToken('id_token', PLANTED.idToken)
  recorder.addToken('refresh_token', PLANTED.refreshToken)

  http(
    { title: 'Ask UserInfo who signed in', explain: 'u' },
    {
      request: {
        method: 'GET',
        url: `${ISSUER}/me`,
        headers: { ...client, authorization: `Bearer ${PLANTED.accessToken}` },
      },
      response: {
        status: 200,
        headers: json,
        body: JSON.stringify({ sub: 'alice', name: "Alice O'Hara | $HOME `x`\nline two" }),
      },
      durationMs: 8,
    },
  )
  const logoutUrl = `${ISSUER}/session/end?id_token_hint=${PLANTED.idToken}&post_logout_redirect_uri=${encodeURIComponent('http://127.0.0.1:53682/logged-out')}`
  const logout = recorder.addStep(
    { kind: 'browser', title: 'Send the browser to log out', explain: 'l' },
    { url: logoutUrl },
  )
  recorder.updateStep(logout, { status: 'done', outputs: { url: logoutUrl } })
  http(
    { title: 'Revoke the refresh token', explain: 'r' },
    {
      request: {
        method: 'POST',
        url: `${ISSUER}/token/revocation`,
        headers: { ...client, ...form },
        body: new URLSearchParams({
          token: PLANTED.refreshToken,
          client_id: 'afx-web-post',
          client_secret: PLANTED.clientSecret,
        }).toString(),
      },
      error: `The connection to 127.0.0.1:9400 was refused: nothing listens there.`,
      durationMs: 3,
    },
  )
  recorder.setStatus('failed')
  return { run: recorder.snapshot(), secrets }
}

/** Every planted value, and how it would look URL-encoded: an export may hold neither. */
export function plantedSpellings(values: Iterable<string>): string[] {
  return [...values].flatMap((value) => [value, encodeURIComponent(value)])
}
