// The CLI against a misbehaving provider (reference/security.md §7.1, §7.11, §7.13): `afx verify
// --issuer` goes through the token inspector's own fetch (fetch-json.ts: 5 s, 1 MiB, no
// redirects), `afx flow` through the run engine. Each fault exits 1 with the reason on one line,
// no stack trace, no secret. Rows marked with a known bug are `it.fails` until fixed.
import { performance } from 'node:perf_hooks'
import { afterEach, beforeAll, describe, expect, it } from 'vitest'
import { CANARY, expectPlainWords } from '../helpers/fault-oracle'
import {
  DISCOVERY_PATH,
  HAS_OPENSSL,
  isListening,
  makeTestCertificates,
  metadataOf,
  releasedPort,
  sendJson,
  sendText,
  stall,
  startFaultProvider,
  streamBody,
  type FaultProvider,
  type FaultRoute,
  type TestCertificates,
} from '../helpers/fault-provider'
import { makeUnsignedJwt } from '../helpers/make-jwt'
import { runCliInProcess } from '../helpers/run-cli-in-process'

const DISCOVERY = `GET ${DISCOVERY_PATH}`
const CASE_MS = 5_000

const started: FaultProvider[] = []
async function provider(
  routes: Record<string, FaultRoute> = {},
  tls?: { key: string; cert: string },
): Promise<FaultProvider> {
  const fault = await startFaultProvider(routes, tls ? { tls } : {})
  started.push(fault)
  return fault
}
afterEach(async () => {
  for (const fault of started.splice(0)) {
    await fault.close()
    expect(await isListening(fault.port)).toBe(false)
  }
})

async function afx(argv: string[]) {
  const begun = performance.now()
  const run = runCliInProcess(argv)
  const code = await run.exitCode
  const stdout = run.stdout.join('\n')
  const stderr = run.stderr.join('\n')
  expectPlainWords(`${stdout}\n${stderr}`)
  return { code, stdout, stderr, elapsedMs: performance.now() - begun }
}

/** An RS256-shaped ID token from `issuer` (its signature is never reached: the keys fail first). */
const tokenFrom = (issuer: string) => {
  const now = Math.floor(Date.now() / 1000)
  return makeUnsignedJwt(
    { alg: 'RS256', kid: 'k1', typ: 'JWT' },
    { iss: issuer, sub: 'alice', aud: CANARY.clientId, iat: now, exp: now + 300 },
  )
}

/** `afx verify <token> --issuer <issuer>`: the line of the check that failed, and the rest. */
async function verifyAgainst(issuer: string) {
  const result = await afx(['verify', tokenFrom(issuer), '--issuer', issuer])
  const failed = result.stdout.split('\n').filter((line) => line.startsWith('✗'))
  return { ...result, failed }
}

const html =
  (status = 200): FaultRoute =>
  (_req, res) =>
    sendText(res, '<!doctype html><html><body>Sign in</body></html>', 'text/html', status)

