// USER_PASSWORD_AUTH: the password itself travels (over TLS in real Cognito) and is checked
// against the stored verifier; then the same next steps as SRP.
// @see https://docs.aws.amazon.com/cognito/latest/developerguide/amazon-cognito-user-pools-authentication-flow-methods.html#amazon-cognito-user-pools-user-password-auth
import type { PoolContext } from '../pool-context'
import type { PoolClient } from '../pool-state'
import { continueSignIn, type AuthResponse } from '../sign-in-steps'
import { optionalParam, requireParam, type Params } from '../request-params'
import { checkSecretHash } from '../client-auth'
import { createDecoyVerifier, isPasswordCorrect } from '../password-check'
import { cognitoErrors } from '../cognito-errors'

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
  const user = ctx.pool.findUser(username)
  if (user === undefined) {
    createDecoyVerifier(username) // the same work as a real check: timing says nothing
    throw cognitoErrors.incorrectCredentials()
  }
  if (!isPasswordCorrect(user, password)) throw cognitoErrors.incorrectCredentials()
  return continueSignIn(ctx, user, client, false)
}
