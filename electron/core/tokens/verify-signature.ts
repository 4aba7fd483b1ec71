// Verifies a JWS signature with jose and explains each decision on the way: which algorithm is
// allowed, which key was chosen (by kid, as the only key, or not at all), whether the key set
// was fetched again for a rotated key, and why `none` or HMAC-with-a-public-key are refused.
// @see RFC 7515 §5.2, RFC 8725 §3.1, OpenID Connect Core 1.0 §3.1.3.7 steps 6–8 and §10.1
import type { FlattenedJWSInput } from 'jose'
import type { SignatureReport, TokenCheck } from '../../../shared/token-report'
import { isHmacAlg, isSupportedAlg } from './alg-policy'
import { fail, pass, skip } from './check-line'
import { chooseVerificationKey, type VerificationKey } from './choose-verification-key'
import type { FetchJsonOptions } from './fetch-json'
import { verifyWithKey } from './verify-with-key'

const REF_ALG = 'RFC 8725 §3.1'
const REF_SIG = 'OIDC Core §3.1.3.7 step 6'

/** The algorithms a provider allows and where that list came from, in words. */
export type AllowedAlgs = { algs: string[]; source: string }

export type SignatureVerdict = { signature: SignatureReport; checks: TokenCheck[] }

/**
 * Verifies the signature of a flattened JWS with `key`, re-fetching a remote key set once when
 * the token names a key it does not hold (key rotation).
 * @see RFC 7515 §5.2 (validation), OpenID Connect Core 1.0 §10.1.1 (rotation), RFC 8725 §2.1
 */
export async function verifySignature(
  jws: FlattenedJWSInput,
  header: Record<string, unknown>,
  key: VerificationKey,
  options: { fetch: FetchJsonOptions; allowedAlgs?: AllowedAlgs | undefined },
): Promise<SignatureVerdict> {
  const checks: TokenCheck[] = key.kind === 'remote' ? [] : [...key.warnings]
  const alg = typeof header.alg === 'string' ? header.alg : undefined
  const algProblem = checkAlg(alg, key, options.allowedAlgs)
  checks.push(algProblem.check)
  if (alg === undefined || algProblem.check.status === 'fail') {
    return {
      signature: {
        status: algProblem.status,
        ...(alg === undefined ? {} : { alg }),
        explanation: algProblem.check.message,
      },
      checks: [
        ...checks,
        skip(
          'signature',
          `Not verified: the algorithm ${algProblem.status === 'unsupported' ? 'is not supported here' : 'was refused'}.`,
          REF_SIG,
        ),
      ],
    }
  }
  const kid = typeof header.kid === 'string' ? header.kid : undefined
  const chosen = await chooseVerificationKey(key, alg, kid, options.fetch, jws, checks)
  if (chosen === null) {
    const last = checks.at(-1)
    return {
      signature: {
        status: 'not_checked',
        alg,
        explanation: `Not verified: ${lowerFirst(last?.message ?? 'no key was found.')}`,
      },
      checks: [...checks, skip('signature', 'Not verified: no key could be chosen.', REF_SIG)],
    }
  }
  const outcome = await verifyWithKey(jws, chosen.key, alg)
  if (outcome === null) {
    checks.push(pass('signature', `The ${alg} signature verifies with ${chosen.why}.`, REF_SIG))
    return {
      signature: {
        status: 'valid',
        alg,
        keySource: chosen.keySource,
        explanation: `The ${alg} signature verifies with ${chosen.why}.`,
      },
      checks,
    }
  }
  checks.push(fail('signature', outcome.code, outcome.message, REF_SIG))
  return {
    signature: {
      status: 'invalid',
      alg,
      keySource: chosen.keySource,
      explanation: outcome.message,
    },
    checks,
  }
}

// --- Algorithm ---

/**
 * The line for an unsecured JWT (`alg: none`), refused whatever key was given.
 * @see OpenID Connect Core 1.0 §2 (ID tokens MUST be signed), RFC 8725 §3.1
 */
export function refuseUnsecured(): TokenCheck {
  return fail(
    'alg',
    'TOKEN_ALG_NONE',
    'The token is unsecured (alg "none"): it has no signature, so anyone could have written it. Refused; OpenID Connect allows it only for a code-flow client registered for "none".',
    'OIDC Core §2',
  )
}

function checkAlg(
  alg: string | undefined,
  key: VerificationKey,
  allowed: AllowedAlgs | undefined,
): { check: TokenCheck; status: SignatureReport['status'] } {
  if (alg === undefined) {
    return refused(
      'TOKEN_ALG_MISSING',
      'The header has no "alg", so nothing says how it was signed.',
      'RFC 7515 §4.1.1',
    )
  }
  if (alg === 'none') return { check: refuseUnsecured(), status: 'invalid' }
  if (!isSupportedAlg(alg)) {
    return {
      check: fail(
        'alg',
        'TOKEN_ALG_UNSUPPORTED',
        `${alg} is not a signing algorithm this inspector can verify.`,
        'RFC 7518 §3.1',
      ),
      status: 'unsupported',
    }
  }
  if (isHmacAlg(alg) && !holdsSecret(key)) {
    return refused(
      'TOKEN_ALG_CONFUSION',
      `The token says ${alg} (a shared secret), but the key given is a public key. Using a public key as an HMAC secret lets anyone forge tokens (algorithm confusion). Refused.`,
    )
  }
  if (!isHmacAlg(alg) && key.kind === 'hmac') {
    return refused(
      'TOKEN_ALG_KEY_MISMATCH',
      `An HMAC secret verifies only HS256, HS384 and HS512; this token says ${alg}, which needs the issuer's public key.`,
      'RFC 7518 §3.1',
    )
  }
  if (allowed !== undefined && !allowed.algs.includes(alg)) {
    return refused(
      'TOKEN_ALG_NOT_ALLOWED',
      `${alg} is not allowed by ${allowed.source}.`,
      'OIDC Core §3.1.3.7 step 7',
      {
        expected: allowed.algs.join(', '),
        actual: alg,
      },
    )
  }
  const why =
    allowed === undefined ? 'the key decides the rest' : `it is allowed by ${allowed.source}`
  return {
    check: pass('alg', `${alg} is a signing algorithm, not "none"; ${why}.`, REF_ALG),
    status: 'valid',
  }
}

/** A refused algorithm: the signature is invalid whatever the key says. */
function refused(
  code: Parameters<typeof fail>[1],
  message: string,
  ref = REF_ALG,
  extra = {},
): { check: TokenCheck; status: 'invalid' } {
  return { check: fail('alg', code, message, ref, extra), status: 'invalid' }
}

function holdsSecret(key: VerificationKey): boolean {
  if (key.kind === 'hmac') return true
  if (key.kind === 'jwk') return key.jwk.kty === 'oct'
  // A published key set never holds shared secrets; a pasted one may.
  return key.kind === 'jwks' && key.keys.some((jwk) => jwk.kty === 'oct')
}

/** "The key…" → "the key…", but "GET http://…" and "JWKS …" keep their capitals. */
function lowerFirst(text: string): string {
  return /^[A-Z][a-z]/.test(text) ? text.charAt(0).toLowerCase() + text.slice(1) : text
}
