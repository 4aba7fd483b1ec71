// The sign-up confirmation code: six digits to the user's email through the outbox, valid 24 hours.
// @see https://docs.aws.amazon.com/cognito/latest/developerguide/signing-up-users-in-your-app.html
import type { PoolContext } from './pool-context'
import type { PoolUser } from './pool-state'
import { createOneTimeCode } from './outbox'
import { maskDestination } from './mask-destination'
import { SIGN_UP_CODE_TTL_MS } from './pool-config'

export type CodeDeliveryDetails = {
  Destination: string
  DeliveryMedium: 'EMAIL'
  AttributeName: 'email'
}

/**
 * What a code-sending operation answers for a user that does not exist, with user-existence
 * errors prevented: a delivery of the same shape, so the answer reveals nothing.
 * @see https://docs.aws.amazon.com/cognito/latest/developerguide/cognito-user-pool-managing-errors.html
 */
export function deliveryForUnknownUser(username: string): CodeDeliveryDetails {
  const Destination = maskDestination(`${username}@example.com`)
  return { Destination, DeliveryMedium: 'EMAIL', AttributeName: 'email' }
}

/**
 * Replaces the user's pending code with a new one and delivers it.
 * @see https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_CodeDeliveryDetailsType.html
 */
export function sendConfirmationCode(ctx: PoolContext, user: PoolUser): CodeDeliveryDetails {
  const code = createOneTimeCode()
  const email = user.attributes.get('email') ?? ''
  user.confirmation = { code, expiresAt: ctx.now() + SIGN_UP_CODE_TTL_MS }
  ctx.outbox.deliver({
    channel: 'email',
    to: email,
    username: user.username,
    code,
    purpose: 'SIGN_UP',
  })
  return { Destination: maskDestination(email), DeliveryMedium: 'EMAIL', AttributeName: 'email' }
}
