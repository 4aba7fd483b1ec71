// The run engine against provider answers the other fault files leave out (reference/security.md
// §7.1 #1, #6 and #7, §7.2 #23, #28 and #29, §7.3 #36, #40 and #41, §7.4 #75 and #76, §7.6 #85 and
// #86): each refusal ends the run failed in words with nothing asked after it and no planted
// secret; each answer the specification allows is accepted.
import { afterEach, describe, expect, it } from 'vitest'
import type { StartRunInput } from '../../shared/flow-input'
import type { Run } from '../../shared/run-model'
import { createFaultCore, faultCodeFlowInput } from '../helpers/fault-core'
import { CANARY, expectCleanFailure, expectPlainWords, failureOf } from '../helpers/fault-oracle'
import {
  DISCOVERY_PATH,
  isListening,
  metadataOf,
  sendJson,
  startFaultProvider,
  type FaultProvider,
  type FaultRoute,
} from '../helpers/fault-provider'
import { makeUnsignedJwt } from '../helpers/make-jwt'
import { authorizationUrlOf } from '../helpers/run-events'
import { redirectUriOf } from '../helpers/sign-in-run'

const core = createFaultCore()
/** An answer that needs no waiting must end the run this fast. */
const PROMPT_MS = 1_500

const DISCOVERY = `GET ${DISCOVERY_PATH}`
const TOKEN = 'POST /token'

const started: FaultProvider[] = []
async function provider(routes: Record<string, FaultRoute> = {}): Promise<FaultProvider> {
  const fault = await startFaultProvider(routes)
  started.push(fault)
  return fault
}
afterEach(async () => {
  for (const fault of started.splice(0)) {
    await fault.close()
    expect(await isListening(fault.port)).toBe(false)
  }
})

const client = { clientId: CANARY.clientId, clientSecret: CANARY.clientSecret }

/** The claims of an ID token this fault provider would issue to the canary client for alice. */
const idClaims = (issuer: string) => {
  const now = Math.floor(Date.now() / 1000)
  return { iss: issuer, sub: 'alice', aud: CANARY.clientId, iat: now, exp: now + 300 }
}

async function run(input: StartRunInput): Promise<{ run: Run; elapsedMs: number }> {
  const begun = performance.now()
  const finished = await core.runs.start(input).done
  return { run: finished, elapsedMs: performance.now() - begun }
}

const clientCredentials = (issuer: string, scope?: string) =>
  run({
    flow: 'client_credentials',
    provider: { issuer },
    client: scope ? { ...client, scope } : client,
    mode: 'auto',
  })

/** The token step of a run: the POST it sent to /token. */
const tokenStepOf = (finished: Run) =>
  finished.steps.find((step) => step.exchange?.request.url.endsWith('/token'))

describe('discovery (§7.1)', () => {
  it('#1 a 404 at discovery (a tenant path that does not exist): the status and the URL afx built', async () => {
    const fault = await provider()
    const { run: finished, elapsedMs } = await clientCredentials(`${fault.issuer}/no-such-tenant`)

    expectCleanFailure(finished, elapsedMs, PROMPT_MS)
    expect(failureOf(finished)?.message).toMatch(/answered HTTP 404/)
    expect(failureOf(finished)?.hint).toMatch(/Check the endpoint URL/)
    expect(finished.steps[0]?.title).toBe(
      `Discover the provider (${fault.issuer}/no-such-tenant${DISCOVERY_PATH})`,
    )
    expect(fault.requests).toEqual([`GET /no-such-tenant${DISCOVERY_PATH}`])
  })

  it('#6 discovery without issuer: "issuer … must be a string", nothing asked after it', async () => {
    const fault = await provider({
      [DISCOVERY]: (_req, res, self) =>
        sendJson(res, { ...metadataOf(self.issuer), issuer: undefined }),
    })
    const { run: finished, elapsedMs } = await clientCredentials(fault.issuer)

    expectCleanFailure(finished, elapsedMs, PROMPT_MS)
    expect(failureOf(finished)).toMatchObject({ code: 'OAUTH_INVALID_RESPONSE' })
    expect(failureOf(finished)?.message).toMatch(/"issuer" property must be a string/)
    expect(fault.requests).toEqual([DISCOVERY])
  })
})

describe('endpoints on another host (§7.1 #7)', () => {
  it('#7 a token endpoint on another origin than the issuer: said on the discovery step, then used', async () => {
    const elsewhere = await provider()
    const fault = await provider({
      [DISCOVERY]: (_req, res, self) =>
        sendJson(res, { ...metadataOf(self.issuer), token_endpoint: `${elsewhere.issuer}/token` }),
    })
    const { run: finished } = await clientCredentials(fault.issuer)

    expect(finished.status).toBe('succeeded')
    const discovery = finished.steps.find((step) => step.explain === 'oauth.discovery')
    expect(discovery?.diagnostics).toEqual([
      expect.objectContaining({
        code: 'OAUTH_ENDPOINTS_ELSEWHERE',
        severity: 'info',
        message: expect.stringContaining(`token_endpoint at ${elsewhere.issuer}`),
      }),
    ])
    // The token request shows where it went before the answer: the other host.
    expect(tokenStepOf(finished)?.exchange?.request.url).toBe(`${elsewhere.issuer}/token`)
    expect(elsewhere.requests).toEqual([TOKEN])
  })
})

