// SECRET_HASH: what a Cognito app client with a secret must add to every user-pool call.
// @see AWS Cognito Developer Guide, "Computing secret hash values"
import { createHmac } from 'node:crypto'

/**
 * Computes Base64(HMAC-SHA256(key = client secret, message = username + client id)), strings
 * as UTF-8. After a PASSWORD_VERIFIER challenge, and on refresh, username must be
 * USER_ID_FOR_SRP or cognito:username, not the alias the person typed, or Cognito answers
 * "Unable to verify secret hash".
 * @see https://docs.aws.amazon.com/cognito/latest/developerguide/signing-up-users-in-your-app.html#cognito-user-pools-computing-secret-hash
 */
export function computeSecretHash(
  username: string,
  clientId: string,
  clientSecret: string,
): string {
  return createHmac('sha256', Buffer.from(clientSecret, 'utf8'))
    .update(`${username}${clientId}`, 'utf8')
    .digest('base64')
}
