// Opening a run's token in the inspector checks it against what that run sent. Here the real code
// flow runs against a provider, the run's recorded steps give the expectations, and the inspector
// verifies with them, as the Tokens page does after "Inspect id_token"; the expectations of
// another sign-in make the same token fail, so each one is really checked.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { expectationsFromRun } from '../../shared/run-token-expectations'
import type { Run } from '../../shared/run-model'
import type { TokenCheck } from '../../shared/token-report'
import {
  startHostileProvider,
  type HostileProvider,
} from '../fixtures/hostile-provider/hostile-provider'
import {
  HOSTILE_CLIENT_ID,
  hostileCodeFlow,
  revealIn,
  runHostileCodeFlow,
} from '../helpers/hostile-code-flow'
import { testCore } from '../helpers/test-impl'

const core = testCore()
let provider: HostileProvider

beforeAll(async () => {
  provider = await startHostileProvider()
  provider.behave()
})
afterAll(() => provider?.close())

/** What the Tokens page is given for a run's token: the token and expectations, revealed. */
function openedFrom(run: Run, tokenName: string) {
  const token = run.tokens.findLast((candidate) => candidate.name === tokenName)!.value
  const expectations = expectationsFromRun(run, tokenName)
  const accessToken = expectations.accessToken && revealIn(core, run, expectations.accessToken)
  return {
    token: revealIn(core, run, token),
    expect: { ...expectations, ...(accessToken ? { accessToken } : {}) },
  }
}

const statusOf = (checks: TokenCheck[]) =>
  Object.fromEntries(checks.map((check) => [check.id, check.status]))

describe("a run's token opened in the inspector", () => {
  it('the ID token verifies with the issuer’s keys and passes the nonce and at_hash the run knows', async () => {
    const run = await runHostileCodeFlow(core, hostileCodeFlow(provider))
    const sent = new URL(String(run.steps.find((step) => step.kind === 'browser')?.outputs.url))
    const opened = openedFrom(run, 'id_token')

    expect(opened.expect).toMatchObject({
      kind: 'id_token',
      issuer: provider.issuer,
      clientId: HOSTILE_CLIENT_ID,
      nonce: sent.searchParams.get('nonce'),
      flow: 'code',
    })
    const report = await core.impl['tokens.inspect']({
      token: opened.token,
      expect: { ...opened.expect, clockSkewSeconds: 60 },
      key: { kind: 'issuer' },
    })

    expect(report.signature.status).toBe('valid')
    expect(statusOf(report.checks)).toMatchObject({
      iss: 'pass',
      aud: 'pass',
      nonce: 'pass',
      at_hash: 'pass',
    })
    expect(report.checks.filter((check) => check.status === 'fail')).toEqual([])
  })

  it('checked against another sign-in’s run, the same token fails its nonce and at_hash', async () => {
    const first = await runHostileCodeFlow(core, hostileCodeFlow(provider))
    const second = await runHostileCodeFlow(core, hostileCodeFlow(provider))
    const { token } = openedFrom(first, 'id_token')
    const { expect: others } = openedFrom(second, 'id_token')

    const report = await core.impl['tokens.inspect']({
      token,
      expect: { ...others, clockSkewSeconds: 60 },
      key: { kind: 'issuer' },
    })
    const failed = report.checks.filter((check) => check.status === 'fail').map(({ code }) => code)
    expect(failed).toEqual(['TOKEN_NONCE_MISMATCH', 'TOKEN_AT_HASH_MISMATCH'])
  })

  it('the access token is checked as an access token, with no nonce asked of it', async () => {
    const run = await runHostileCodeFlow(core, hostileCodeFlow(provider))
    const opened = openedFrom(run, 'access_token')

    expect(opened.expect).toEqual({
      kind: 'access_token',
      issuer: provider.issuer,
      clientId: HOSTILE_CLIENT_ID,
      flow: 'code',
    })
  })
})
