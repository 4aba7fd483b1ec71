// The last step of a code flow asked to call UserInfo: fetch the claims with the access token, then
// check they are about the user the ID token names. openid-client can make this check itself and
// throw; we make it as a check step, with the inspector's rule and words, so a mismatch reads as
// a failed line, not a crash.
// @see OIDC Core §5.3.2 https://openid.net/specs/openid-connect-core-1_0.html#UserInfoResponse
import type * as oidc from 'openid-client'
import { TokenExpectations } from '../../../shared/token-report'
import type { RunContext } from '../runs/run-context'
import { checkUserinfoSubject } from '../tokens/id-token-checks'
import { checkToDiagnostic } from './check-id-token'
import { requestUserinfo } from './userinfo-flow'

/**
 * Calls UserInfo and records whether its `sub` equals the ID token's; true when it does.
 * @see OIDC Core §5.3.2 https://openid.net/specs/openid-connect-core-1_0.html#UserInfoResponse
 */
export async function checkUserinfoSub(
  ctx: RunContext,
  config: oidc.Configuration,
  accessToken: string,
  idTokenClaims: Record<string, unknown>,
): Promise<boolean> {
  const claims = await requestUserinfo(ctx, config, accessToken)
  const check = checkUserinfoSubject({
    header: {},
    payload: idTokenClaims,
    expect: TokenExpectations.parse({ userinfoSub: claims.sub }),
    nowMs: Date.now(), // read by time checks only, not this one
  })
  const diagnostics = check ? [checkToDiagnostic(check)] : []
  return ctx.check(
    {
      title: "Check the UserInfo answer is about the ID token's user",
      explain: 'oauth.userinfo-claims',
    },
    diagnostics,
    { ...claims },
  )
}
