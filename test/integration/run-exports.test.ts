// The planted-secrets proof: real runs against the sandbox provider (client credentials, and an
// authorization code flow signed in by Chromium), every secret they carry revealed, then every
// export of them (curl, HAR, scenario, the ID token's report) searched for each of those values.
// The curl script is also run: with a fake curl it must hand over the run's own request, and
// with the real curl and the secrets exported it must get tokens from the sandbox.
import { createHash } from 'node:crypto'
import { createServer, type IncomingMessage } from 'node:http'
import type { AddressInfo } from 'node:net'
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { runToCurl } from '../../electron/core/export/run-to-curl'
import { redactExchange } from '../../electron/core/runs/redact-exchange'
import { SecretBox } from '../../electron/core/runs/secret-box'
import type { OidcSandbox } from '../../electron/core/sandbox/oidc/oidc-sandbox'
import { inspectToken } from '../../electron/core/tokens/inspect-token'
import type { CodeFlowInput } from '../../shared/flow-input'
import { SECRET_MARKER, type Run, type Step } from '../../shared/run-model'
import { tokenReportToMarkdown } from '../../shared/token-report-markdown'
import type { RunExportFormat } from '../../shared/workspace-model'
import {
  asProviderReads,
  requestOfCurlArgs,
  runScriptForReal,
  runWithCurlShim,
  sentRequestOf,
} from '../helpers/curl-shim'
import { startSandboxAndBrowser, stopSandboxAndBrowser } from '../helpers/sandbox-and-browser'
import { freePort, revealToken, runWithSignIn } from '../helpers/sign-in-run'
import { testCore } from '../helpers/test-impl'

let sandbox: OidcSandbox
let browser: Browser
let webPort: number
const core = testCore()

beforeAll(async () => {
  webPort = await freePort()
  ;({ sandbox, browser } = await startSandboxAndBrowser({ webCallbackPort: webPort }))
})
afterAll(() => stopSandboxAndBrowser({ sandbox, browser }))

const secretOf = (clientId: string) =>
  sandbox.description.clients.find((client) => client.client_id === clientId)?.client_secret ?? ''

const FORMATS = ['curl', 'har', 'json'] as const satisfies RunExportFormat[]

/** The files a person saves, through the contract method the faces call. */
async function exportsOf(run: Run): Promise<Record<string, string>> {
  const files = await Promise.all(
    FORMATS.map((format) => core.impl['runs.export']({ runId: run.id, format })),
  )
  return Object.fromEntries(files.map((file) => [file.filename, file.content]))
}

/** Every secret marker in the run and its input, revealed: label → clear value. */
function revealEverySecret(run: Run): { byId: Map<string, string>; byLabel: Map<string, string> } {
  const { input } = core.runs.record(run.id)
  const byId = new Map<string, string>()
  const byLabel = new Map<string, string>()
  for (const [, id = '', label = ''] of JSON.stringify([run, input]).matchAll(SECRET_MARKER)) {
    const value = core.runs.revealSecret(run.id, id)
    byId.set(id, value)
    // The script's variables are the labels in capitals; each label here names one secret.
    if (byLabel.has(label) && byLabel.get(label) !== value) throw new Error(`two ${label}s`)
    byLabel.set(label, value)
  }
  return { byId, byLabel }
}

/** The variables a person exports before running the script: labels in snake_case capitals. */
const variablesOf = (byLabel: Map<string, string>) =>
  Object.fromEntries(
    [...byLabel].map(([label, value]) => [
      label.replace(/([a-z])([A-Z])/g, '$1_$2').toUpperCase(),
      value,
    ]),
  )

/** No planted value, as is or URL-encoded, in any of the files; no JWT in clear either. */
function expectNoSecretIn(files: Record<string, string>, planted: string[]) {
  expect(planted.every((value) => value.length >= 16)).toBe(true)
  for (const [name, content] of Object.entries(files)) {
    for (const value of planted) {
      for (const spelling of new Set([value, encodeURIComponent(value)])) {
        expect(
          content.includes(spelling),
          `${name} holds a secret (${spelling.length} chars)`,
        ).toBe(false)
      }
    }
    expect(content, `${name} holds a JWT`).not.toMatch(/eyJ[\w-]+\.eyJ[\w-]+/)
  }
}

