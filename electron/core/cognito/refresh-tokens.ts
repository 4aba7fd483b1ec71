// REFRESH_TOKEN_AUTH as a run: InitiateAuth with the refresh token of an earlier sign-in (and, for
// a client with a secret, SECRET_HASH over the user name Cognito knows), new ID and access tokens
// back, and whether a new refresh token came with them.
// @see https://docs.aws.amazon.com/cognito/latest/developerguide/amazon-cognito-user-pools-using-the-refresh-token.html
import type { AuthenticationResultType } from '@aws-sdk/client-cognito-identity-provider'
import { compareRefreshTokens } from '../oauth/refresh-flow'
import type { RunContext } from '../runs/run-context'
import type { AuthAnswer, CognitoSignIn } from './cognito-sign-in'

const HASHED_NAME_WHY =
  'On refresh Cognito checks the hash over the user name it knows (cognito:username, the sub when the email is the user name), never an alias typed at sign-in.'

const NOT_ROTATED_HINT =
  "InitiateAuth's REFRESH_TOKEN_AUTH gives new ID and access tokens only; with refresh-token rotation on, a client gets new refresh tokens from GetTokensFromRefreshToken instead."

/**
 * Sends InitiateAuth with REFRESH_TOKEN (no USERNAME: the token says whose it is) and returns
 * Cognito's answer.
 * @see https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_InitiateAuth.html#CognitoUserPools-InitiateAuth-request-AuthParameters
 */
export async function startRefresh(
  signIn: CognitoSignIn,
  refreshToken: string,
): Promise<AuthAnswer> {
  const { input, secretHash } = signIn
  const hash = secretHash.isRequired
    ? await secretHash.paramsFor(await hashedUserName(signIn), HASHED_NAME_WHY)
    : {}
  return signIn.api.initiateAuth(
    {
      title: 'InitiateAuth (REFRESH_TOKEN_AUTH): the refresh token, for new tokens',
      explain: 'cognito.initiate-auth.refresh_token_auth',
    },
    {
      AuthFlow: 'REFRESH_TOKEN_AUTH',
      ClientId: input.clientId,
      AuthParameters: { REFRESH_TOKEN: refreshToken, ...hash },
    },
  )
}

/** The user name SECRET_HASH is computed over: as given, or asked for. */
async function hashedUserName(signIn: CognitoSignIn): Promise<string> {
  if (signIn.input.username) return signIn.input.username
  const values = await signIn.ctx.input(
    { title: 'Name the user this refresh token belongs to', explain: 'cognito.refresh-username' },
    [
      {
        name: 'username',
        label:
          'The user name Cognito knows (cognito:username; the sub when the email is the user name)',
        secret: false,
      },
    ],
  )
  return (values.username ?? '').trim()
}

/**
 * Says, as a check step, whether Cognito returned a new refresh token (rotation) or none.
 * @see https://docs.aws.amazon.com/cognito/latest/developerguide/amazon-cognito-user-pools-using-the-refresh-token.html
 */
export function checkRotation(
  ctx: RunContext,
  sent: string,
  result: AuthenticationResultType,
): void {
  const { rotated, diagnostic } = compareRefreshTokens(sent, result.RefreshToken)
  ctx.check(
    { title: 'Compare the refresh token returned with the one sent', explain: 'oauth.rotation' },
    [result.RefreshToken ? diagnostic : { ...diagnostic, hint: NOT_ROTATED_HINT }],
    { rotated },
  )
}
