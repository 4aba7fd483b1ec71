// The token inspector: reads anything token-shaped, decrypts it when it can, verifies its
// signature, checks its claims by the rules of its kind, explains every claim and names known
// pitfalls. A bad token is a report with failed checks; only unusable input is an error.
// @see OpenID Connect Core 1.0 §3.1.3.7, RFC 7519 §7.2, RFC 9068 §4
import { z } from 'zod'
import { InspectTokenInput, type TokenCheck, type TokenReport } from '../../../shared/token-report'
import { AfxError } from '../errors'
import { checkClaimsAs } from './check-claims-as'
import { fail, pass, skip, warn } from './check-line'
import { describeClaims } from './describe-claims'
import { findVerificationKey } from './find-verification-key'
import { guessTokenType, type TokenTypeGuess } from './guess-token-type'
import { claimContextOf, type InspectContext } from './inspect-context'
import { inspectEncryptedToken } from './inspect-encrypted-token'
import { readToken, type ReadToken } from './read-token'
import { diagnosePitfalls } from './token-pitfalls'
import { refuseUnsecured, verifySignature, type SignatureVerdict } from './verify-signature'

export type InspectTokenDeps = {
  /** Every request (discovery, JWKS) goes through this; tests pass a fake. */
  fetch?: typeof fetch
  /** Milliseconds since 1970, as Date.now. */
  now?: () => number
  /**
   * With a key of kind `issuer`: the issuer's discovery metadata the caller already holds (a
   * flow's discovery step), so only the key set is fetched. It is checked like fetched metadata.
   */
  issuerMetadata?: Readonly<Record<string, unknown>> | undefined
}

type Jws = Extract<ReadToken, { kind: 'jws' }>

/**
 * Inspects a token: decoded view, signature verdict, one line per validation step, the claims
 * explained and the pitfalls found. Never throws for a bad token.
 * @see OpenID Connect Core 1.0 §3.1.3.7, RFC 9068 §4, RFC 7519 §7.2
 */
export async function inspectToken(
  input: InspectTokenInput,
  deps: InspectTokenDeps = {},
): Promise<TokenReport> {
  const parsed = InspectTokenInput.safeParse(input)
  if (!parsed.success) {
    throw new AfxError('TOKEN_INPUT_INVALID', z.prettifyError(parsed.error), {
      hint: 'Give the token as text, and the expectations and key in the documented shape.',
    })
  }
  const ctx: InspectContext = {
    input: parsed.data,
    nowMs: (deps.now ?? Date.now)(),
    fetch: { fetch: deps.fetch ?? globalThis.fetch },
    issuerMetadata: deps.issuerMetadata,
  }
  const read = readToken(parsed.data.token)
  switch (read.kind) {
    case 'opaque':
      return opaqueReport(ctx)
    case 'malformed':
      return emptyReport('malformed', fail('format', read.code, read.message, read.ref))
    case 'jwe':
      return inspectEncryptedToken(read, ctx)
    case 'jws':
      return inspectJws(read, ctx)
  }
}

// --- Signed tokens ---

async function inspectJws(read: Jws, ctx: InspectContext): Promise<TokenReport> {
  const { header, payload } = read
  const guess = guessTokenType(header, payload, ctx.input.expect.kind)
  const unsecured = header.alg === 'none'
  const verdict: SignatureVerdict = unsecured
    ? {
        signature: { status: 'invalid', alg: 'none', explanation: refuseUnsecured().message },
        checks: [refuseUnsecured()],
      }
    : await verify(read, guess, ctx)
  return {
    kind: unsecured ? 'unsecured' : 'jws',
    serialization: read.serialization,
    header,
    payload,
    tokenType: guess,
    signature: verdict.signature,
    checks: [
      ...serializationChecks(read),
      ...verdict.checks,
      ...checkClaimsAs(guess.checkedAs, claimContextOf(header, payload, ctx)),
    ],
    claims: describeClaims(payload, ctx.nowMs),
    pitfalls: diagnosePitfalls(guess, payload, ctx.input.expect),
  }
}

async function verify(
  read: Jws,
  guess: TokenTypeGuess,
  ctx: InspectContext,
): Promise<SignatureVerdict> {
  const found = await findVerificationKey(read.payload, guess, ctx)
  if ('signature' in found) return found
  const verdict = await verifySignature(read.jws, read.header, found.key, {
    fetch: ctx.fetch,
    allowedAlgs: found.allowedAlgs,
  })
  return { ...verdict, checks: [...(found.checks ?? []), ...verdict.checks] }
}

function serializationChecks(read: Jws): TokenCheck[] {
  if (read.serialization === 'compact') return []
  const ref = 'RFC 7515 §7.2'
  const form = read.serialization === 'json_general' ? 'general' : 'flattened'
  if (read.signatureCount > 1) {
    return [
      warn(
        'format',
        'TOKEN_EXTRA_SIGNATURES_IGNORED',
        `A JWS in JSON serialisation (${form}) with ${read.signatureCount} signatures; only the first is checked.`,
        ref,
      ),
    ]
  }
  return [pass('format', `A JWS in JSON serialisation (${form}).`, ref)]
}

// --- Tokens with nothing to read ---

function opaqueReport(ctx: InspectContext): TokenReport {
  const ref = 'RFC 7662 §2'
  const check =
    ctx.input.expect.kind === 'id_token'
      ? fail(
          'format',
          'TOKEN_OPAQUE',
          'This is an opaque token, and an ID token is always a JWT: it is some other token.',
          'OIDC Core §2',
        )
      : skip(
          'format',
          'An opaque token: a reference only its issuer can resolve. Ask the issuer to introspect it.',
          ref,
          { code: 'TOKEN_OPAQUE' },
        )
  return emptyReport(
    'opaque',
    check,
    'An opaque token carries no claims anyone but its issuer can read.',
  )
}

function emptyReport(
  kind: 'opaque' | 'malformed',
  check: TokenCheck,
  why = 'It could not be read as a token.',
): TokenReport {
  return {
    kind,
    tokenType: { type: 'unknown', why, checkedAs: 'unknown' },
    signature: {
      status: 'not_checked',
      explanation:
        kind === 'opaque'
          ? 'An opaque token has no signature to check; only its issuer can vouch for it.'
          : 'Nothing to verify: the token could not be read.',
    },
    checks: [check],
    claims: [],
    pitfalls: [],
  }
}