/** The request a step sent, its secrets revealed. */
function sentRequest(step: Step | undefined, byId: Map<string, string>) {
  const request = step?.exchange?.request
  if (!request) throw new Error('no request in that step')
  return sentRequestOf(request, (id) => byId.get(id))
}

const curlOf = (files: Record<string, string>) =>
  Object.entries(files).find(([name]) => name.endsWith('.sh'))?.[1] ?? ''

describe('client credentials (afx-service, client_secret_basic)', () => {
  let run: Run
  let files: Record<string, string>
  let secrets: ReturnType<typeof revealEverySecret>

  beforeAll(async () => {
    run = await core.runs.start({
      flow: 'client_credentials',
      provider: { issuer: sandbox.issuer },
      client: {
        clientId: 'afx-service',
        clientSecret: secretOf('afx-service'),
        scope: 'api:read',
        extraParams: { resource: 'urn:afx:sandbox-api' },
      },
      mode: 'auto',
    }).done
    files = await exportsOf(run)
    secrets = revealEverySecret(run)
  })

  it('succeeds and keeps the Basic credentials and the access token as secrets', () => {
    expect(run.status).toBe('succeeded')
    expect([...secrets.byLabel.keys()]).toEqual(
      expect.arrayContaining(['authorization', 'access_token']),
    )
    expect(Object.keys(files).map((name) => name.replace(/\d{4}-\d\d-\d\d-\d{4}/, 'DATE'))).toEqual(
      [
        'afx-run-client-credentials-DATE.sh',
        'afx-run-client-credentials-DATE.har',
        'afx-run-client-credentials-DATE.json',
      ],
    )
  })

  it('writes no secret into any export', () => {
    expectNoSecretIn(files, [secretOf('afx-service'), ...secrets.byId.values()])
  })

  it('hands curl the token request the run sent, secrets from the variables', async () => {
    const result = await runWithCurlShim(curlOf(files), variablesOf(secrets.byLabel))
    expect(result.code).toBe(0)
    const tokenStep = run.steps.at(-1)
    expect(result.calls.map(requestOfCurlArgs).map(asProviderReads).at(-1)).toEqual(
      asProviderReads(sentRequest(tokenStep, secrets.byId)),
    )
    // Basic credentials are the form-encoded id and secret (RFC 6749 §2.3.1), in base64.
    const basic = requestOfCurlArgs(result.calls.at(-1)!).headers.authorization ?? ''
    const credentials = Buffer.from(basic.replace(/^Basic /, ''), 'base64').toString('utf8')
    expect(credentials.split(':').map(decodeURIComponent)).toEqual([
      'afx-service',
      secretOf('afx-service'),
    ])
  })

  it('gets a fresh access token from the sandbox when run with the real curl', async () => {
    const result = await runScriptForReal(curlOf(files), variablesOf(secrets.byLabel))
    expect(result.stderr).toBe('')
    expect(result.code).toBe(0)
    const answers = result.stdout.split(/^(?=HTTP\/1\.1 )/m)
    expect(answers.map((answer) => answer.slice(0, 12))).toEqual(['HTTP/1.1 200', 'HTTP/1.1 200'])
    const tokenAnswer = JSON.parse(answers[1]!.slice(answers[1]!.indexOf('\r\n\r\n') + 4))
    expect(tokenAnswer).toMatchObject({ token_type: 'Bearer', scope: 'api:read' })
    expect(tokenAnswer.access_token).toMatch(/^eyJ/)
    expect(tokenAnswer.access_token).not.toBe(revealToken(core, run, 'access_token'))
  })

  it('stops with the variable to set when the credentials are not given', async () => {
    const result = await runScriptForReal(curlOf(files), {})
    expect(result.code).not.toBe(0)
    expect(result.stderr).toContain('set AUTHORIZATION first')
    expect(result.stdout).toBe('')
  })
})

