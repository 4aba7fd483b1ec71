// private_key_jwt: before each request to the token endpoint, the client signs a short-lived JWT
// with its private key and sends it as client_assertion. The signing is a step of its own, with
// the header and claims decoded; the signature (with which the assertion could be replayed) stays
// a secret, and so does every part of the key.
// @see RFC 7523 §2.2 and §3, OpenID Connect Core 1.0 §9
import * as oidc from 'openid-client'
import type { Diagnostic } from '../../../shared/run-model'
import { AfxError } from '../errors'
import type { RunContext } from '../runs/run-context'
import { decodeJwt } from '../tokens/decode-jwt'
import { readPrivateKeyJwk, type ClientPrivateKey } from './read-private-key-jwk'

const REF_DISCOVERY = 'OpenID Connect Discovery 1.0 §3'

/**
 * Reads the client's private JWK (a secret of the run from here on) and returns the client
 * authentication that signs an assertion with it for every token endpoint request.
 * @see RFC 7523 §2.2, OpenID Connect Core 1.0 §9
 */
export async function privateKeyJwtAuth(
  ctx: RunContext,
  privateKeyJwk: string | undefined,
): Promise<oidc.ClientAuth> {
  if (!privateKeyJwk) {
    throw new AfxError(
      'RUN_INPUT_MISSING',
      "private_key_jwt needs the client's private key (JWK).",
      {
        hint: 'Give it in "Private key (JWK)" (afx: --private-key FILE), or generate a key pair and register its public key with the provider.',
        ref: 'RFC 7523 §2.2',
      },
    )
  }
  ctx.secrets.add(privateKeyJwk, 'private_key')
  const key = await readPrivateKeyJwk(privateKeyJwk)
  for (const value of key.privateValues) ctx.secrets.add(value, 'private_key')
  return signedAssertion(ctx, key)
}

function signedAssertion(ctx: RunContext, key: ClientPrivateKey): oidc.ClientAuth {
  const sign = oidc.PrivateKeyJwt(
    key.kid === undefined ? key.key : { key: key.key, kid: key.kid },
    {
      // oauth4webapi names an Ed25519 key's algorithm "Ed25519"; a key for EdDSA is signed as such.
      [oidc.modifyAssertion]: (header) => {
        header.alg = key.alg
      },
    },
  )
  let checked = false
  return async (as, client, body, headers) => {
    if (!checked) {
      checkProviderAccepts(ctx, as, key.alg)
      checked = true
    }
    await ctx.compute(
      { title: 'Sign the client assertion (private_key_jwt)', explain: 'oauth.client-assertion' },
      { alg: key.alg, kid: key.kid ?? '(none)', client_id: client.client_id, aud: as.issuer },
      async () => {
        await sign(as, client, body, headers)
        return body.get('client_assertion') ?? ''
      },
      (assertion) => describeAssertion(ctx, assertion),
    )
  }
}

/** The assertion as a person reads it: header and claims decoded, the signature a secret. */
function describeAssertion(ctx: RunContext, assertion: string): Record<string, unknown> {
  ctx.secrets.add(assertion, 'client_assertion')
  const decoded = decodeJwt(assertion)
  if (decoded.kind !== 'jws') return {}
  return {
    client_assertion_type: 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer',
    header: decoded.header,
    claims: decoded.payload,
    signature: ctx.secrets.add(assertion.slice(assertion.lastIndexOf('.') + 1), 'signature'),
  }
}

/**
 * Warns, before the first assertion is sent, when the provider's metadata does not list
 * private_key_jwt or the key's algorithm for its token endpoint: it would answer invalid_client.
 * @see OpenID Connect Discovery 1.0 §3, RFC 8414 §2
 */
function checkProviderAccepts(ctx: RunContext, as: oidc.ServerMetadata, alg: string): void {
  const methods = as.token_endpoint_auth_methods_supported
  const algs = as.token_endpoint_auth_signing_alg_values_supported
  const diagnostics: Diagnostic[] = []
  if (methods && !methods.includes('private_key_jwt')) {
    diagnostics.push({
      code: 'OAUTH_AUTH_METHOD_NOT_LISTED',
      severity: 'warning',
      message:
        'The provider does not list private_key_jwt among the ways its token endpoint authenticates clients (token_endpoint_auth_methods_supported).',
      hint: 'Expect invalid_client, unless the client is registered for private_key_jwt anyway.',
      ref: REF_DISCOVERY,
      expected: 'private_key_jwt',
      actual: methods.join(', '),
    })
  }
  if (algs && !algs.includes(alg)) {
    diagnostics.push({
      code: 'OAUTH_ASSERTION_ALG_NOT_LISTED',
      severity: 'warning',
      message: `The provider does not list ${alg} among the algorithms it accepts for client assertions (token_endpoint_auth_signing_alg_values_supported).`,
      hint: `Expect invalid_client. Use a key for one of ${algs.join(', ')}.`,
      ref: REF_DISCOVERY,
      expected: algs.join(', '),
      actual: alg,
    })
  }
  ctx.check(
    {
      title: `Check the provider accepts ${alg} client assertions`,
      explain: 'oauth.client-assertion-alg',
    },
    diagnostics,
    {
      alg,
      token_endpoint_auth_signing_alg_values_supported: algs ?? 'not published',
    },
  )
}