describe('afx verify --issuer <bad provider> (the inspector fetch)', () => {
  it(
    'connection refused: exit 1, the discovery line names the URL',
    async () => {
      const issuer = `http://127.0.0.1:${await releasedPort()}`
      const { code, failed, stderr } = await verifyAgainst(issuer)
      expect(code).toBe(1)
      expect(stderr).toBe('')
      expect(failed).toHaveLength(1)
      expect(failed[0]).toMatch(/^✗ discovery\s+GET http:\/\/127\.0\.0\.1:\d+\/\.well-known/)
    },
    CASE_MS,
  )

  it(
    'connection refused is said in plain words',
    async () => {
      const { failed } = await verifyAgainst(`http://127.0.0.1:${await releasedPort()}`)
      expect(failed[0]).toMatch(/connection refused/i)
      expect(failed[0]).not.toMatch(/fetch failed/)
    },
    CASE_MS,
  )

  it(
    'an unknown host is said in plain words',
    async () => {
      const { code, failed } = await verifyAgainst('https://idp.afx-fault.invalid')
      expect(code).toBe(1)
      expect(failed[0]).toMatch(/host name could not be found|DNS/i)
      expect(failed[0]).not.toMatch(/fetch failed|getaddrinfo/)
    },
    CASE_MS,
  )

  it.skipIf(!HAS_OPENSSL)(
    'a self-signed certificate is said in plain words (needs openssl)',
    async () => {
      const fault = await provider({}, (await makeTestCertificates())!.selfSigned)
      const { code, failed } = await verifyAgainst(fault.issuer)
      expect(code).toBe(1)
      expect(failed[0]).toMatch(/self-signed/)
      expect(failed[0]).not.toMatch(/fetch failed/)
    },
    CASE_MS,
  )

  it('a stall at discovery: exit 1 after the 5 s timeout, not a hang', async () => {
    const fault = await provider({ [DISCOVERY]: stall })
    const { code, failed, elapsedMs } = await verifyAgainst(fault.issuer)
    expect(code).toBe(1)
    expect(elapsedMs).toBeLessThan(5_800)
    expect(failed).toEqual([expect.stringMatching(/^✗ discovery .* took longer than 5000 ms\./)])
  }, 6_000)

  it(
    'HTML discovery: exit 1, "not JSON" with the Content-Type and the start of the body',
    async () => {
      const fault = await provider({ [DISCOVERY]: html() })
      const { code, failed } = await verifyAgainst(fault.issuer)
      expect(code).toBe(1)
      expect(failed).toEqual([
        expect.stringMatching(
          /^✗ discovery .* answered text\/html, not JSON; it starts with "<!doctype html>/,
        ),
      ])
    },
    CASE_MS,
  )

  it(
    'a 500 with an HTML page at discovery: exit 1, "answered HTTP 500"',
    async () => {
      const fault = await provider({ [DISCOVERY]: html(500) })
      const { code, failed } = await verifyAgainst(fault.issuer)
      expect(code).toBe(1)
      expect(failed).toEqual([
        expect.stringMatching(/^✗ discovery .* answered HTTP 500\. {2}\[OIDC Discovery §4\]$/),
      ])
    },
    CASE_MS,
  )

  it(
    'a redirect loop at discovery: exit 1, one request, "a redirect, which is not followed"',
    async () => {
      const fault = await provider({
        [DISCOVERY]: (_req, res) => res.writeHead(302, { location: DISCOVERY_PATH }).end(),
      })
      const { code, failed } = await verifyAgainst(fault.issuer)
      expect(code).toBe(1)
      expect(failed).toEqual([
        expect.stringMatching(/answered HTTP 302 \(a redirect, which is not followed\)/),
      ])
      expect(fault.requests).toEqual([DISCOVERY])
    },
    CASE_MS,
  )

  it(
    'a 10 MB discovery document: exit 1, refused past 1 MiB',
    async () => {
      const fault = await provider({ [DISCOVERY]: streamBody(10_000_000) })
      const { code, failed } = await verifyAgainst(fault.issuer)
      expect(code).toBe(1)
      expect(failed).toEqual([expect.stringMatching(/answered more than 1048576 bytes/)])
      expect(fault.bytesStreamed).toBeLessThan(5_000_000)
    },
    CASE_MS,
  )

  it(
    'metadata with jwks_uri: 42: exit 1, "has no jwks_uri"',
    async () => {
      const fault = await provider({
        [DISCOVERY]: (_req, res, self) =>
          sendJson(res, { ...metadataOf(self.issuer), jwks_uri: 42 }),
      })
      const { code, failed } = await verifyAgainst(fault.issuer)
      expect(code).toBe(1)
      expect(failed).toEqual([expect.stringMatching(/has no jwks_uri/)])
    },
    CASE_MS,
  )

  it(
    'a JWKS that answers 500 (§7.1 #16): exit 1, the jwks line says "answered HTTP 500"',
    async () => {
      const fault = await provider({ 'GET /jwks': html(500) })
      const { code, failed } = await verifyAgainst(fault.issuer)
      expect(code).toBe(1)
      expect(failed).toEqual([expect.stringMatching(/^✗ jwks\s+GET .*\/jwks answered HTTP 500\./)])
      expect(fault.requests).toEqual([DISCOVERY, 'GET /jwks'])
    },
    CASE_MS,
  )

  it(
    'a JWKS that is HTML: exit 1, the jwks line says "not JSON"',
    async () => {
      const fault = await provider({ 'GET /jwks': html() })
      const { code, failed } = await verifyAgainst(fault.issuer)
      expect(code).toBe(1)
      expect(failed).toEqual([
        expect.stringMatching(
          /^✗ jwks\s+GET http:\/\/127\.0\.0\.1:\d+\/jwks answered text\/html, not JSON/,
        ),
      ])
    },
    CASE_MS,
  )

  it(
    'the signature line keeps "GET" intact',
    async () => {
      const fault = await provider({ 'GET /jwks': html() })
      const { stdout } = await verifyAgainst(fault.issuer)
      expect(stdout.split('\n')[0]).not.toMatch(/gET /)
    },
    CASE_MS,
  )
})

