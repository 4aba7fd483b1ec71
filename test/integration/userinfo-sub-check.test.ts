// Issue 5: "the userinfo response's sub equals the ID token's". A code flow asked to call
// UserInfo (callUserinfo) ends with that request and a check step; against a provider whose
// UserInfo speaks of another user, the run fails with the diagnostic in words. Off by default:
// a code flow that did not ask makes no UserInfo request.
// @see OIDC Core §5.3.2; ../../../shared/reference/security.md §3 (rp-userinfo-bad-sub-claim)
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Run } from '../../shared/run-model'
import {
  SUBJECT,
  startHostileProvider,
  type HostileProvider,
} from '../fixtures/hostile-provider/hostile-provider'
import { hostileCodeFlow, runHostileCodeFlow } from '../helpers/hostile-code-flow'
import { testCore } from '../helpers/test-impl'

const core = testCore()
let provider: HostileProvider

beforeAll(async () => {
  provider = await startHostileProvider()
})
afterAll(() => provider?.close())

const titles = (run: Run) => run.steps.map((step) => step.title)
const userinfoRequests = (run: Run) =>
  run.steps.filter((step) => step.exchange?.request.url === `${provider.issuer}/userinfo`)

describe('the code flow with callUserinfo', () => {
  it('a provider that behaves: UserInfo is asked with the access token and its sub matches', async () => {
    provider.behave()
    const run = await runHostileCodeFlow(core, hostileCodeFlow(provider, { callUserinfo: true }))

    expect(run.status).toBe('succeeded')
    expect(titles(run).slice(-3)).toEqual([
      'Verify the ID token: signature and every claim',
      'Ask the UserInfo endpoint about the user, with the access token',
      "Check the UserInfo answer is about the ID token's user",
    ])
    const [request] = userinfoRequests(run)
    // Sent with the run's access token, which the record shows redacted.
    expect(request?.exchange?.request.headers.authorization).toMatch(
      /^Bearer «secret:s\d+:access_token»$/,
    )
    const check = run.steps.at(-1)!
    expect(check).toMatchObject({ kind: 'check', status: 'done' })
    expect(check.outputs).toMatchObject({ sub: SUBJECT, name: 'Alice Hostile' })
    expect(check.diagnostics).toEqual([
      expect.objectContaining({ severity: 'info', ref: 'OIDC Core §5.3.2' }),
    ])
  })

  it('rp-userinfo-bad-sub-claim (oidcc-client-test-userinfo-invalid-sub): a UserInfo sub other than the ID token’s fails the run, in words', async () => {
    provider.misbehave('userinfo-invalid-sub')
    const run = await runHostileCodeFlow(core, hostileCodeFlow(provider, { callUserinfo: true }))

    expect(run.status).toBe('failed')
    const idTokenCheck = run.steps.find((step) => step.title.startsWith('Verify the ID token'))
    expect(idTokenCheck?.status).toBe('done') // the ID token itself is fine
    const check = run.steps.at(-1)!
    expect(check).toMatchObject({ kind: 'check', status: 'failed' })
    expect(check.diagnostics).toEqual([
      {
        code: 'TOKEN_USERINFO_SUB_MISMATCH',
        severity: 'error',
        message:
          'The UserInfo response is about another user than the ID token; its claims must not be used.',
        ref: 'OIDC Core §5.3.2',
        expected: SUBJECT,
        actual: `${SUBJECT}invalid`,
      },
    ])
  })

  it('is off by default: the same provider, no callUserinfo, no UserInfo request and the run passes', async () => {
    provider.misbehave('userinfo-invalid-sub')
    const run = await runHostileCodeFlow(core, hostileCodeFlow(provider))

    expect(run.status).toBe('succeeded')
    expect(userinfoRequests(run)).toEqual([])
    expect(run.steps.at(-1)?.title).toBe('Verify the ID token: signature and every claim')
  })

  it('a failed ID token check stops the run before UserInfo is asked', async () => {
    provider.misbehave('invalid-athash') // refused by our own ID token check
    const run = await runHostileCodeFlow(core, hostileCodeFlow(provider, { callUserinfo: true }))

    expect(run.status).toBe('failed')
    expect(userinfoRequests(run)).toEqual([])
  })
})
