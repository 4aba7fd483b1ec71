// Inspects an encrypted token: the header says how it was encrypted; with the recipient's key,
// the content is read as claims, or as a signed JWT inside (sign-then-encrypt).
// @see RFC 7516 §5.2, RFC 7519 §5.2 (nested JWTs), OpenID Connect Core 1.0 §10.2
import type { SignatureReport, TokenReport, TokenType } from '../../../shared/token-report'
import { checkClaimsAs } from './check-claims-as'
import { decryptJwe } from './decrypt-jwe'
import { describeClaims } from './describe-claims'
import { guessTokenType } from './guess-token-type'
import { claimContextOf, type InspectContext } from './inspect-context'
import { readToken, type ReadToken } from './read-token'
import { diagnosePitfalls } from './token-pitfalls'

type Jwe = Extract<ReadToken, { kind: 'jwe' }>
type Jws = Extract<ReadToken, { kind: 'jws' }>

/**
 * Inspects a JWE: its header always; its claims once the key given decrypts it.
 * @see RFC 7516 §5.2, OpenID Connect Core 1.0 §3.1.3.7 step 1
 */
export async function inspectEncryptedToken(read: Jwe, ctx: InspectContext): Promise<TokenReport> {
  const decryption = await decryptJwe(read.jwe, read.header, ctx.input.key)
  const base = { kind: 'jwe' as const, serialization: read.serialization, header: read.header }
  if (!decryption.ok) {
    return {
      ...base,
      payloadNote: 'Encrypted: give the decryption key to read it.',
      tokenType: { ...encryptedTokenType(read.header), checkedAs: 'unknown' },
      signature: {
        status: 'not_checked',
        explanation: 'Any signature is inside the encryption; decrypt the token first.',
      },
      encryption: decryption.encryption,
      checks: [decryption.check],
      claims: [],
      pitfalls: [],
    }
  }
  const text = new TextDecoder().decode(decryption.plaintext)
  const inner = innerClaims(text)
  if (inner === null) {
    return {
      ...base,
      payloadNote: 'Decrypted, but the content is not a JSON object or a signed JWT.',
      tokenType: {
        type: 'unknown',
        why: 'The decrypted content is not JSON.',
        checkedAs: 'unknown',
      },
      signature: { status: 'not_checked', explanation: 'The decrypted content is not a JWT.' },
      encryption: decryption.encryption,
      checks: [decryption.check],
      claims: [],
      pitfalls: [],
    }
  }
  const guess = guessTokenType(inner.header, inner.payload, ctx.input.expect.kind)
  return {
    ...base,
    payload: inner.payload,
    tokenType: guess,
    signature: inner.signature,
    encryption: decryption.encryption,
    checks: [
      decryption.check,
      ...checkClaimsAs(guess.checkedAs, claimContextOf(inner.header, inner.payload, ctx)),
    ],
    claims: describeClaims(inner.payload, ctx.nowMs),
    pitfalls: diagnosePitfalls(guess, inner.payload, ctx.input.expect),
  }
}

/** The claims inside a decrypted JWE: a nested signed JWT (sign-then-encrypt), or plain JSON. */
function innerClaims(text: string): {
  header: Record<string, unknown>
  payload: Record<string, unknown>
  signature: SignatureReport
} | null {
  if (!text.trim().startsWith('{')) {
    const nested = readNested(text)
    if (nested === null) return null
    return {
      header: nested.header,
      payload: nested.payload,
      signature: {
        status: 'not_checked',
        ...(typeof nested.header.alg === 'string' ? { alg: nested.header.alg } : {}),
        explanation:
          'Signed, then encrypted: the key given opens the envelope; inspect the inner token with the issuer’s keys to check its signature.',
      },
    }
  }
  try {
    const value: unknown = JSON.parse(text)
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return null
    return {
      header: {},
      payload: value as Record<string, unknown>,
      signature: {
        status: 'not_checked',
        explanation:
          'Encrypted but not signed: whoever knows the recipient’s public key could have made it.',
      },
    }
  } catch {
    return null
  }
}

function readNested(text: string): Jws | null {
  try {
    const nested = readToken(text)
    return nested.kind === 'jws' ? nested : null
  } catch {
    return null
  }
}

/** What the header of an unopened JWE gives away; Cognito refresh tokens have a telling one. */
function encryptedTokenType(header: Record<string, unknown>): { type: TokenType; why: string } {
  const looksLikeCognitoRefresh =
    header.cty === 'JWT' && header.alg === 'RSA-OAEP' && header.enc === 'A256GCM'
  return {
    type: 'unknown',
    why: looksLikeCognitoRefresh
      ? 'Encrypted. Its header (RSA-OAEP, A256GCM, cty JWT) is what Cognito refresh tokens look like; only Cognito can open those.'
      : 'Encrypted: what it is shows only once it is decrypted.',
  }
}