describe('authorization code + PKCE (afx-web-post, client_secret_post), signed in by Chromium', () => {
  let run: Run
  let files: Record<string, string>
  let secrets: ReturnType<typeof revealEverySecret>

  beforeAll(async () => {
    const input: CodeFlowInput = {
      flow: 'code',
      provider: { issuer: sandbox.issuer },
      client: {
        clientId: 'afx-web-post',
        clientSecret: secretOf('afx-web-post'),
        authMethod: 'client_secret_post',
        scope: 'openid profile email offline_access',
        extraParams: { prompt: 'consent' },
      },
      mode: 'auto',
      pkce: 'S256',
      responseMode: 'query',
      redirect: { host: '127.0.0.1', port: webPort, path: '/callback' },
      browser: 'none',
      callbackTimeoutMs: 20_000,
    }
    run = await runWithSignIn(core, browser, input)
    files = await exportsOf(run)
    secrets = revealEverySecret(run)
    // The token inspector's report of the ID token, verified with the sandbox's keys.
    const report = await inspectToken({
      token: revealToken(core, run, 'id_token'),
      expect: { kind: 'id_token', issuer: sandbox.issuer, clientId: 'afx-web-post' },
      key: { kind: 'issuer' },
    })
    files['id-token-report.md'] = tokenReportToMarkdown(report)
  })

  it('succeeds with every kind of secret a code flow carries', () => {
    expect(run.status).toBe('succeeded')
    expect([...secrets.byLabel.keys()]).toEqual(
      expect.arrayContaining([
        'code_verifier',
        'code',
        'access_token',
        'id_token',
        'refresh_token',
      ]),
    )
    expect([...secrets.byId.values()]).toContain(secretOf('afx-web-post'))
  })

  it('writes no secret into the curl script, the HAR, the scenario or the ID token report', () => {
    expect(Object.keys(files)).toHaveLength(4)
    expectNoSecretIn(files, [secretOf('afx-web-post'), ...secrets.byId.values()])
    expect(files['id-token-report.md']).toMatch(/^# Token report: ID token, signed JWT \(JWS\)\n/)
    expect(files['id-token-report.md']).toContain('| `sub` | `"alice"` |')
  })

  it('fingerprints each token in the HAR (#155), and no secret a guess could find', () => {
    const har = Object.entries(files).find(([name]) => name.endsWith('.har'))?.[1] ?? ''
    for (const label of ['access_token', 'id_token', 'refresh_token']) {
      const value = secrets.byLabel.get(label) ?? ''
      const fingerprint = createHash('sha256').update(value).digest('hex').slice(0, 12)
      expect(har).toContain(`[redacted: ${label}, sha256 ${fingerprint}]`)
    }
    expect(har).toContain('[redacted: code_verifier]')
    expect(har).toContain('[redacted: client_secret]')
    expect(har).not.toMatch(/\[redacted: (code|code_verifier|client_secret), sha256/)
  })

  it('hands curl the token exchange the run sent: code, verifier and client secret', async () => {
    const result = await runWithCurlShim(curlOf(files), variablesOf(secrets.byLabel))
    expect(result.code).toBe(0)
    const tokenStep = run.steps.find((step) => step.exchange?.request.url.endsWith('/token'))
    const curlCalls = result.calls.map(requestOfCurlArgs)
    expect(curlCalls.map(asProviderReads)).toContainEqual(
      asProviderReads(sentRequest(tokenStep, secrets.byId)),
    )
    const body = new URLSearchParams(curlCalls.find((call) => call.url.endsWith('/token'))?.body)
    expect(body.get('client_secret')).toBe(secretOf('afx-web-post'))
    expect(body.get('code_verifier')).toBe(secrets.byLabel.get('code_verifier'))
  })

  it('reads its scenario back as an imported run with the same steps', async () => {
    const scenario = Object.entries(files).find(([name]) => name.endsWith('.json'))![1]
    const imported = await core.impl['runs.import']({ content: scenario })
    expect(imported.id).not.toBe(run.id)
    expect(imported).toEqual({ ...run, id: imported.id, origin: 'imported' })
  })

  it('replays its access token at introspection with the real curl: still active', async () => {
    const introspection = await core.runs.start({
      flow: 'introspection',
      provider: { issuer: sandbox.issuer },
      client: {
        clientId: 'afx-web-post',
        clientSecret: secretOf('afx-web-post'),
        authMethod: 'client_secret_post',
      },
      mode: 'auto',
      token: revealToken(core, run, 'access_token'),
      tokenTypeHint: 'access_token',
    }).done
    expect(introspection.status).toBe('succeeded')
    const script = (await core.impl['runs.export']({ runId: introspection.id, format: 'curl' }))
      .content
    // Both the token and the client secret ride in the form, through --data-urlencode.
    expect(script.match(/--data-urlencode '\w+='"\$\w+"/g)).toHaveLength(2)
    const revealed = revealEverySecret(introspection)
    expectNoSecretIn({ script }, [secretOf('afx-web-post'), ...revealed.byId.values()])

    const result = await runScriptForReal(script, variablesOf(revealed.byLabel))

    expect(result.stderr).toBe('')
    const answer = result.stdout.slice(result.stdout.lastIndexOf('HTTP/1.1 '))
    expect(answer).toMatch(/^HTTP\/1\.1 200/)
    expect(JSON.parse(answer.slice(answer.indexOf('\r\n\r\n') + 4))).toMatchObject({
      active: true,
      client_id: 'afx-web-post',
      sub: 'alice',
    })
  })
})

describe('a secret no shell or form could carry as is, through the real curl', () => {
  it('arrives at the provider exactly as set: quotes, $, backticks, +, &, = and spaces', async () => {
    const received: { body: string; headers: IncomingMessage['headers'] }[] = []
    const server = createServer((request, response) => {
      let body = ''
      request.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')))
      request.on('end', () => {
        received.push({ body, headers: request.headers })
        response.end('{}')
      })
    })
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    try {
      const { port } = server.address() as AddressInfo
      const hostile = `it's $(touch pwned) \`id\` a+b&c=d %41 "q" $HOME ✓`
      const secrets = new SecretBox()
      secrets.add(hostile, 'client_secret')
      const exchange = redactExchange(
        {
          request: {
            method: 'POST',
            url: `http://127.0.0.1:${port}/token`,
            headers: {
              'content-type': 'application/x-www-form-urlencoded',
              'x-api-key': `key ${hostile}`,
            },
            body: new URLSearchParams({
              grant_type: 'client_credentials',
              client_secret: hostile,
            }).toString(),
          },
          response: { status: 200, headers: {} },
        },
        secrets,
      )
      const script = runToCurl({
        id: 'run-hostile',
        flow: 'client_credentials',
        title: 'Hostile secret',
        mode: 'auto',
        status: 'succeeded',
        createdAt: '2026-11-23T10:05:00.000Z',
        updatedAt: '2026-11-23T10:05:00.000Z',
        steps: [
          {
            id: 'step-1',
            kind: 'http',
            title: 'Token',
            explain: 'x',
            status: 'done',
            inputs: {},
            outputs: {},
            diagnostics: [],
            exchange,
          },
        ],
        tokens: [],
        diagnostics: [],
        origin: 'live',
      })
      expect(script).not.toContain(hostile)

      const result = await runScriptForReal(script, { CLIENT_SECRET: hostile })

      expect(result.stderr).toBe('')
      expect(received).toHaveLength(1)
      expect([...new URLSearchParams(received[0]!.body)]).toEqual([
        ['grant_type', 'client_credentials'],
        ['client_secret', hostile],
      ])
      // Node reads header bytes as Latin-1; curl sent the UTF-8 of the value.
      const header = String(received[0]!.headers['x-api-key'])
      expect(Buffer.from(header, 'latin1').toString('utf8')).toBe(`key ${hostile}`)
    } finally {
      await new Promise((resolve) => server.close(resolve))
    }
  })
})
