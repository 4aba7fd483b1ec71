// The checks that bind an ID token to what travelled with it: at_hash to the access token,
// c_hash to the authorization code, s_hash to the state. Required or optional by flow.
// @see OpenID Connect Core 1.0 §3.1.3.8, §3.2.2.9–10, §3.3.2.9–11; FAPI 1.0 Advanced §5.1
import type { TokenCheck } from '../../../shared/token-report'
import { fail, pass, skip, warn } from './check-line'
import type { ClaimContext } from './claim-context'
import { computeTokenHash } from './token-hashes'

type HashRule = {
  id: 'at_hash' | 'c_hash' | 's_hash'
  value: string | undefined
  what: string
  required: boolean
  ref: string
  missing: 'TOKEN_AT_HASH_MISSING' | 'TOKEN_C_HASH_MISSING' | null
  mismatch: 'TOKEN_AT_HASH_MISMATCH' | 'TOKEN_C_HASH_MISMATCH' | 'TOKEN_S_HASH_MISMATCH'
}

/**
 * `at_hash` binds the access token that came with the ID token; required when both came from the
 * authorization endpoint (`id_token token`, `code id_token token`).
 * @see OpenID Connect Core 1.0 §3.1.3.8, §3.2.2.9, §3.2.2.10, §3.3.2.9, §3.3.2.11
 */
export function checkAccessTokenHash(ctx: ClaimContext): TokenCheck | null {
  const { flow, accessToken } = ctx.expect
  const ref =
    flow === 'implicit'
      ? 'OIDC Core §3.2.2.9'
      : flow === 'hybrid'
        ? 'OIDC Core §3.3.2.9'
        : 'OIDC Core §3.1.3.8'
  return checkHash(ctx, {
    id: 'at_hash',
    value: accessToken,
    what: 'access token',
    required: accessToken !== undefined && (flow === 'implicit' || flow === 'hybrid'),
    ref,
    missing: 'TOKEN_AT_HASH_MISSING',
    mismatch: 'TOKEN_AT_HASH_MISMATCH',
  })
}

/**
 * `c_hash` binds the authorization code that came with the ID token; required in the hybrid flow.
 * @see OpenID Connect Core 1.0 §3.3.2.10, §3.3.2.11
 */
export function checkCodeHash(ctx: ClaimContext): TokenCheck | null {
  const { flow, code } = ctx.expect
  return checkHash(ctx, {
    id: 'c_hash',
    value: code,
    what: 'authorization code',
    required: code !== undefined && flow === 'hybrid',
    ref: 'OIDC Core §3.3.2.10',
    missing: 'TOKEN_C_HASH_MISSING',
    mismatch: 'TOKEN_C_HASH_MISMATCH',
  })
}

/**
 * `s_hash` binds the `state` of the request (an ID token used as a detached signature).
 * @see FAPI 1.0 Advanced §5.1 https://openid.net/specs/openid-financial-api-part-2-1_0.html#id-token-as-detached-signature
 */
export function checkStateHash(ctx: ClaimContext): TokenCheck | null {
  return checkHash(ctx, {
    id: 's_hash',
    value: ctx.expect.state,
    what: 'state',
    required: false,
    ref: 'FAPI 1.0 Advanced §5.1',
    missing: null,
    mismatch: 'TOKEN_S_HASH_MISMATCH',
  })
}

function checkHash(ctx: ClaimContext, rule: HashRule): TokenCheck | null {
  const claim = ctx.payload[rule.id]
  if (rule.value === undefined) {
    return claim === undefined
      ? null
      : skip(rule.id, `The token carries ${rule.id}; give the ${rule.what} to check it.`, rule.ref)
  }
  if (typeof claim !== 'string') {
    return rule.required && rule.missing !== null
      ? fail(
          rule.id,
          rule.missing,
          `The token has no ${rule.id}, so nothing binds the ${rule.what} to it; this flow requires one.`,
          rule.ref,
        )
      : skip(rule.id, `The token has no ${rule.id}; it is optional here.`, rule.ref)
  }
  const alg = typeof ctx.header.alg === 'string' ? ctx.header.alg : ''
  const expected = computeTokenHash(rule.value, alg)
  if (expected === null) {
    return warn(
      rule.id,
      'TOKEN_HASH_ALG_UNSUPPORTED',
      `No hash function is defined for alg ${JSON.stringify(alg)}, so ${rule.id} cannot be checked.`,
      rule.ref,
    )
  }
  if (claim !== expected) {
    return fail(
      rule.id,
      rule.mismatch,
      `${rule.id} does not match the ${rule.what} given (left half of its ${alg} hash): the two were not issued together.`,
      rule.ref,
    )
  }
  return pass(rule.id, `${rule.id} matches the ${rule.what} given.`, rule.ref)
}
