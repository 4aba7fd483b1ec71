// Importing an app client's settings (DescribeUserPool, DescribeUserPoolClient) through the
// contract and `afx cognito describe`, against the sandbox pool (which needs a SigV4 signature but
// no AWS account): the secret never comes back, only whether there is one; the linter reads what
// was imported; a profile keeps it; and missing AWS credentials or a wrong id are said in words.
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { dispatchCall } from '../../electron/core/dispatch-call'
import type { CognitoClientSettings } from '../../shared/cognito-app-client'
import {
  CONFIDENTIAL,
  PUBLIC_WEB,
  ROTATING,
  useCognitoSandboxCore,
} from '../helpers/cognito-sandbox'
import { runCliInProcess } from '../helpers/run-cli-in-process'

const cognito = useCognitoSandboxCore()
const { core, clientSecret, where } = cognito

const describeClient = (clientId: string, extra: Record<string, string | boolean> = {}) =>
  dispatchCall(core.impl, 'cognito.describeClient', { ...where(), clientId, ...extra })

describe('cognito.describeClient', () => {
  it("imports a confidential client's settings without its secret", async () => {
    const result = await describeClient(CONFIDENTIAL)
    expect(result.ok).toBe(true)
    const settings = (result as { value: CognitoClientSettings }).value
    expect(settings.client).toMatchObject({
      ClientId: CONFIDENTIAL,
      HasClientSecret: true,
      ExplicitAuthFlows: cognito.sandbox.description.clients.find(
        (c) => c.clientId === CONFIDENTIAL,
      )!.explicitAuthFlows,
    })
    expect(settings.pool).toMatchObject({ Id: where().userPoolId, MfaConfiguration: 'OPTIONAL' })
    expect(Date.parse(settings.importedAt)).toBeGreaterThan(Date.now() - 60_000)
    expect(JSON.stringify(settings)).not.toContain(clientSecret())
  })

  it('says in words that no such client exists', async () => {
    const result = await describeClient('nosuchclient')
    expect(result).toMatchObject({
      ok: false,
      error: {
        code: 'COGNITO_DESCRIBE_REFUSED',
        message: expect.stringMatching(/ResourceNotFoundException/),
      },
    })
  })

  describe('with no AWS credentials anywhere', () => {
    const saved = { ...process.env }
    beforeAll(() => {
      const home = mkdtempSync(join(tmpdir(), 'afx-aws-'))
      writeFileSync(join(home, 'config'), '[profile other]\nregion = us-east-1\n')
      for (const name of Object.keys(process.env))
        if (name.startsWith('AWS_')) delete process.env[name]
      process.env.AWS_CONFIG_FILE = join(home, 'config')
      process.env.AWS_SHARED_CREDENTIALS_FILE = join(home, 'credentials')
      // No instance-metadata lookup: nothing may leave loopback.
      process.env.AWS_EC2_METADATA_DISABLED = 'true'
    })
    afterAll(() => {
      process.env = saved
    })

    it('names the AWS profile that gave none, and what to do', async () => {
      const result = await dispatchCall(core.impl, 'cognito.describeClient', {
        region: 'eu-west-1',
        userPoolId: 'eu-west-1_Abc123',
        clientId: 'abc',
        awsProfile: 'afx-missing',
      })
      expect(result).toMatchObject({
        ok: false,
        error: {
          code: 'AWS_CREDENTIALS_MISSING',
          message: 'No AWS credentials came from the AWS profile "afx-missing".',
          hint: expect.stringContaining('aws sso login'),
        },
      })
    })
  })

  it('uses no ambient AWS credentials unless the default chain is chosen', async () => {
    const result = await dispatchCall(core.impl, 'cognito.describeClient', {
      region: 'eu-west-1',
      userPoolId: 'eu-west-1_Abc123',
      clientId: 'abc',
    })
    expect(result).toMatchObject({
      ok: false,
      error: {
        code: 'AWS_CREDENTIALS_MISSING',
        message: 'Choose where the AWS credentials for the import come from.',
      },
    })
    const both = await describeClient(PUBLIC_WEB, { awsProfile: 'dev', useDefaultChain: true })
    expect(both).toMatchObject({
      ok: false,
      error: { message: expect.stringContaining('Choose one source of AWS credentials') },
    })
  })

  it('refuses a malformed AWS profile name in words', async () => {
    const result = await describeClient(PUBLIC_WEB, { awsProfile: 'a b' })
    expect(result).toMatchObject({
      ok: false,
      error: { message: expect.stringContaining('An AWS profile name is letters') },
    })
  })
})

describe('afx cognito describe', () => {
  const pool = () => ['--user-pool-id', where().userPoolId, '--endpoint', where().endpoint]

  it('prints the settings with the linter finding nothing, and keeps them with a profile', async () => {
    const add = runCliInProcess([
      'profiles',
      'add',
      'rotating',
      '--cognito-pool',
      where().userPoolId,
      '--endpoint',
      where().endpoint,
      '--client-id',
      ROTATING,
    ])
    expect(await add.exitCode).toBe(0)

    const run = runCliInProcess(['cognito', 'describe', '--profile', 'rotating', '--save'])
    expect(await run.exitCode).toBe(0)
    const printed = run.stdout.join('\n')
    expect(printed).toMatch(new RegExp(`^App client ${ROTATING} of ${where().userPoolId}`))
    expect(printed).toContain('rotation           on')
    expect(printed).toContain('The app-client linter finds nothing to change.')
    expect(printed).toContain('Kept with the profile "rotating".')

    // Each afx command is its own process: the next one finds the settings kept.
    const show = runCliInProcess(['profiles', 'show', 'rotating', '--json'])
    expect(await show.exitCode).toBe(0)
    const kept = JSON.parse(show.stdout.join('\n')).clients[0].cognitoSettings
    expect(kept.client.RefreshTokenRotation).toEqual({
      Feature: 'ENABLED',
      RetryGracePeriodSeconds: 10,
    })
  })

  it('prints JSON with the findings', async () => {
    const run = runCliInProcess([
      'cognito',
      'describe',
      ...pool(),
      '--client-id',
      PUBLIC_WEB,
      '--json',
    ])
    expect(await run.exitCode).toBe(0)
    const printed = JSON.parse(run.stdout.join('\n')) as CognitoClientSettings & { findings: [] }
    expect(printed.client.ClientId).toBe(PUBLIC_WEB)
    expect(printed.findings).toEqual([])
  })

  it('exits 2 on --save without a profile, and 1 with the words of a wrong client id', async () => {
    const save = runCliInProcess([
      'cognito',
      'describe',
      ...pool(),
      '--client-id',
      PUBLIC_WEB,
      '--save',
    ])
    expect(await save.exitCode).toBe(2)
    expect(save.stderr.join('\n')).toContain('--save keeps the settings with a profile')

    const wrong = runCliInProcess(['cognito', 'describe', ...pool(), '--client-id', 'nosuch'])
    expect(await wrong.exitCode).toBe(1)
    expect(wrong.stderr.join('\n')).toMatch(/ResourceNotFoundException/)
  })
})
