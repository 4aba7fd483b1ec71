// What a signed-in user's access token (or refresh token) lets a tester do from the tool: read the
// user (GetUser), enrol an authenticator app (AssociateSoftwareToken, VerifySoftwareToken,
// SetUserMFAPreference), sign out everywhere (GlobalSignOut, then proof that the token is refused)
// and revoke one refresh token (RevokeToken).
// @see https://docs.aws.amazon.com/cognito/latest/developerguide/token-revocation.html
import { decodeJwt } from 'jose'
import type { Diagnostic } from '../../../../shared/run-model'
import { enrolAuthenticator } from '../enrol-authenticator'
import { noteOutcome, type AccountRun } from './account-run'

/**
 * GetUser: the user's name, attributes and MFA settings, shown as the step's outputs.
 * @see https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_GetUser.html
 */
export async function getUser(run: AccountRun): Promise<void> {
  const user = await run.api.getUser(
    { title: "GetUser: the access token's user", explain: 'cognito.get-user' },
    { AccessToken: run.input.accessToken },
  )
  const attributes = Object.fromEntries(
    (user.UserAttributes ?? []).map((attribute) => [attribute.Name, attribute.Value]),
  )
  run.ctx.check(
    { title: "Read the user's attributes and MFA settings", explain: 'cognito.account-outcome' },
    [],
    {
      Username: user.Username,
      attributes,
      UserMFASettingList: user.UserMFASettingList ?? [],
      PreferredMfaSetting: user.PreferredMfaSetting ?? 'none',
    },
  )
}

/**
 * Enrols an authenticator for the signed-in user and makes it the preferred MFA factor.
 * @see https://docs.aws.amazon.com/cognito/latest/developerguide/user-pool-settings-mfa-totp.html
 */
export async function setUpAuthenticator(run: AccountRun): Promise<void> {
  const { input } = run
  const accessToken = input.accessToken ?? ''
  await enrolAuthenticator({ ctx: run.ctx }, run.api, {
    proof: { AccessToken: accessToken },
    account: userNameIn(accessToken),
    issuer: `Cognito ${input.userPoolId}`,
    asAuthenticator: input.asAuthenticator === true,
    why: 'The run acts as the authenticator app: the code comes from the SecretCode Cognito just issued.',
    verifyMeta: {
      title: 'VerifySoftwareToken: the first code proves the app has the secret',
      explain: 'cognito.mfa-setup',
    },
  })
  await run.api.setUserMfaPreference(
    {
      title: 'SetUserMFAPreference: turn TOTP on and prefer it',
      explain: 'cognito.set-mfa-preference',
    },
    {
      AccessToken: accessToken,
      SoftwareTokenMfaSettings: { Enabled: true, PreferredMfa: true },
    },
  )
  noteOutcome(
    run,
    'COGNITO_TOTP_ENROLLED',
    'The authenticator is enrolled and preferred: the next sign-in asks for its code (SOFTWARE_TOKEN_MFA).',
    'AWS Cognito API Reference, SetUserMFAPreference',
  )
}

/**
 * GlobalSignOut, then GetUser with the same access token, which must now be refused.
 * @see https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_GlobalSignOut.html
 */
export async function signOut(run: AccountRun): Promise<void> {
  const accessToken = run.input.accessToken ?? ''
  await run.api.globalSignOut(
    { title: 'GlobalSignOut: end every sign-in of the user', explain: 'cognito.global-sign-out' },
    { AccessToken: accessToken },
  )
  let stillWorks = true
  try {
    await run.api.getUser(
      {
        title: 'GetUser with the same access token: it must be refused now',
        explain: 'cognito.sign-out-proof',
      },
      { AccessToken: accessToken },
      { expectedError: describeRevokedRefusal },
    )
  } catch (error) {
    if (!isNotAuthorized(error)) throw error
    stillWorks = false
  }
  run.ctx.check(
    {
      title: 'Check that the signed-out token no longer works',
      explain: 'cognito.account-outcome',
    },
    [
      stillWorks
        ? {
            code: 'COGNITO_TOKEN_STILL_ACCEPTED',
            severity: 'error',
            message: 'GetUser still accepted the access token after GlobalSignOut.',
            hint: 'Cognito revokes every token of the user on GlobalSignOut; a pool or emulator that keeps accepting it does not behave as Cognito does.',
            ref: 'AWS Cognito API Reference, GlobalSignOut',
          }
        : {
            code: 'COGNITO_SIGNED_OUT',
            severity: 'info',
            message:
              'Signed out everywhere: the access token is refused, and the refresh tokens of every sign-in no longer give new tokens.',
            hint: 'ID and access tokens are JWTs: an API that only checks their signature and expiry still accepts them until they expire. Only Cognito itself (and APIs that ask it) knows they are revoked.',
            ref: 'Cognito Developer Guide, revoking tokens',
          },
    ],
  )
}

/**
 * RevokeToken: one refresh token, and the ID and access tokens minted from it.
 * @see https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_RevokeToken.html
 */
export async function revokeToken(run: AccountRun): Promise<void> {
  const { input } = run
  await run.api.revokeToken(
    { title: 'RevokeToken: revoke the refresh token', explain: 'cognito.revoke-token' },
    {
      Token: input.refreshToken,
      ClientId: input.clientId,
      // RevokeToken takes the client secret itself, not a SECRET_HASH.
      ...(input.clientSecret ? { ClientSecret: input.clientSecret } : {}),
    },
  )
  noteOutcome(
    run,
    'COGNITO_TOKEN_REVOKED',
    'The refresh token is revoked: it gives no new tokens, and the access tokens minted from it are refused by Cognito.',
    'AWS Cognito API Reference, RevokeToken',
  )
}

/** The refusal GetUser gives a revoked token, as a note: the step is then done, not failed. */
function describeRevokedRefusal(status: number, body: string): Diagnostic | undefined {
  if (status !== 400 || !body.includes('NotAuthorizedException')) return undefined
  return {
    code: 'COGNITO_TOKEN_REFUSED',
    severity: 'info',
    message: 'Refused, as it should be: Cognito no longer accepts this access token.',
    ref: 'AWS Cognito API Reference, GetUser (Errors)',
  }
}

const isNotAuthorized = (error: unknown) =>
  error instanceof Error && error.name === 'NotAuthorizedException'

/** The user name an access token carries, to name the authenticator entry after. */
function userNameIn(accessToken: string): string {
  try {
    const { username } = decodeJwt(accessToken)
    return typeof username === 'string' ? username : 'Cognito user'
  } catch {
    return 'Cognito user'
  }
}
