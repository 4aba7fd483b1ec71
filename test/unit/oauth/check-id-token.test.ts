// The ID token check of a flow records every request it makes as a step: handed the metadata the
// flow's discovery step already fetched, it asks for the provider's keys only, once per run.
import { describe, expect, it } from 'vitest'
import { verifyIdToken } from '../../../electron/core/oauth/check-id-token'
import { RunContext } from '../../../electron/core/runs/run-context'
import { RunRecorder } from '../../../electron/core/runs/run-recorder'
import { SecretBox } from '../../../electron/core/runs/secret-box'
import {
  CLIENT_ID,
  DISCOVERY_URL,
  ISSUER,
  JWKS_URL,
  createFakeFetch,
  createSigner,
  discoveryDocument,
  idTokenClaims,
  now,
  sign,
} from '../tokens/token-test-kit'

/** A run context in auto mode over `fetch`, and a way to read what it recorded. */
function recordingContext(network: typeof fetch) {
  const secrets = new SecretBox()
  const created = new Date(now()).toISOString()
  const recorder = new RunRecorder(
    {
      id: 'run-check-id-token',
      flow: 'code',
      title: 'test',
      mode: 'auto',
      status: 'running',
      createdAt: created,
      updatedAt: created,
      steps: [],
      tokens: [],
      diagnostics: [],
      origin: 'live',
    },
    secrets,
    () => {},
    now,
  )
  const ctx = new RunContext({
    mode: 'auto',
    recorder,
    secrets,
    signal: new AbortController().signal,
    fetch: network,
    openBrowser: () => undefined,
    httpTimeoutMs: 2_000,
    maxResponseBytes: 1_000_000,
  })
  return { ctx, steps: () => recorder.snapshot().steps }
}

describe('verifyIdToken', () => {
  it('with the metadata the flow holds: one request, for the keys, then the check step', async () => {
    const signer = await createSigner('RS256')
    const token = await sign(signer, { ...idTokenClaims('RS256'), c_hash: undefined })
    const network = createFakeFetch({ [JWKS_URL]: [{ body: { keys: [signer.jwk] } }] })
    const { ctx, steps } = recordingContext(network.fetch)

    const failures = await verifyIdToken(ctx, token, {
      issuer: ISSUER,
      clientId: CLIENT_ID,
      flow: 'code',
      checkedAtMs: now(),
      metadata: discoveryDocument(),
    })

    network.assertDone()
    expect(failures).toEqual([])
    expect(
      steps().map((step) => `${step.kind} ${step.exchange?.request.url ?? step.title}`),
    ).toEqual([`http ${JWKS_URL}`, 'check Verify the ID token: signature and every claim'])
  })

  it('with endpoints typed by hand and no jwks_uri: discovers the keys as before', async () => {
    const signer = await createSigner('RS256')
    const token = await sign(signer, { ...idTokenClaims('RS256'), c_hash: undefined })
    const network = createFakeFetch({
      [DISCOVERY_URL]: [{ body: discoveryDocument() }],
      [JWKS_URL]: [{ body: { keys: [signer.jwk] } }],
    })
    const { ctx, steps } = recordingContext(network.fetch)

    const failures = await verifyIdToken(ctx, token, {
      issuer: ISSUER,
      clientId: CLIENT_ID,
      flow: 'code',
      checkedAtMs: now(),
      metadata: { issuer: ISSUER, token_endpoint: `${ISSUER}/token` },
    })

    network.assertDone()
    expect(failures).toEqual([])
    expect(steps().filter((step) => step.kind === 'http')).toHaveLength(2)
  })
})
