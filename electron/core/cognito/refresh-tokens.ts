// REFRESH_TOKEN_AUTH as a run: InitiateAuth with the refresh token of an earlier sign-in (and, for
// a client with a secret, SECRET_HASH over the user name Cognito knows), or, for a client that
// rotates refresh tokens, GetTokensFromRefreshToken (with the client secret itself); new ID and
// access tokens back, and whether a new refresh token came with them.
// @see https://docs.aws.amazon.com/cognito/latest/developerguide/amazon-cognito-user-pools-using-the-refresh-token.html
import type { AuthenticationResultType } from '@aws-sdk/client-cognito-identity-provider'
import { compareRefreshTokens } from '../oauth/refresh-flow'
import type { RunContext } from '../runs/run-context'
import { deviceKeyParam, type AuthAnswer, type CognitoSignIn } from './cognito-sign-in'

const HASHED_NAME_WHY =
  'On refresh Cognito checks the hash over the user name it knows (cognito:username, the sub when the email is the user name), never an alias typed at sign-in.'

/** Why no new refresh token came, by the call that was made. */
const NOT_ROTATED_HINT = {
  InitiateAuth:
    "InitiateAuth's REFRESH_TOKEN_AUTH gives new ID and access tokens only; with refresh-token rotation on, a client gets new refresh tokens from GetTokensFromRefreshToken instead.",
  GetTokensFromRefreshToken:
    'This app client does not rotate refresh tokens (RefreshTokenRotation is off): the same refresh token keeps working until it expires or is revoked.',
} as const

const ROTATED_HINT =
  'Keep the new refresh token: the one sent still works only for the retry grace period the client sets (RetryGracePeriodSeconds, up to 60 s), then Cognito refuses it.'

/**
 * Sends InitiateAuth with REFRESH_TOKEN (no USERNAME: the token says whose it is), and the
 * DEVICE_KEY of the device the tokens were issued to when one is given; returns Cognito's answer.
 * @see https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_InitiateAuth.html#CognitoUserPools-InitiateAuth-request-AuthParameters
 */
export async function startRefresh(
  signIn: CognitoSignIn,
  refreshToken: string,
): Promise<AuthAnswer> {
  const { input, secretHash } = signIn
  if (input.refreshWith === 'GetTokensFromRefreshToken') return getTokens(signIn, refreshToken)
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
      AuthParameters: { REFRESH_TOKEN: refreshToken, ...deviceKeyParam(signIn), ...hash },
    },
  )
}

/**
 * GetTokensFromRefreshToken: no SECRET_HASH (so no user name to hash) but the client secret
 * itself, and the device key as a member of its own.
 * @see https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_GetTokensFromRefreshToken.html
 */
function getTokens(signIn: CognitoSignIn, refreshToken: string): Promise<AuthAnswer> {
  const { input, device } = signIn
  return signIn.api.getTokensFromRefreshToken(
    {
      title:
        'GetTokensFromRefreshToken: the refresh token, for new tokens (and a new refresh token)',
      explain: 'cognito.get-tokens-from-refresh-token',
    },
    {
      RefreshToken: refreshToken,
      ClientId: input.clientId,
      ...(input.clientSecret ? { ClientSecret: input.clientSecret } : {}),
      ...(device ? { DeviceKey: device.deviceKey } : {}),
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
  refreshWith: keyof typeof NOT_ROTATED_HINT = 'InitiateAuth',
): void {
  const { rotated, diagnostic } = compareRefreshTokens(sent, result.RefreshToken)
  const hint = !result.RefreshToken
    ? NOT_ROTATED_HINT[refreshWith]
    : rotated && refreshWith === 'GetTokensFromRefreshToken'
      ? ROTATED_HINT
      : diagnostic.hint
  ctx.check(
    { title: 'Compare the refresh token returned with the one sent', explain: 'oauth.rotation' },
    [{ ...diagnostic, ...(hint ? { hint } : {}) }],
    { rotated },
  )
}