describe('the authorization response (§7.2)', () => {
  /** Starts a code flow, sends the listener `query` (given the run's state), returns the end. */
  async function codeFlowAnswered(fault: FaultProvider, query: (state: string) => string) {
    const begun = performance.now()
    const { run: started, done } = core.runs.start(
      faultCodeFlowInput(fault.issuer, CANARY.clientId),
    )
    const redirectUri = await redirectUriOf(core, started.id)
    const state = new URL(await authorizationUrlOf(core, started.id)).searchParams.get('state')!
    const page = await fetch(`${redirectUri}?${query(state)}`)
    const finished = await done
    return {
      run: finished,
      elapsedMs: performance.now() - begun,
      page: await page.text(),
      port: Number(new URL(redirectUri).port),
    }
  }

  it('#23 a callback whose iss is another issuer (RFC 9207): a mix-up explained, no token request', async () => {
    const fault = await provider({
      [DISCOVERY]: (_req, res, self) =>
        sendJson(res, {
          ...metadataOf(self.issuer),
          authorization_response_iss_parameter_supported: true,
        }),
    })
    const answered = await codeFlowAnswered(
      fault,
      (state) =>
        `code=injected-code&state=${state}&iss=${encodeURIComponent('https://evil.example')}`,
    )

    expectCleanFailure(answered.run, answered.elapsedMs, PROMPT_MS + 1_000)
    expect(failureOf(answered.run)).toMatchObject({
      code: 'OAUTH_ISS_MISMATCH',
      ref: 'RFC 9207 §2.4',
      hint: expect.stringContaining('mix-up attack'),
    })
    expect(fault.requests).not.toContain(TOKEN)
    expect(answered.page).not.toContain('injected-code')
    expect(await isListening(answered.port)).toBe(false)
  })

  it.each(['javascript:alert(1)', 'file:///etc/passwd', 'https://evil.example/help'])(
    '#28 an error_uri of %s is shown as text, never opened',
    async (errorUri) => {
      const fault = await provider()
      const answered = await codeFlowAnswered(
        fault,
        (state) => `error=access_denied&error_uri=${encodeURIComponent(errorUri)}&state=${state}`,
      )

      expectCleanFailure(answered.run, answered.elapsedMs, PROMPT_MS + 1_000)
      expect(failureOf(answered.run)).toMatchObject({
        code: 'OAUTH_ACCESS_DENIED',
        message: expect.stringContaining(
          `It points to ${JSON.stringify(errorUri)} for more (shown, never opened).`,
        ),
      })
      expect(fault.requests).toEqual([DISCOVERY])
    },
  )

  it('#29 a callback with neither code nor error: refused in words, no token request', async () => {
    const fault = await provider()
    const answered = await codeFlowAnswered(fault, (state) => `state=${state}`)

    expectCleanFailure(answered.run, answered.elapsedMs, PROMPT_MS + 1_000)
    expect(failureOf(answered.run)?.message).toMatch(/no authorization code/)
    expect(fault.requests).toEqual([DISCOVERY])
    expect(await isListening(answered.port)).toBe(false)
  })
})

