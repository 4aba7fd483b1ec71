// Every step of ID token validation that concerns claims, one line each: issuer, audience, azp,
// times, nonce, auth_time, the at_hash / c_hash / s_hash bindings, sub, and the UserInfo sub.
// @see OpenID Connect Core 1.0 §3.1.3.7 (code), §3.2.2.11 (implicit), §3.3.2.12 (hybrid), §5.3.2
import type { TokenCheck } from '../../../shared/token-report'
import { formatDuration } from '../../../shared/claim-times'
import { fail, pass, shown, skip, warn } from './check-line'
import { audiencesOf, nowSeconds, type ClaimContext } from './claim-context'
import { checkIssuer, checkSubject } from './registered-claim-checks'
import { checkExpiry, checkIssuedAt, checkNotBefore, numericClaim } from './time-checks'
import { checkAccessTokenHash, checkCodeHash, checkStateHash } from './hash-binding-checks'

const step = (n: number) => `OIDC Core §3.1.3.7 step ${n}`

/**
 * Checks the claims of an ID token against what the client sent and knows.
 * @see OpenID Connect Core 1.0 §3.1.3.7, §3.2.2.11, §3.3.2.12
 */
export function checkIdTokenClaims(ctx: ClaimContext): TokenCheck[] {
  const viaFrontChannel = ctx.expect.flow === 'implicit' || ctx.expect.flow === 'hybrid'
  return [
    checkIssuer(ctx, step(2)),
    ...checkAudience(ctx),
    checkExpiry(ctx, { required: true, ref: step(9) }),
    checkIssuedAt(ctx, {
      required: true,
      ref: step(10),
      ...(viaFrontChannel ? { staleIs: 'fail' as const } : {}),
    }),
    checkNotBefore(ctx),
    checkNonce(ctx),
    checkAuthTime(ctx),
    checkAccessTokenHash(ctx),
    checkCodeHash(ctx),
    checkStateHash(ctx),
    checkSubject(ctx, 'OIDC Core §2'),
    checkUserinfoSubject(ctx),
  ].filter((check): check is TokenCheck => check !== null)
}

/**
 * `aud` must contain the client; other audiences must be trusted; with several, `azp` names the
 * client the token was issued to.
 * @see OpenID Connect Core 1.0 §3.1.3.7 steps 3–5
 */
export function checkAudience(ctx: ClaimContext): TokenCheck[] {
  const audiences = audiencesOf(ctx.payload)
  if (audiences === null || audiences.length === 0) {
    return [
      fail(
        'aud',
        'TOKEN_AUD_MISSING',
        'The token has no aud (audience) claim, so it is meant for no one in particular.',
        step(3),
      ),
    ]
  }
  const clientId = ctx.expect.clientId
  const actual = audiences.join(', ')
  if (clientId === undefined) {
    return [
      skip(
        'aud',
        'Not compared: give the client_id to check that the token is meant for it.',
        step(3),
        { actual },
      ),
    ]
  }
  if (!audiences.includes(clientId)) {
    return [
      fail(
        'aud',
        'TOKEN_AUD_MISMATCH',
        'The token is meant for another client: aud does not contain this client_id.',
        step(3),
        {
          expected: clientId,
          actual,
        },
      ),
    ]
  }
  const others = audiences.filter((aud) => aud !== clientId)
  const audLine =
    others.length === 0
      ? pass('aud', 'The token is meant for this client.', step(3), { expected: clientId, actual })
      : warn(
          'aud',
          'TOKEN_AUD_UNTRUSTED',
          `aud contains this client and ${others.length} other audience${others.length === 1 ? '' : 's'}; reject the token unless the client trusts ${others.length === 1 ? 'it' : 'them'}.`,
          step(3),
          { expected: clientId, actual },
        )
  return [audLine, ...nullable(checkAuthorizedParty(ctx, clientId, audiences.length))]
}

function checkAuthorizedParty(
  ctx: ClaimContext,
  clientId: string,
  audienceCount: number,
): TokenCheck | null {
  const azp = ctx.payload.azp
  if (azp === undefined) {
    if (audienceCount === 1) return null
    // Errata set 2 softened step 4, but a token for several audiences without azp says nothing
    // about which of them it was issued to; oauth4webapi refuses it, and so do we.
    return fail(
      'azp',
      'TOKEN_AZP_MISSING',
      'aud names several audiences but there is no azp (authorized party) saying which client the token was issued to.',
      step(4),
    )
  }
  if (azp !== clientId) {
    return fail(
      'azp',
      'TOKEN_AZP_MISMATCH',
      'azp names another client: the token was issued to someone else.',
      step(5),
      {
        expected: clientId,
        actual: shown(azp),
      },
    )
  }
  return pass('azp', 'azp is this client.', step(5), { expected: clientId, actual: azp })
}

