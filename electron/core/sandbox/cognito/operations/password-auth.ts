// USER_PASSWORD_AUTH (and USER_AUTH's PASSWORD): the password itself travels (over TLS in real
// Cognito) and is checked against the stored verifier; then the same next steps as SRP.
// @see https://docs.aws.amazon.com/cognito/latest/developerguide/amazon-cognito-user-pools-authentication-flow-methods.html#amazon-cognito-user-pools-user-password-auth
import type { PoolContext } from '../pool-context'
import type { PoolClient, PoolUser } from '../pool-state'
import { continueSignIn, type AuthResponse } from '../sign-in-steps'
import { optionalParam, requireParam, type Params } from '../request-params'
import { checkSecretHash } from '../client-auth'
import { createDecoyVerifier, isPasswordCorrect } from '../password-check'
import { cognitoErrors } from '../cognito-errors'
import { MAX_DEVICE_KEY } from '../device-sign-in'

/**
 * Checks USERNAME (or an alias) and PASSWORD, then continues the sign-in.
 * @see https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_InitiateAuth.html#CognitoUserPools-InitiateAuth-request-AuthParameters
 */
export async function startPasswordAuth(
  ctx: PoolContext,
  client: PoolClient,
  params: Params,
): Promise<AuthResponse> {
  const username = requireParam(params, 'USERNAME', 128)
  const password = requireParam(params, 'PASSWORD', 256)
  checkSecretHash(client, username, optionalParam(params, 'SECRET_HASH', 128))
  const deviceKey = optionalParam(params, 'DEVICE_KEY', MAX_DEVICE_KEY)
  const user = ctx.pool.findUser(username)
  return continueAfterPassword(ctx, client, username, user, password, deviceKey)
}

/**
 * Checks the password of the user a sign-in names (undefined: no such user), then continues the
 * sign-in from the device it presents, if any; shared by USER_PASSWORD_AUTH and USER_AUTH's
 * PASSWORD.
 * @see https://docs.aws.amazon.com/cognito/latest/developerguide/cognito-user-pool-managing-errors.html
 */
export async function continueAfterPassword(
  ctx: PoolContext,
  client: PoolClient,
  signInName: string,
  user: PoolUser | undefined,
  password: string,
  deviceKey?: string,
): Promise<AuthResponse> {
  if (user === undefined) {
    createDecoyVerifier(signInName) // the same work as a real check: timing says nothing
    throw cognitoErrors.incorrectCredentials()
  }
  if (!isPasswordCorrect(user, password)) throw cognitoErrors.incorrectCredentials()
  return continueSignIn(ctx, user, client, false, deviceKey)
}