describe('afx flow against a bad provider (the run engine)', () => {
  let tls: TestCertificates | undefined
  beforeAll(async () => {
    if (HAS_OPENSSL) tls = await makeTestCertificates()
  })

  const flow = (issuer: string) =>
    afx([
      'flow',
      'client-credentials',
      '--issuer',
      issuer,
      '--client-id',
      CANARY.clientId,
      '--client-secret',
      CANARY.clientSecret,
    ])

  it(
    'connection refused: exit 1, the failed step and HTTP_CONNECTION_REFUSED in words',
    async () => {
      const { code, stdout } = await flow(`http://127.0.0.1:${await releasedPort()}`)
      expect(code).toBe(1)
      expect(stdout).toMatch(/^Client credentials \(afx-fault-client\): failed$/m)
      expect(stdout).toMatch(/^✗ Discover the provider/m)
      expect(stdout).toMatch(
        /HTTP_CONNECTION_REFUSED: Nothing is listening at that address \(connection refused\)\./,
      )
    },
    CASE_MS,
  )

  it(
    'says the reason once',
    async () => {
      const { stdout } = await flow(`http://127.0.0.1:${await releasedPort()}`)
      expect(stdout.match(/Nothing is listening at that address/g)).toHaveLength(1)
    },
    CASE_MS,
  )

  it.skipIf(!HAS_OPENSSL)(
    'a self-signed certificate (needs openssl): exit 1, HTTP_TLS_UNTRUSTED in words',
    async () => {
      const fault = await provider({}, tls!.selfSigned)
      const { code, stdout } = await flow(fault.issuer)
      expect(code).toBe(1)
      expect(stdout).toMatch(/HTTP_TLS_UNTRUSTED: The server's TLS certificate is self-signed/)
    },
    CASE_MS,
  )

  it(
    'HTML at the token endpoint: exit 1 with a diagnostic, no secret printed',
    async () => {
      const fault = await provider({ 'POST /token': html() })
      const { code, stdout } = await flow(fault.issuer)
      expect(code).toBe(1)
      expect(stdout).toMatch(/OAUTH_RESPONSE_IS_NOT_JSON: /)
    },
    CASE_MS,
  )

  it(
    'HTML at the token endpoint marks that step ✗ (not "✓ … HTTP 200" above the refusal)',
    async () => {
      const fault = await provider({ 'POST /token': html() })
      const { stdout } = await flow(fault.issuer)
      expect(stdout).toMatch(/^✗ Ask the token endpoint/m)
    },
    CASE_MS,
  )
})