/**
 * `nonce` must equal the one sent in the authentication request; required for implicit and hybrid.
 * @see OpenID Connect Core 1.0 §3.1.3.7 step 11, §3.2.2.11, §3.3.2.12
 */
export function checkNonce(ctx: ClaimContext): TokenCheck | null {
  const { flow, nonce: sent } = ctx.expect
  const ref =
    flow === 'implicit'
      ? 'OIDC Core §3.2.2.11'
      : flow === 'hybrid'
        ? 'OIDC Core §3.3.2.12'
        : step(11)
  const claim = ctx.payload.nonce
  if (sent === undefined) {
    if (flow === 'implicit' || flow === 'hybrid') {
      return warn(
        'nonce',
        'TOKEN_NONCE_NOT_CHECKED',
        `The ${flow} flow requires a nonce, and it is the only defence against a replayed ID token; give the nonce sent to check it.`,
        ref,
      )
    }
    return claim === undefined
      ? null
      : skip('nonce', 'The token carries a nonce; give the one sent to check it.', ref)
  }
  if (typeof claim !== 'string') {
    return fail(
      'nonce',
      'TOKEN_NONCE_MISSING',
      'A nonce was sent, but the token carries none: it may be replayed from another sign-in.',
      ref,
    )
  }
  if (claim !== sent) {
    return fail(
      'nonce',
      'TOKEN_NONCE_MISMATCH',
      `The token's nonce (${claim.length} characters) is not the one sent (${sent.length} characters): it belongs to another sign-in.`,
      ref,
    )
  }
  return pass('nonce', 'The nonce is the one sent.', ref)
}

/**
 * `auth_time` must be present when `max_age` was sent, and not older than it.
 * @see OpenID Connect Core 1.0 §3.1.3.7 step 13, §3.1.2.1 (max_age)
 */
export function checkAuthTime(ctx: ClaimContext): TokenCheck | null {
  const maxAge = ctx.expect.maxAgeSeconds
  const ref = maxAge === undefined ? 'OIDC Core §2' : step(13)
  const authTime = numericClaim(ctx, 'auth_time', {
    required: maxAge !== undefined,
    ref: 'OIDC Core §3.1.2.1',
  })
  if (typeof authTime !== 'number') return authTime
  const age = nowSeconds(ctx) - authTime
  const ago =
    age >= 0 ? `${formatDuration(age * 1000)} ago` : `${formatDuration(-age * 1000)} in the future`
  if (maxAge === undefined) return pass('auth_time', `The user signed in ${ago}.`, ref)
  const skew = ctx.expect.clockSkewSeconds
  if (age > maxAge + skew) {
    return fail(
      'auth_time',
      'TOKEN_AUTH_TIME_TOO_OLD',
      `The user signed in ${ago}, longer ago than max_age allows; the user must sign in again.`,
      ref,
      { expected: `within ${maxAge} s (+${skew} s skew)`, actual: `${Math.round(age)} s` },
    )
  }
  return pass('auth_time', `The user signed in ${ago}, within max_age (${maxAge} s).`, ref)
}

/**
 * The UserInfo response's `sub` must equal the ID token's, or its claims must not be used.
 * @see OpenID Connect Core 1.0 §5.3.2
 */
export function checkUserinfoSubject(ctx: ClaimContext): TokenCheck | null {
  const userinfoSub = ctx.expect.userinfoSub
  if (userinfoSub === undefined) return null
  const ref = 'OIDC Core §5.3.2'
  if (ctx.payload.sub !== userinfoSub) {
    return fail(
      'userinfo_sub',
      'TOKEN_USERINFO_SUB_MISMATCH',
      'The UserInfo response is about another user than the ID token; its claims must not be used.',
      ref,
      { expected: shown(ctx.payload.sub), actual: userinfoSub },
    )
  }
  return pass('userinfo_sub', 'The UserInfo response is about the same user.', ref)
}

function nullable(check: TokenCheck | null): TokenCheck[] {
  return check === null ? [] : [check]
}
