// Chooses the key that verifies a token and says how: a pasted key or secret, or a key from a
// set by kid or as the only key that fits. A remote set is fetched again once, and only once,
// when the token names a key it does not hold (key rotation).
// @see OpenID Connect Core 1.0 §10.1 and §10.1.1, RFC 7517 §5
import type { CryptoKey, FlattenedJWSInput, JWK } from 'jose'
import type { TokenCheck } from '../../../shared/token-report'
import { AfxError } from '../errors'
import { keyMismatch } from './alg-policy'
import { fail, pass, skip, warn } from './check-line'
import type { FetchJsonOptions } from './fetch-json'
import { importPublicJwk } from './import-public-jwk'
import { loadJwks } from './load-jwks'
import type { PastedKey } from './read-pasted-key'
import { selectJwk, type KeySelection } from './select-jwk'
import { describeError, verifyWithKey } from './verify-with-key'

const REF_KID = 'OIDC Core §10.1'

/** A key set to fetch (from a URL or found by discovery), or a key the user pasted. */
export type VerificationKey = { kind: 'remote'; jwksUri: string; label: string } | PastedKey

export type ChosenKey = { key: CryptoKey | Uint8Array; keySource: string; why: string }

/**
 * Chooses the key that should verify a token signed with `alg`, pushing one line that says how
 * (or why none could be chosen); null when there is none.
 * @see OpenID Connect Core 1.0 §10.1 and §10.1.1, RFC 7515 §4.1.4
 */
export async function chooseVerificationKey(
  key: VerificationKey,
  alg: string,
  kid: string | undefined,
  fetchOptions: FetchJsonOptions,
  jws: FlattenedJWSInput,
  checks: TokenCheck[],
): Promise<ChosenKey | null> {
  switch (key.kind) {
    case 'hmac':
      checks.push(skip('kid', 'An HMAC secret has no kid to match.', REF_KID))
      return { key: key.secret, keySource: key.label, why: `the ${key.label}` }
    case 'jwk':
      return choosePastedJwk(key.jwk, key.label, alg, kid, checks)
    case 'jwks':
      return chooseFromSet(
        key.keys,
        { label: key.label, published: false },
        alg,
        kid,
        jws,
        checks,
        '',
      )
    case 'remote':
      return chooseFromRemote(key, alg, kid, fetchOptions, jws, checks)
  }
}

async function choosePastedJwk(
  jwk: JWK,
  label: string,
  alg: string,
  kid: string | undefined,
  checks: TokenCheck[],
): Promise<ChosenKey | null> {
  const mismatch = keyMismatch(jwk, alg)
  if (mismatch !== null) {
    checks.push(
      fail(
        'kid',
        'TOKEN_ALG_KEY_MISMATCH',
        `The ${label} does not fit: ${mismatch}.`,
        'RFC 7517 §4',
      ),
    )
    return null
  }
  if (kid !== undefined && jwk.kid !== undefined && jwk.kid !== kid) {
    checks.push(
      warn(
        'kid',
        'TOKEN_KID_DIFFERS',
        `The header names kid ${kid}, the ${label} has kid ${jwk.kid}; it was tried anyway.`,
        REF_KID,
        {
          expected: kid,
          actual: jwk.kid,
        },
      ),
    )
  } else {
    checks.push(pass('kid', `Using the ${label}, which fits ${alg}.`, REF_KID))
  }
  return {
    key: await importPastedJwk(jwk, alg, label),
    keySource: withKid(label, jwk),
    why: `the ${label}`,
  }
}

async function chooseFromRemote(
  key: { jwksUri: string; label: string },
  alg: string,
  kid: string | undefined,
  fetchOptions: FetchJsonOptions,
  jws: FlattenedJWSInput,
  checks: TokenCheck[],
): Promise<ChosenKey | null> {
  const published = { label: key.label, published: true }
  const first = await loadJwks(key.jwksUri, fetchOptions)
  if (!first.ok) {
    checks.push(first.check)
    return null
  }
  checks.push(...first.warnings)
  const selection = selectJwk(first.keys, { alg, kid })
  if (selection.outcome !== 'kid_not_found' && selection.outcome !== 'none_applicable') {
    return chooseFromSet(first.keys, published, alg, kid, jws, checks, '', selection)
  }
  // OIDC Core §10.1.1: an unknown kid is how a signer announces a new key. Fetch once more, never
  // in a loop, so a token naming a key that does not exist cannot make us hammer the provider.
  const again = await loadJwks(key.jwksUri, fetchOptions)
  if (!again.ok) {
    checks.push(again.check)
    return null
  }
  const note = ` (the key set was fetched again once, because ${selection.outcome === 'kid_not_found' ? `kid ${selection.kid} was not in it` : 'no key in it fit'})`
  checks.push(...again.warnings)
  return chooseFromSet(again.keys, published, alg, kid, jws, checks, note)
}

