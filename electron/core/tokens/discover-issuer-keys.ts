// Finds an issuer's signing keys: issuer → /.well-known/openid-configuration → jwks_uri, with the
// rule that the metadata's `issuer` is exactly the URL it was fetched for. Metadata a flow already
// fetched is read by the same rules instead of being fetched twice.
// @see OpenID Connect Discovery 1.0 §4 and §4.3
import type { TokenCheck } from '../../../shared/token-report'
import { differenceNote, fail, pass, shown } from './check-line'
import { fetchJson, type FetchJsonOptions } from './fetch-json'

const REF = 'OIDC Discovery §4.3'

export type IssuerKeys =
  | {
      ok: true
      issuer: string
      jwksUri: string
      /** `id_token_signing_alg_values_supported`, when the provider lists it. */
      idTokenSigningAlgs: string[] | undefined
      check: TokenCheck
    }
  | { ok: false; check: TokenCheck }

/**
 * The URL of an issuer's metadata: any trailing "/" removed, then the well-known suffix appended.
 * @see OpenID Connect Discovery 1.0 §4 https://openid.net/specs/openid-connect-discovery-1_0.html#ProviderConfig
 */
export function discoveryUrlOf(issuer: string): string {
  return `${issuer.replace(/\/$/, '')}/.well-known/openid-configuration`
}

/**
 * Fetches the issuer's metadata and returns its `jwks_uri` and ID-token signing algorithms.
 * @see OpenID Connect Discovery 1.0 §4.3 https://openid.net/specs/openid-connect-discovery-1_0.html#ProviderConfigurationValidation
 */
export async function discoverIssuerKeys(
  issuer: string,
  options: FetchJsonOptions,
): Promise<IssuerKeys> {
  const url = discoveryUrlOf(issuer)
  const fetched = await fetchJson(url, options)
  if (!fetched.ok) {
    const code =
      fetched.problem === 'insecure'
        ? 'TOKEN_INSECURE_URL'
        : fetched.problem === 'not_json'
          ? 'TOKEN_DISCOVERY_NOT_JSON'
          : 'TOKEN_DISCOVERY_FETCH_FAILED'
    return { ok: false, check: fail('discovery', code, fetched.message, 'OIDC Discovery §4') }
  }
  return readIssuerKeys(issuer, fetched.value, {
    where: `The metadata at ${url}`,
    found: `Found the metadata of ${issuer}`,
  })
}

/**
 * The same reading of metadata a caller already holds (a flow's discovery step, or endpoints
 * typed by hand), so it is not fetched a second time; it passes the same checks.
 * @see OpenID Connect Discovery 1.0 §4.3
 */
export function readHeldIssuerKeys(issuer: string, metadata: unknown): IssuerKeys {
  return readIssuerKeys(issuer, metadata, {
    where: 'The provider metadata this run holds',
    found: `Used the metadata of ${issuer} this run already holds (its discovery step, or the endpoints given by hand) instead of fetching it again`,
  })
}

function readIssuerKeys(
  issuer: string,
  metadata: unknown,
  words: { where: string; found: string },
): IssuerKeys {
  const { where } = words
  if (typeof metadata !== 'object' || metadata === null || Array.isArray(metadata)) {
    return invalid(`${where} is JSON, but not a JSON object.`)
  }
  const record = metadata as Record<string, unknown>
  if (record.issuer !== issuer) {
    return {
      ok: false,
      check: fail(
        'discovery',
        'TOKEN_DISCOVERY_ISSUER_MISMATCH',
        `${where} names ${typeof record.issuer === 'string' ? 'a different issuer' : 'no issuer'}${differenceNote(issuer, record.issuer)}; metadata for another issuer must not be used.`,
        REF,
        { expected: issuer, actual: shown(record.issuer) },
      ),
    }
  }
  if (typeof record.jwks_uri !== 'string') {
    return invalid(`${where} has no jwks_uri, so it publishes no signing keys.`)
  }
  const algs = record.id_token_signing_alg_values_supported
  const idTokenSigningAlgs =
    Array.isArray(algs) && algs.every((alg) => typeof alg === 'string') ? algs : undefined
  return {
    ok: true,
    issuer,
    jwksUri: record.jwks_uri,
    idTokenSigningAlgs,
    check: pass('discovery', `${words.found}; its keys are at ${record.jwks_uri}.`, REF),
  }
}

function invalid(message: string): IssuerKeys {
  return {
    ok: false,
    check: fail('discovery', 'TOKEN_DISCOVERY_INVALID', message, 'OIDC Discovery §3'),
  }
}
