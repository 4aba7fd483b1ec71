// A flow that already fetched the provider's metadata (its discovery step) hands it to the
// inspector: only the key set is fetched, and the metadata passes the same checks as fetched one.
import { describe, expect, it } from 'vitest'
import { inspectToken } from '../../../electron/core/tokens/inspect-token'
import {
  CLIENT_ID,
  ISSUER,
  JWKS_URL,
  checkOf,
  createFakeFetch,
  createSigner,
  discoveryDocument,
  idTokenClaims,
  now,
  sign,
} from './token-test-kit'

const expectations = { kind: 'id_token', issuer: ISSUER, clientId: CLIENT_ID } as const

describe('inspecting with the issuer metadata the caller holds', () => {
  it('fetches the key set only, not the discovery document, and says where the metadata came from', async () => {
    const signer = await createSigner('RS256')
    const token = await sign(signer, idTokenClaims('RS256'))
    const network = createFakeFetch({ [JWKS_URL]: [{ body: { keys: [signer.jwk] } }] })

    const report = await inspectToken(
      { token, expect: expectations, key: { kind: 'issuer' } },
      { now, fetch: network.fetch, issuerMetadata: discoveryDocument() },
    )

    network.assertDone() // a discovery request would be unexpected, and fail here
    expect(report.signature.status).toBe('valid')
    expect(checkOf(report, 'discovery')).toMatchObject({ status: 'pass' })
    expect(checkOf(report, 'discovery').message).toMatch(
      /already holds .* instead of fetching it again; its keys are at https:\/\/op\.example\.test\/jwks\.json/,
    )
  })

  it('still refuses metadata naming another issuer, and fetches no keys', async () => {
    const signer = await createSigner('RS256')
    const token = await sign(signer, idTokenClaims('RS256'))
    const network = createFakeFetch({})

    const report = await inspectToken(
      { token, expect: expectations, key: { kind: 'issuer' } },
      {
        now,
        fetch: network.fetch,
        issuerMetadata: { ...discoveryDocument(), issuer: 'https://elsewhere.example.test' },
      },
    )

    network.assertDone()
    expect(report.signature.status).toBe('not_checked')
    expect(checkOf(report, 'discovery')).toMatchObject({
      status: 'fail',
      code: 'TOKEN_DISCOVERY_ISSUER_MISMATCH',
      expected: ISSUER,
      actual: 'https://elsewhere.example.test',
    })
  })

  it('applies the ID token algorithms the held metadata allows', async () => {
    const signer = await createSigner('ES256')
    const token = await sign(signer, idTokenClaims('ES256'))
    const network = createFakeFetch({})

    const report = await inspectToken(
      { token, expect: expectations, key: { kind: 'issuer' } },
      { now, fetch: network.fetch, issuerMetadata: discoveryDocument(['RS256']) },
    )

    network.assertDone() // refused on the algorithm, before any key is fetched
    expect(checkOf(report, 'alg')).toMatchObject({
      status: 'fail',
      code: 'TOKEN_ALG_NOT_ALLOWED',
      actual: 'ES256',
    })
  })
})