async function chooseFromSet(
  keys: JWK[],
  set: { label: string; published: boolean },
  alg: string,
  kid: string | undefined,
  jws: FlattenedJWSInput,
  checks: TokenCheck[],
  note: string,
  selection: KeySelection = selectJwk(keys, { alg, kid }),
): Promise<ChosenKey | null> {
  const { label } = set
  switch (selection.outcome) {
    case 'selected': {
      checks.push(pass('kid', `Chose ${selection.why} from the ${label}${note}.`, REF_KID))
      const imported = await importFromSet(selection.jwk, alg, set, checks)
      if (imported === null) return null
      return {
        key: imported,
        keySource: withKid(label, selection.jwk),
        why: `${selection.why} from the ${label}`,
      }
    }
    case 'kid_not_found':
      checks.push(
        fail(
          'kid',
          'TOKEN_KID_NOT_FOUND',
          `The ${label} has no key with kid ${selection.kid}${note}.`,
          'OIDC Core §10.1.1',
          {
            expected: selection.kid,
            actual: `available: ${selection.availableKids.join(', ') || 'none'}`,
          },
        ),
      )
      return null
    case 'unfit':
      checks.push(
        fail(
          'kid',
          'TOKEN_ALG_KEY_MISMATCH',
          `In the ${label}, ${selection.why}.`,
          'RFC 7517 §4.4',
        ),
      )
      return null
    case 'none_applicable':
      checks.push(
        fail(
          'kid',
          'TOKEN_NO_APPLICABLE_KEY',
          `No key in the ${label} can verify ${alg}${note}: ${selection.why}.`,
          REF_KID,
        ),
      )
      return null
    case 'ambiguous':
      checks.push(
        fail(
          'kid',
          'TOKEN_KID_AMBIGUOUS',
          `The header has no kid and ${selection.candidates.length} keys in the ${label} fit ${alg}, so no key can be chosen; with several keys, a kid is required. ${await whichWouldVerify(selection.candidates, alg, jws)}`,
          REF_KID,
        ),
      )
      return null
  }
}

/** Teaching aid for the ambiguous case: the token is still refused, but say which key signed it. */
async function whichWouldVerify(
  candidates: JWK[],
  alg: string,
  jws: FlattenedJWSInput,
): Promise<string> {
  for (const [index, jwk] of candidates.entries()) {
    try {
      if ((await verifyWithKey(jws, await importPublicJwk(jwk, alg), alg)) === null) {
        return `(For reference: candidate ${index + 1} of ${candidates.length}${jwk.kid === undefined ? '' : `, kid ${jwk.kid}`}, would verify it.)`
      }
    } catch {
      // A candidate that cannot even be imported simply is not the one.
    }
  }
  return '(None of them verifies it either.)'
}

/** A broken key the provider publishes is a failed check; a broken key the user pasted is an error. */
async function importFromSet(
  jwk: JWK,
  alg: string,
  set: { label: string; published: boolean },
  checks: TokenCheck[],
): Promise<CryptoKey | Uint8Array | null> {
  try {
    return await importPublicJwk(jwk, alg)
  } catch (cause) {
    const message = `Key ${jwk.kid ?? '(no kid)'} in the ${set.label} could not be imported for ${alg}`
    if (!set.published) throw unreadableKey(message, cause)
    checks.push(
      fail('jwks', 'TOKEN_JWKS_INVALID', `${message}: ${describeError(cause)}.`, 'RFC 7518 §6'),
    )
    return null
  }
}

async function importPastedJwk(
  jwk: JWK,
  alg: string,
  label: string,
): Promise<CryptoKey | Uint8Array> {
  try {
    return await importPublicJwk(jwk, alg)
  } catch (cause) {
    throw unreadableKey(`The ${label} could not be imported for ${alg}`, cause)
  }
}

function unreadableKey(message: string, cause: unknown): AfxError {
  return new AfxError('TOKEN_KEY_UNREADABLE', `${message}.`, {
    hint: 'Check the key members: n and e for RSA, crv, x and y for EC, crv and x for OKP, k for oct.',
    ref: 'RFC 7518 §6',
    cause,
  })
}

function withKid(label: string, jwk: JWK): string {
  return jwk.kid === undefined ? label : `${label}, kid ${jwk.kid}`
}
