// InitiateAuth: checks the client and its explicit auth flows, then hands over to the flow.
// @see https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_InitiateAuth.html
import type { PoolContext } from '../pool-context'
import type { PoolClient } from '../pool-state'
import type { AuthResponse } from '../sign-in-steps'
import { readMap, requireMember, type Params } from '../request-params'
import { requireExplicitFlow, resolveClient } from '../client-auth'
import { cognitoErrors } from '../cognito-errors'
import { startPasswordAuth } from './password-auth'
import { startSrpAuth } from './srp-auth'
import { startCustomAuth } from './custom-auth'
import { refreshTokens } from './refresh-auth'
import { startUserAuth } from './user-auth'

type Flow = (ctx: PoolContext, client: PoolClient, params: Params) => Promise<AuthResponse>

/** Each supported AuthFlow with the ExplicitAuthFlows value that allows it. */
const FLOWS: Readonly<Record<string, { allow: string; run: Flow }>> = {
  USER_SRP_AUTH: { allow: 'ALLOW_USER_SRP_AUTH', run: startSrpAuth },
  USER_PASSWORD_AUTH: { allow: 'ALLOW_USER_PASSWORD_AUTH', run: startPasswordAuth },
  REFRESH_TOKEN_AUTH: { allow: 'ALLOW_REFRESH_TOKEN_AUTH', run: refreshTokens },
  REFRESH_TOKEN: { allow: 'ALLOW_REFRESH_TOKEN_AUTH', run: refreshTokens },
  CUSTOM_AUTH: { allow: 'ALLOW_CUSTOM_AUTH', run: startCustomAuth },
  USER_AUTH: { allow: 'ALLOW_USER_AUTH', run: startUserAuth },
}
/** Cognito's AuthFlowType enum, for its validation message. */
const AUTH_FLOW_TYPES = [
  'USER_SRP_AUTH',
  'REFRESH_TOKEN_AUTH',
  'REFRESH_TOKEN',
  'CUSTOM_AUTH',
  'ADMIN_NO_SRP_AUTH',
  'USER_PASSWORD_AUTH',
  'ADMIN_USER_PASSWORD_AUTH',
  'USER_AUTH',
] as const

/**
 * Starts a sign-in: a challenge and its session, or tokens at once.
 * @see https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_InitiateAuth.html
 */
export async function initiateAuth(ctx: PoolContext, input: Params): Promise<AuthResponse> {
  const authFlow = requireMember(input, 'AuthFlow', 64)
  if (!(AUTH_FLOW_TYPES as readonly string[]).includes(authFlow)) {
    throw cognitoErrors.enumValue(authFlow, 'authFlow', AUTH_FLOW_TYPES)
  }
  const client = resolveClient(ctx, requireMember(input, 'ClientId', 128))
  // The admin flows belong to AdminInitiateAuth (IAM-signed), never to InitiateAuth.
  if (authFlow.startsWith('ADMIN_')) throw cognitoErrors.flowNotSupported()
  const flow = FLOWS[authFlow]
  if (flow === undefined) throw cognitoErrors.flowNotEnabled(authFlow)
  requireExplicitFlow(client, authFlow, flow.allow)
  return flow.run(ctx, client, readMap(input, 'AuthParameters'))
}
