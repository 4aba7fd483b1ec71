// The sandbox's one scripted custom challenge, standing in for the Define/Create/Verify Auth
// Challenge Lambda triggers a real pool would call: a question with a fixed answer.
// @see https://docs.aws.amazon.com/cognito/latest/developerguide/user-pool-lambda-challenge.html
import type { PoolClient, PoolUser } from './pool-state'
import type { PoolContext } from './pool-context'
import { challenge, type AuthResponse } from './sign-in-steps'
import { cognitoErrors } from './cognito-errors'

export const CUSTOM_QUESTION = 'What is 6 × 7?'
export const CUSTOM_ANSWER = '42'

/**
 * Asks the custom question; its public parameters are what a Create Auth Challenge trigger returns.
 * @see https://docs.aws.amazon.com/cognito/latest/developerguide/user-pool-lambda-create-auth-challenge.html
 */
export function issueCustomChallenge(
  ctx: PoolContext,
  user: PoolUser,
  client: PoolClient,
): AuthResponse {
  if (user.status === 'UNCONFIRMED') throw cognitoErrors.userNotConfirmed()
  // A custom flow decides its own factors: no MFA after it, as with a trigger that issues tokens.
  return challenge(ctx, user, client, 'CUSTOM_CHALLENGE', true, {
    USERNAME: user.username,
    question: CUSTOM_QUESTION,
  })
}