describe('the token endpoint (§7.3)', () => {
  /** RFC 6749 §5.2: a client that authenticated with the Authorization header gets a challenge. */
  const invalidClientChallenge: FaultRoute = (req, res) => {
    req.resume()
    res
      .writeHead(401, {
        'content-type': 'application/json',
        'www-authenticate': 'Basic realm="token"',
      })
      .end(JSON.stringify({ error: 'invalid_client', error_description: 'client auth failed' }))
  }

  it('#36 a 401 invalid_client with WWW-Authenticate: Basic: failed at once, asked once, the secret never echoed', async () => {
    const fault = await provider({ [TOKEN]: invalidClientChallenge })
    const { run: finished, elapsedMs } = await clientCredentials(fault.issuer)

    expectCleanFailure(finished, elapsedMs, PROMPT_MS)
    expect(fault.requests).toEqual([DISCOVERY, TOKEN])
    expect(tokenStepOf(finished)?.status).toBe('failed')
    expect(tokenStepOf(finished)?.exchange?.response?.status).toBe(401)
  })

  it('#36 … and names invalid_client with the hint about the authentication method', async () => {
    const fault = await provider({ [TOKEN]: invalidClientChallenge })
    const { run: finished } = await clientCredentials(fault.issuer)

    expect(failureOf(finished)?.code).toBe('OAUTH_INVALID_CLIENT')
    expect(failureOf(finished)?.hint).toMatch(/client_secret_basic, client_secret_post/)
    expect(failureOf(finished)?.hint).not.toMatch(/does not follow the specification/)
  })

  it('#40 #41 a token response without expires_in or scope is accepted, the token kept as a secret', async () => {
    const fault = await provider({
      [TOKEN]: (_req, res) =>
        sendJson(res, { access_token: CANARY.accessToken, token_type: 'Bearer' }),
    })
    const { run: finished } = await clientCredentials(fault.issuer, 'api:read')

    expect(finished.status).toBe('succeeded')
    expect(finished.tokens.map((token) => token.name)).toEqual(['access_token'])
    expect(finished.tokens[0]?.value).toMatch(/^«secret:s\d+:access_token»$/)
    const said = [...finished.diagnostics, ...(tokenStepOf(finished)?.diagnostics ?? [])]
    expect(said.filter((diagnostic) => diagnostic.severity === 'error')).toEqual([])
    expectPlainWords(JSON.stringify(finished))
  })
})

describe('refresh and revocation (§7.6)', () => {
  it('#85 invalid_grant on refresh: the refresh token named as no longer accepted, asked once', async () => {
    const fault = await provider({
      [TOKEN]: (req, res) => {
        req.resume()
        sendJson(res, { error: 'invalid_grant', error_description: 'grant revoked' }, 400)
      },
    })
    const { run: finished, elapsedMs } = await run({
      flow: 'refresh',
      provider: { issuer: fault.issuer },
      client,
      refreshToken: CANARY.refreshToken,
      mode: 'auto',
    })

    expectCleanFailure(finished, elapsedMs, PROMPT_MS)
    expect(failureOf(finished)).toMatchObject({
      code: 'OAUTH_INVALID_GRANT',
      message: expect.stringContaining('"grant revoked"'),
      hint: expect.stringMatching(/refresh token is invalid, expired, already used/),
    })
    expect(fault.requests.filter((request) => request === TOKEN)).toHaveLength(1)
    expect(finished.tokens).toEqual([])
  })

  it.each([
    ['#75', 'another subject', { sub: 'mallory' }, /another sub \(subject/],
    ['#75', 'another issuer', { iss: 'https://evil.example' }, /another iss \(issuer/],
    ['#76', 'another nonce', { nonce: 'not-the-original' }, /nonce that is not the original/],
  ])(
    '%s a refresh whose ID token has %s: refused in words, the refreshed tokens not kept',
    async (_item, _what, change, words) => {
      const fault = await provider({
        [TOKEN]: (req, res, self) => {
          req.resume()
          sendJson(res, {
            access_token: 'refreshed-access-token',
            token_type: 'Bearer',
            expires_in: 300,
            id_token: makeUnsignedJwt({ alg: 'RS256' }, { ...idClaims(self.issuer), ...change }),
          })
        },
      })
      // openid-client checks the refreshed token's iss itself; the comparison is ours.
      const original = makeUnsignedJwt({ alg: 'RS256' }, idClaims(fault.issuer))
      const { run: finished, elapsedMs } = await run({
        flow: 'refresh',
        provider: { issuer: fault.issuer },
        client,
        refreshToken: CANARY.refreshToken,
        originalIdToken: original,
        mode: 'auto',
      })

      expect(finished.status).toBe('failed')
      expect(elapsedMs).toBeLessThan(PROMPT_MS)
      const said = JSON.stringify(finished.steps.flatMap((step) => step.diagnostics))
      if ('iss' in change) {
        // openid-client refuses another issuer before our comparison: either way, in words.
        expect(said).toMatch(/iss/)
      } else {
        expect(said).toMatch(words)
        expect(said).toContain('OIDC Core §12.2')
      }
      expect(finished.tokens).toEqual([])
      expect(JSON.stringify(finished)).not.toContain('refreshed-access-token')
    },
  )

  it('#86 revocation of an unknown token answered 200: "accepted", with RFC 7009\'s caveat', async () => {
    const fault = await provider()
    const { run: finished } = await run({
      flow: 'revocation',
      provider: { issuer: fault.issuer },
      client,
      token: CANARY.accessToken,
      mode: 'auto',
    })

    expect(finished.status).toBe('succeeded')
    expect(finished.steps.at(-1)?.diagnostics[0]).toMatchObject({
      code: 'OAUTH_TOKEN_REVOKED',
      message: expect.stringMatching(
        /accepted the revocation.*HTTP 200 is the answer for an unknown token too/,
      ),
      ref: 'RFC 7009 §2.2',
    })
    expectPlainWords(JSON.stringify(finished))
  })
})
