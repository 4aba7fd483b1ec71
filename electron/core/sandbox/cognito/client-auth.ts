// App-client checks every public operation starts with: the client exists, the flow is enabled
// for it, and a client with a secret proves it with SECRET_HASH.
// @see https://docs.aws.amazon.com/cognito/latest/developerguide/signing-up-users-in-your-app.html#cognito-user-pools-computing-secret-hash
import { timingSafeEqual } from 'node:crypto'
import { computeSecretHash } from '../../cognito/secret-hash'
import type { PoolClient } from './pool-state'
import type { PoolContext } from './pool-context'
import { cognitoErrors } from './cognito-errors'

/**
 * The app client with this id, or Cognito's ResourceNotFoundException.
 * @see https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_InitiateAuth.html#API_InitiateAuth_Errors
 */
export function resolveClient(ctx: PoolContext, clientId: string): PoolClient {
  const client = ctx.pool.clients.get(clientId)
  if (client === undefined) throw cognitoErrors.clientNotFound(clientId)
  return client
}

/**
 * Refuses a flow the client's ExplicitAuthFlows do not allow.
 * @see https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_CreateUserPoolClient.html#CognitoUserPools-CreateUserPoolClient-request-ExplicitAuthFlows
 */
export function requireExplicitFlow(client: PoolClient, flow: string, allowValue: string): void {
  if (!client.explicitAuthFlows.has(allowValue)) throw cognitoErrors.flowNotEnabled(flow)
}

/**
 * Checks SECRET_HASH = Base64(HMAC-SHA256(client secret, username + client id)) for a client with
 * a secret. `username` is the name Cognito hashes: what was typed at InitiateAuth, but the internal
 * user name (USER_ID_FOR_SRP) in challenge responses and on refresh.
 * @see https://docs.aws.amazon.com/cognito/latest/developerguide/signing-up-users-in-your-app.html#cognito-user-pools-computing-secret-hash
 */
export function checkSecretHash(
  client: PoolClient,
  username: string,
  provided: string | undefined,
): void {
  if (client.clientSecret === undefined) return
  if (provided === undefined) throw cognitoErrors.secretHashMissing(client.clientId)
  const expected = computeSecretHash(username, client.clientId, client.clientSecret)
  if (!sameText(expected, provided)) throw cognitoErrors.secretHashMismatch(client.clientId)
}

/**
 * Checks the client secret itself, for the operations that take it instead of a SECRET_HASH
 * (RevokeToken, GetTokensFromRefreshToken); a client without a secret needs none.
 * @see https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_GetTokensFromRefreshToken.html#CognitoUserPools-GetTokensFromRefreshToken-request-ClientSecret
 */
export function checkClientSecret(client: PoolClient, provided: string | undefined): void {
  if (client.clientSecret !== undefined && !sameText(client.clientSecret, provided ?? '')) {
    throw cognitoErrors.clientSecretMismatch(client.clientId)
  }
}

/**
 * Constant-time string comparison: a secret-derived value must not leak through timing.
 * @see https://nodejs.org/docs/latest-v20.x/api/crypto.html#cryptotimingsafeequala-b
 */
export function sameText(expected: string, actual: string): boolean {
  const a = Buffer.from(expected)
  const b = Buffer.from(actual)
  return a.length === b.length && timingSafeEqual(a, b)
}
