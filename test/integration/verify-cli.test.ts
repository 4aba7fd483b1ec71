import * as oidc from 'openid-client'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startOidcSandbox, type OidcSandbox } from '../../electron/core/sandbox/oidc/oidc-sandbox'
import { runCliInProcess } from '../helpers/run-cli-in-process'

let sandbox: OidcSandbox
let accessToken: string

beforeAll(async () => {
  sandbox = await startOidcSandbox({ port: 0 })
  const service = sandbox.description.clients.find((client) => client.client_id === 'afx-service')!
  const config = await oidc.discovery(
    new URL(sandbox.issuer),
    service.client_id,
    service.client_secret,
    undefined,
    {
      execute: [oidc.allowInsecureRequests],
    },
  )
  const tokens = await oidc.clientCredentialsGrant(config, {
    scope: 'api:read',
    resource: 'urn:afx:sandbox-api',
  })
  accessToken = tokens.access_token
})
afterAll(async () => {
  await sandbox?.close()
})

async function afx(argv: string[]) {
  const run = runCliInProcess(argv)
  const code = await run.exitCode
  return { code, stdout: run.stdout.join('\n'), stderr: run.stderr.join('\n') }
}

describe('afx verify', () => {
  it('verifies a sandbox access token against its issuer and prints each check', async () => {
    const { code, stdout } = await afx([
      'verify',
      accessToken,
      '--issuer',
      sandbox.issuer,
      '--kind',
      'access_token',
    ])
    expect(code).toBe(0)
    expect(stdout).toMatch(/^access_token · signature valid/)
    expect(stdout).toMatch(/✓ iss\s+/)
    expect(stdout).toMatch(/✓ typ\s+/)
  })

  it('exits 1 and says why when the signature does not match', async () => {
    const [header, payload, signature] = accessToken.split('.')
    const tampered = `${header}.${payload}.${signature!.slice(0, -4)}AAAA`
    const { code, stdout } = await afx(['verify', tampered, '--issuer', sandbox.issuer])
    expect(code).toBe(1)
    expect(stdout).toMatch(/signature invalid/)
    expect(stdout).toMatch(/✗ signature/)
  })

  it('exits 1 when the issuer is not the one expected', async () => {
    const { code, stdout } = await afx([
      'verify',
      accessToken,
      '--issuer',
      'http://127.0.0.1:1/other',
    ])
    expect(code).toBe(1)
    expect(stdout).toMatch(/✗ (iss|discovery)/)
  })

  it('prints the whole report with --json', async () => {
    const { code, stdout } = await afx(['verify', accessToken, '--json'])
    expect(code).toBe(0)
    const report = JSON.parse(stdout)
    expect(report.signature.status).toBe('valid')
    expect(
      report.claims.find((claim: { name: string }) => claim.name === 'client_id'),
    ).toMatchObject({
      known: true,
      value: 'afx-service',
    })
  })

  it('refuses two key sources at once as a usage error', async () => {
    const { code, stderr } = await afx([
      'verify',
      accessToken,
      '--jwks',
      'http://x/jwks',
      '--key',
      '/tmp/k.pem',
    ])
    expect(code).toBe(2)
    expect(stderr).toMatch(/Give one of --jwks or --key, not both\./)
  })
})
