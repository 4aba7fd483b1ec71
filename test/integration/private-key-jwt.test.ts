// private_key_jwt against the sandbox provider: the demo client signs its assertion with the
// published demo key (client credentials, and a code flow signed in by Chromium); a key the
// provider does not know is refused as invalid_client; the signing step shows the assertion
// decoded and nothing of the key, in the run, its saved input, its exports and the CLI's output.
import { mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { generateClientKey } from '../../electron/core/oauth/generate-client-key'
import type { OidcSandbox } from '../../electron/core/sandbox/oidc/oidc-sandbox'
import type { ClientCredentialsInput } from '../../shared/flow-input'
import type { Run, Step } from '../../shared/run-model'
import { runCliInProcess } from '../helpers/run-cli-in-process'
import { startSandboxAndBrowser, stopSandboxAndBrowser } from '../helpers/sandbox-and-browser'
import { freePort, hasNoJwtInClear, runWithSignIn, sandboxCodeFlow } from '../helpers/sign-in-run'
import { testCore } from '../helpers/test-impl'

const CLIENT_ID = 'afx-private-key-jwt'

let sandbox: OidcSandbox
let browser: Browser
let webPort: number
const core = testCore()

beforeAll(async () => {
  webPort = await freePort()
  ;({ sandbox, browser } = await startSandboxAndBrowser({ webCallbackPort: webPort }))
})
afterAll(() => stopSandboxAndBrowser({ sandbox, browser }))

/** The demo private JWK the sandbox publishes for its private_key_jwt client. */
const demoKey = () => {
  const key = sandbox.description.clients.find((c) => c.client_id === CLIENT_ID)?.private_key_jwk
  if (!key) throw new Error(`the sandbox publishes no key for ${CLIENT_ID}`)
  return key
}
/** The values of the key's private members: none may show anywhere. */
const privateValuesOf = (jwk: string) =>
  ['d', 'p', 'q', 'dp', 'dq', 'qi'].flatMap((name) => {
    const value = (JSON.parse(jwk) as Record<string, unknown>)[name]
    return typeof value === 'string' ? [value] : []
  })

/** Client credentials as afx-private-key-jwt; without a key, a profile has to give it. */
const clientCredentials = (privateKeyJwk?: string): ClientCredentialsInput => ({
  flow: 'client_credentials',
  provider: { issuer: sandbox.issuer },
  client: {
    clientId: CLIENT_ID,
    authMethod: 'private_key_jwt',
    ...(privateKeyJwk === undefined ? {} : { privateKeyJwk }),
    scope: 'api:read',
    extraParams: { resource: 'urn:afx:sandbox-api' },
  },
  mode: 'auto',
})

const signingSteps = (run: Run) =>
  run.steps.filter((step) => step.explain === 'oauth.client-assertion')
const tokenRequestOf = (run: Run) =>
  run.steps.find((step) => step.kind === 'http' && step.explain === 'oauth.client-credentials')

/** Every text a person can keep of a run: the record, its saved input, and each export. */
async function everythingKeptOf(run: Run): Promise<Record<string, string>> {
  const files = await Promise.all(
    (['curl', 'har', 'json'] as const).map((format) =>
      core.impl['runs.export']({ runId: run.id, format }),
    ),
  )
  return {
    run: JSON.stringify(run),
    input: JSON.stringify(core.runs.record(run.id).input),
    ...Object.fromEntries(files.map((file) => [file.filename, file.content])),
  }
}

describe('client credentials with the demo key', () => {
  let run: Run
  let signing: Step | undefined

  beforeAll(async () => {
    run = await core.runs.start(clientCredentials(demoKey())).done
    signing = signingSteps(run)[0]
  })

  it('gets an access token, authenticated by a signed client_assertion', () => {
    expect(run.status).toBe('succeeded')
    expect(run.tokens.map((token) => token.name)).toContain('access_token')
    const body = new URLSearchParams(tokenRequestOf(run)?.exchange?.request.body ?? '')
    expect(body.get('client_assertion_type')).toBe(
      'urn:ietf:params:oauth:client-assertion-type:jwt-bearer',
    )
    expect(body.get('client_assertion')).toMatch(/^«secret:s\d+:client_assertion»$/)
    expect(body.has('client_secret')).toBe(false)
    expect(tokenRequestOf(run)?.exchange?.request.headers.authorization).toBeUndefined()
  })

  it('shows the assertion decoded in a step before the request, its signature a secret', () => {
    expect(signingSteps(run)).toHaveLength(1)
    const order = run.steps.map((step) => step.explain)
    expect(order.indexOf('oauth.client-assertion')).toBe(
      order.indexOf('oauth.client-credentials') - 1,
    )
    expect(signing?.kind).toBe('compute')
    expect(signing?.outputs.header).toEqual({
      alg: 'ES256',
      kid: JSON.parse(demoKey()).kid,
    })
    const claims = signing?.outputs.claims as Record<string, unknown>
    expect(claims).toMatchObject({ iss: CLIENT_ID, sub: CLIENT_ID, aud: sandbox.issuer })
    expect(claims.jti).toMatch(/^[\w-]{20,}$/)
    expect(Number(claims.exp) - Number(claims.iat)).toBe(60)
    expect(signing?.outputs.signature).toMatch(/^«secret:s\d+:signature»$/)
  })

  it('checks the algorithm against what the provider lists, and finds it there', () => {
    const check = run.steps.find((step) => step.explain === 'oauth.client-assertion-alg')
    expect(check?.status).toBe('done')
    expect(check?.diagnostics).toEqual([])
    expect(check?.outputs.token_endpoint_auth_signing_alg_values_supported).toContain('ES256')
  })

  it('keeps no part of the key and no assertion in clear in the run, its input or any export', async () => {
    const kept = await everythingKeptOf(run)
    expect(Object.keys(kept)).toHaveLength(5)
    const [d] = privateValuesOf(demoKey())
    for (const [name, text] of Object.entries(kept)) {
      expect(text.includes(d ?? 'no d'), `${name} holds the key's "d"`).toBe(false)
      expect(text, `${name} holds a JWT`).not.toMatch(/eyJ[\w-]+\.eyJ[\w-]+/)
    }
    expect(kept.input).toMatch(/"privateKeyJwk":"«secret:s\d+:private_key»"/)
    expect(hasNoJwtInClear(run)).toBe(true)
  })
})

describe('keys the provider does not accept', () => {
  it('refuses a key it does not know with invalid_client, in words', async () => {
    const stranger = await generateClientKey('EdDSA')
    const run = await core.runs.start(clientCredentials(stranger.privateJwk)).done
    expect(signingSteps(run)[0]?.outputs.header).toEqual({ alg: 'EdDSA', kid: stranger.kid })
    expect(run.status).toBe('failed')
    expect(run.diagnostics[0]?.code).toBe('OAUTH_INVALID_CLIENT')
    expect(run.diagnostics[0]?.message).toMatch(/client/i)
    expect(tokenRequestOf(run)?.exchange?.response?.status).toBe(401)
    const kept = await everythingKeptOf(run)
    for (const value of privateValuesOf(stranger.privateJwk)) {
      expect(Object.values(kept).some((text) => text.includes(value))).toBe(false)
    }
  })

  it('warns before sending an assertion signed with an algorithm the provider does not list', async () => {
    const rs384 = await generateClientKey('RS256')
    const jwk = JSON.stringify({ ...JSON.parse(rs384.privateJwk), alg: 'RS384' })
    const run = await core.runs.start(clientCredentials(jwk)).done
    const check = run.steps.find((step) => step.explain === 'oauth.client-assertion-alg')
    expect(check?.diagnostics).toEqual([
      expect.objectContaining({
        code: 'OAUTH_ASSERTION_ALG_NOT_LISTED',
        severity: 'warning',
        actual: 'RS384',
      }),
    ])
    expect(check?.diagnostics[0]?.expected).toContain('ES256')
    expect(run.status).toBe('failed')
    expect(run.diagnostics[0]?.code).toBe('OAUTH_INVALID_CLIENT')
  })

  it('fails before any request when the key is only the public half', async () => {
    const { publicJwk } = await generateClientKey('ES256')
    const run = await core.runs.start(clientCredentials(publicJwk)).done
    expect(run.status).toBe('failed')
    expect(run.steps.filter((step) => step.kind === 'http')).toEqual([])
    expect(run.diagnostics[0]).toMatchObject({
      code: 'TOKEN_KEY_UNREADABLE',
      message: expect.stringMatching(/public key only/),
    })
  })
})

describe('the code flow with private_key_jwt', () => {
  it('signs in and redeems the code with a signed assertion', async () => {
    const run = await runWithSignIn(
      core,
      browser,
      sandboxCodeFlow(sandbox.issuer, {
        client: { clientId: CLIENT_ID, privateKeyJwk: demoKey(), scope: 'openid profile' },
        redirect: { host: '127.0.0.1', port: webPort, path: '/callback' },
      }),
    )
    expect(run.status).toBe('succeeded')
    expect(run.tokens.map((token) => token.name)).toEqual(
      expect.arrayContaining(['access_token', 'id_token']),
    )
    const order = run.steps.map((step) => step.explain)
    expect(order.indexOf('oauth.client-assertion')).toBe(order.indexOf('oauth.token-code') - 1)
    expect(JSON.stringify(run)).not.toContain(privateValuesOf(demoKey())[0])
  })
})

describe('a profile that keeps the private key as its client’s secret', () => {
  it('fills the key in at start, and history on disk holds no part of it', async () => {
    await core.impl['profiles.save']({
      profile: {
        name: 'Sandbox private_key_jwt',
        preset: 'sandbox',
        provider: { kind: 'issuer', issuer: sandbox.issuer },
        clients: [
          { clientId: CLIENT_ID, authMethod: 'private_key_jwt', secret: { set: demoKey() } },
        ],
      },
    })
    const run = await core.runs.start({
      ...clientCredentials(),
      profile: 'Sandbox private_key_jwt',
    }).done
    expect(run.status).toBe('succeeded')
    expect(signingSteps(run)).toHaveLength(1)
    await core.history.flush()
    const { dataDir } = await core.impl['app.info']({})
    const historyDir = join(dataDir, 'history')
    const saved = await Promise.all(
      (await readdir(historyDir)).map((file) => readFile(join(historyDir, file), 'utf8')),
    )
    expect(saved.join('\n')).toContain(run.id)
    expect(saved.join('\n')).not.toContain(privateValuesOf(demoKey())[0])
  })
})

describe('afx flow client-credentials --private-key', () => {
  it('authenticates with the JWK file and prints no part of the key', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'afx-private-key-'))
    const keyFile = join(dir, 'client-key.json')
    await writeFile(keyFile, demoKey())
    const cli = runCliInProcess([
      'flow',
      'client-credentials',
      '--issuer',
      sandbox.issuer,
      '--client-id',
      CLIENT_ID,
      '--auth-method',
      'private_key_jwt',
      '--private-key',
      keyFile,
      '--scope',
      'api:read',
      '--param',
      'resource=urn:afx:sandbox-api',
      '--json',
    ])
    expect(await cli.exitCode).toBe(0)
    const out = cli.stdout.join('\n')
    const run = JSON.parse(out) as Run
    expect(run.status).toBe('succeeded')
    expect(signingSteps(run)[0]?.outputs.claims).toMatchObject({ iss: CLIENT_ID })
    expect(out).not.toContain(privateValuesOf(demoKey())[0])
    expect(cli.stderr.join('\n')).not.toContain(privateValuesOf(demoKey())[0])
  })
})
