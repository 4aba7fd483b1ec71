// The end of a Cognito sign-in: keep the tokens as secrets, then verify the ID and access tokens
// as AWS says to: the pool's JWKS, iss, token_use, aud (ID) or client_id (access), exp.
// @see https://docs.aws.amazon.com/cognito/latest/developerguide/amazon-cognito-user-pools-using-tokens-verifying-a-jwt.html
import type { AuthenticationResultType } from '@aws-sdk/client-cognito-identity-provider'
import { recordTokenReport } from '../oauth/check-id-token'
import type { RunContext } from '../runs/run-context'
import { inspectToken } from '../tokens/inspect-token'

/** AuthenticationResult's members, by the names the run keeps them under. */
const KEPT = {
  id_token: 'IdToken',
  access_token: 'AccessToken',
  refresh_token: 'RefreshToken',
} as const

/** The JWTs among them; the refresh token is opaque (encrypted by Cognito), nothing to verify. */
const VERIFIED = [
  { member: 'IdToken', kind: 'id_token', words: 'ID token' },
  { member: 'AccessToken', kind: 'access_token', words: 'access token' },
] as const

/** Keeps every token, then verifies each JWT as a check step; true if every check passed. */
export async function checkCognitoTokens(
  ctx: RunContext,
  result: AuthenticationResultType,
  expect: { issuer: string; clientId: string },
): Promise<boolean> {
  for (const [name, member] of Object.entries(KEPT)) {
    const value = result[member]
    if (value) ctx.keepToken(name, value)
  }
  const key = { kind: 'jwks_url', url: `${expect.issuer}/.well-known/jwks.json` } as const
  let passed = true
  for (const { member, kind, words } of VERIFIED) {
    const token = result[member]
    if (!token) continue
    const report = await inspectToken(
      { token, expect: { kind, ...expect }, key },
      {
        fetch: ctx.fetchFor({
          title: `Fetch the pool's keys to verify the ${words}`,
          explain: 'tokens.jwks',
        }),
      },
    )
    const meta = {
      title: `Verify the ${words}: signature and every claim`,
      explain: 'tokens.cognito-checks',
    }
    passed = recordTokenReport(ctx, meta, report) && passed
  }
  return passed
}
