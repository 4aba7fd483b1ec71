// `afx flow … --timeout SECONDS`: how long a browser flow waits for the browser to come back. The
// option is documented, reaches the engine as callbackTimeoutMs within the engine's own bounds,
// leaves the shared default alone when absent, and is a usage error (exit 2) when not whole seconds.
import { describe, expect, it } from 'vitest'
import { DEFAULT_CALLBACK_TIMEOUT_MS, StartRunInput } from '../../../shared/flow-input'
import { Profile } from '../../../shared/workspace-model'
import {
  readFlowInput,
  type FlowOptions,
} from '../../../electron/hosts/cli/flow-input-from-options'
import { parseTimeout } from '../../../electron/hosts/cli/parse-timeout'
import { UsageError } from '../../../electron/hosts/cli/usage-error'
import { runCliInProcess } from '../../helpers/run-cli-in-process'

const NO_OPTIONS: FlowOptions = {
  flow: 'code',
  issuer: 'http://127.0.0.1:9',
  clientId: 'app',
  clientSecret: undefined,
  authMethod: undefined,
  privateKeyFile: undefined,
  scope: undefined,
  pkce: undefined,
  responseMode: undefined,
  responseType: undefined,
  redirectHost: undefined,
  port: undefined,
  callbackTimeoutMs: undefined,
  params: [],
  browser: 'none',
  token: undefined,
  refreshToken: undefined,
  tokenTypeHint: undefined,
  idToken: undefined,
  variant: undefined,
  logoutEndpoint: undefined,
  logoutUri: undefined,
  interval: undefined,
  profile: undefined,
}

const inputFor = (options: Partial<FlowOptions>) =>
  readFlowInput({ ...NO_OPTIONS, ...options }, async () => '') as Promise<Record<string, unknown>>

describe('parseTimeout', () => {
  it.each([
    ['1', 1_000],
    ['90', 90_000],
    ['3600', 3_600_000],
  ])('reads "%s" seconds as %i ms', (text, ms) => {
    expect(parseTimeout(text)).toBe(ms)
  })

  it('leaves an absent option to the engine’s default', () => {
    expect(parseTimeout(undefined)).toBeUndefined()
  })

  it.each(['0', '3601', '99999', 'abc', '1.5', '-1', '1e3', ' 5', ''])(
    'refuses "%s" in words that say what to give',
    (text) => {
      expect(() => parseTimeout(text)).toThrow(UsageError)
      expect(() => parseTimeout(text)).toThrow(
        `--timeout must be a whole number of seconds from 1 to 3600, not "${text}".`,
      )
    },
  )

  it('accepts exactly what the engine accepts at both ends', () => {
    const base = {
      flow: 'code',
      provider: { issuer: 'http://127.0.0.1:9' },
      client: { clientId: 'a' },
    }
    for (const ms of [parseTimeout('1'), parseTimeout('3600')]) {
      expect(StartRunInput.safeParse({ ...base, callbackTimeoutMs: ms }).success).toBe(true)
    }
    for (const ms of [(parseTimeout('1') ?? 0) - 1, (parseTimeout('3600') ?? 0) + 1]) {
      expect(StartRunInput.safeParse({ ...base, callbackTimeoutMs: ms }).success).toBe(false)
    }
  })
})

describe('afx flow --timeout reaches the run', () => {
  it.each(['code', 'implicit', 'hybrid', 'logout'])('%s: as callbackTimeoutMs', async (flow) => {
    expect(await inputFor({ flow, callbackTimeoutMs: 2_000 })).toMatchObject({
      callbackTimeoutMs: 2_000,
    })
  })

  it('without it, the run waits the shared default of 5 minutes', async () => {
    expect(DEFAULT_CALLBACK_TIMEOUT_MS).toBe(300_000)
    expect(await inputFor({})).toMatchObject({ callbackTimeoutMs: DEFAULT_CALLBACK_TIMEOUT_MS })
  })

  it('is not taken from a saved profile, which keeps the redirect but no wait', async () => {
    const profile = Profile.parse({
      name: 'saved',
      provider: { kind: 'issuer', issuer: 'http://127.0.0.1:9' },
      clients: [{ clientId: 'app', redirect: { host: 'localhost', port: 8765, path: '/cb' } }],
      updatedAt: '2026-01-01T00:00:00Z',
    })
    const fromProfile = await inputFor({ issuer: undefined, clientId: undefined, profile })
    expect(fromProfile).toMatchObject({
      redirect: { host: 'localhost', port: 8765, path: '/cb' },
      callbackTimeoutMs: DEFAULT_CALLBACK_TIMEOUT_MS,
    })
    const overridden = await inputFor({ profile, callbackTimeoutMs: 60_000 })
    expect(overridden).toMatchObject({ callbackTimeoutMs: 60_000 })
  })

  it('is documented in the help', async () => {
    const cli = runCliInProcess(['--help'])
    expect(await cli.exitCode).toBe(0)
    expect(cli.stdout.join('\n')).toMatch(
      /\[--timeout S\]: wait S seconds \(1 to 3600, default 300\) for the\n\s+browser to come back/,
    )
  })

  it('exits 2 with one line naming what to give, before anything starts', async () => {
    const cli = runCliInProcess([
      'flow',
      'code',
      '--issuer',
      'http://127.0.0.1:9',
      '--client-id',
      'a',
      '--timeout',
      '0',
    ])
    expect(await cli.exitCode).toBe(2)
    expect(cli.stderr).toEqual([
      'afx: --timeout must be a whole number of seconds from 1 to 3600, not "0". Run "afx --help" for usage.',
    ])
  })
})
