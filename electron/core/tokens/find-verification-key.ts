// Where the verification key comes from: the issuer's keys by discovery (or from metadata the
// caller holds), a JWKS URL, or a key the user pasted; with the ID-token algorithms the provider
// allows, when it lists them.
// @see OpenID Connect Discovery 1.0 §4, §4.3; OpenID Connect Core 1.0 §3.1.3.7 step 7
import type { SignatureReport, TokenCheck } from '../../../shared/token-report'
import { fail, skip } from './check-line'
import type { VerificationKey } from './choose-verification-key'
import { discoverIssuerKeys, readHeldIssuerKeys } from './discover-issuer-keys'
import type { TokenTypeGuess } from './guess-token-type'
import type { InspectContext } from './inspect-context'
import { readPastedKey } from './read-pasted-key'
import type { AllowedAlgs, SignatureVerdict } from './verify-signature'

export type FoundKey = {
  key: VerificationKey
  allowedAlgs?: AllowedAlgs | undefined
  /** Lines about how the key was found (discovery), shown before the signature's own. */
  checks?: TokenCheck[]
}

/**
 * Turns the caller's key choice into a key to verify with (discovering the issuer's key set when
 * asked), or into the verdict of why there is none.
 * @see OpenID Connect Discovery 1.0 §4, OpenID Connect Core 1.0 §3.1.3.7 steps 6–8
 */
export async function findVerificationKey(
  payload: Record<string, unknown>,
  guess: TokenTypeGuess,
  ctx: InspectContext,
): Promise<FoundKey | SignatureVerdict> {
  const { key, expect } = ctx.input
  switch (key?.kind) {
    case undefined:
      return notChecked(
        skip(
          'signature',
          "Not verified: no key was given. Choose the issuer's keys, a JWKS URL, a pasted key or an HMAC secret.",
          'OIDC Core §3.1.3.7 step 6',
        ),
      )
    case 'jwks_url':
      return { key: { kind: 'remote', jwksUri: key.url, label: `JWKS of ${key.url}` } }
    case 'jwk':
    case 'pem':
    case 'hmac':
      return { key: readPastedKey(key) }
    case 'issuer': {
      // The expected issuer is trusted; the token's own `iss` only says who claims to have signed.
      const issuer = expect.issuer ?? (typeof payload.iss === 'string' ? payload.iss : undefined)
      if (issuer === undefined) {
        return notChecked(
          fail(
            'discovery',
            'TOKEN_NO_ISSUER',
            'No issuer to find keys for: the token has no iss and none was given. Give the issuer or a JWKS URL.',
            'OIDC Discovery §4',
          ),
        )
      }
      const discovered =
        ctx.issuerMetadata === undefined
          ? await discoverIssuerKeys(issuer, ctx.fetch)
          : readHeldIssuerKeys(issuer, ctx.issuerMetadata)
      if (!discovered.ok) return notChecked(discovered.check)
      const fromToken =
        expect.issuer === undefined
          ? ' The issuer came from the token itself: a valid signature proves who signed it, not that you trust them.'
          : ''
      const isIdToken = guess.checkedAs === 'id_token' || guess.checkedAs === 'cognito_id'
      return {
        key: {
          kind: 'remote',
          jwksUri: discovered.jwksUri,
          label: `JWKS of ${discovered.jwksUri}`,
        },
        allowedAlgs:
          isIdToken && discovered.idTokenSigningAlgs !== undefined
            ? {
                algs: discovered.idTokenSigningAlgs,
                source: `id_token_signing_alg_values_supported of ${issuer}`,
              }
            : undefined,
        checks: [{ ...discovered.check, message: discovered.check.message + fromToken }],
      }
    }
  }
}

function notChecked(check: TokenCheck): SignatureVerdict {
  const signature: SignatureReport = { status: 'not_checked', explanation: check.message }
  return { signature, checks: [check] }
}
