// Security fault #125: Cognito's managed login against a run whose loopback port is chosen per
// run, when the app client registered one fixed URL (http://localhost:PORT/cb). Managed login
// cannot run here (the sandbox pool has none), so a test double stands in for its authorize
// endpoint, named as such: it answers as Cognito does, with a redirect to its /error page.
// @see AWS Cognito Developer Guide, Authorize endpoint; RFC 6749 §3.1.2.2
import type { IncomingMessage, ServerResponse } from 'node:http'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createFaultCore, faultCodeFlowInput, type FaultCore } from '../helpers/fault-core'
import { expectPlainWords, failureOf } from '../helpers/fault-oracle'
import {
  isListening,
  metadataOf,
  releasedPort,
  sendJson,
  startFaultProvider,
  type FaultProvider,
} from '../helpers/fault-provider'
import { waitForRun } from '../helpers/run-events'

const CLIENT_ID = 'managedloginclient00000001'

describe("Cognito managed login's stand-in, one callback URL registered on a fixed port (#125)", () => {
  let core: FaultCore
  let managedLogin: FaultProvider
  let registered: URL

  beforeAll(async () => {
    core = createFaultCore()
    registered = new URL(`http://localhost:${await releasedPort()}/cb`)
    managedLogin = await startFaultProvider({
      'GET /.well-known/openid-configuration': (_req, res, provider) =>
        sendJson(res, {
          ...metadataOf(provider.issuer),
          authorization_endpoint: `${provider.issuer}/oauth2/authorize`,
        }),
      'GET /oauth2/authorize': (req, res) => authorize(req, res, registered),
    })
  })
  afterAll(async () => {
    await managedLogin.close()
  })

  it('refuses the free port at once, and says to use the fixed one the app client registered', async () => {
    const finished = await core.runs.start(faultCodeFlowInput(managedLogin.issuer, CLIENT_ID)).done

    expect(finished.status).toBe('failed')
    const failure = failureOf(finished)
    expect(failure?.code).toBe('OAUTH_REDIRECT_URI_REFUSED')
    expect(failure?.message).toMatch(
      /refuses the redirect URI http:\/\/127\.0\.0\.1:\d+\/callback: .*HTTP 302 with "error=redirect_mismatch"/,
    )
    expect(failure?.hint).toMatch(/port included, even on loopback/)
    expect(failure?.hint).toMatch(/Use a fixed port/)
    expect(failure?.hint).toMatch(/Redirect port field; --redirect-host and --port/)
    expectPlainWords(`${failure?.message} ${failure?.hint}`)
    const sent = new URL(String(finished.steps.find((s) => s.kind === 'browser')?.outputs.url))
    expect(await isListening(Number(new URL(sent.searchParams.get('redirect_uri')!).port))).toBe(
      false,
    )
  })

  it('with the fixed port it waits for the browser on exactly that URL, no refusal', async () => {
    const { run, done } = core.runs.start({
      ...faultCodeFlowInput(managedLogin.issuer, CLIENT_ID),
      redirect: { host: 'localhost', port: Number(registered.port), path: '/cb' },
    })
    const waiting = await waitForRun(core, run.id, (candidate) =>
      candidate.steps.some((step) => step.kind === 'callback' && step.status === 'waiting'),
    )
    const sent = new URL(String(waiting.steps.find((s) => s.kind === 'browser')?.outputs.url))
    expect(sent.searchParams.get('redirect_uri')).toBe(registered.href)
    expect(JSON.stringify(waiting)).not.toContain('OAUTH_REDIRECT_URI_REFUSED')
    expect(await isListening(Number(registered.port))).toBe(true)

    const cancelled = await core.runs.cancel(run.id)
    await done
    expect(cancelled.status).toBe('cancelled')
    expect(await isListening(Number(registered.port))).toBe(false)
  })
})

/** Cognito's answer: the sign-in page for a registered callback URL, its /error page otherwise. */
function authorize(req: IncomingMessage, res: ServerResponse, registered: URL): void {
  const asked = new URL(req.url ?? '/', 'http://stand-in')
  const redirectUri = asked.searchParams.get('redirect_uri')
  const clientId = asked.searchParams.get('client_id') ?? ''
  const location =
    redirectUri === registered.href
      ? `/login?${asked.searchParams}`
      : `/error?error=redirect_mismatch&client_id=${encodeURIComponent(clientId)}`
  res.writeHead(302, { location }).end()
}
