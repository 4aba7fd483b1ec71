// DescribeUserPool and DescribeUserPoolClient: the admin reads of the pool's settings. Both are
// IAM-signed in real Cognito, and every value they return is one the sandbox enforces, read from
// where it is enforced; settings the sandbox does not have (hosted UI, callback URLs, Lambda
// triggers, a name, an ARN) are left out rather than made up.
// @see https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_DescribeUserPool.html
// @see https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_DescribeUserPoolClient.html
import type { IncomingHttpHeaders } from 'node:http'
import type { PoolContext } from '../pool-context'
import type { PoolClient } from '../pool-state'
import { requireMember, type Params } from '../request-params'
import { requireIamSignature } from '../iam-signature'
import { resolveClient } from '../client-auth'
import { PASSWORD_POLICY } from '../password-policy'
import {
  ACCESS_TOKEN_TTL_S,
  ALLOWED_FIRST_AUTH_FACTORS,
  DEVICE_CONFIGURATION,
  REFRESH_TOKEN_TTL_MS,
  SESSION_TTL_MS,
  USER_POOL_ID,
} from '../pool-config'
import { cognitoErrors } from '../cognito-errors'

/**
 * The pool's policies as the sandbox applies them.
 * @see https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_UserPoolType.html
 */
export async function describeUserPool(
  _ctx: PoolContext,
  input: Params,
  headers: IncomingHttpHeaders,
): Promise<{ UserPool: object }> {
  requireIamSignature(headers)
  requirePoolId(input)
  return {
    UserPool: {
      Id: USER_POOL_ID,
      Policies: {
        PasswordPolicy: PASSWORD_POLICY,
        SignInPolicy: { AllowedFirstAuthFactors: ALLOWED_FIRST_AUTH_FACTORS },
      },
      // MFA is per user (SMS, TOTP, email); "required" is played by one demo user's MFA_SETUP.
      MfaConfiguration: 'OPTIONAL',
      // PoolState.findUser: a verified email or a preferred_username signs a user in.
      AliasAttributes: ['email', 'preferred_username'],
      // PoolState keys user names and aliases in lower case.
      UsernameConfiguration: { CaseSensitive: false },
      // SignUp sends the confirmation code to the email, and ConfirmSignUp verifies it.
      AutoVerifiedAttributes: ['email'],
      // USER_AUTH and passwordless first factors need the Essentials tier.
      UserPoolTier: 'ESSENTIALS',
      DeviceConfiguration: DEVICE_CONFIGURATION,
    },
  }
}

/**
 * One app client's settings as the sandbox enforces them. The secret is returned, as Cognito
 * returns it to an IAM caller (the demo secrets are public by design).
 * @see https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_UserPoolClientType.html
 */
export async function describeUserPoolClient(
  ctx: PoolContext,
  input: Params,
  headers: IncomingHttpHeaders,
): Promise<{ UserPoolClient: object }> {
  requireIamSignature(headers)
  requirePoolId(input)
  const client = resolveClient(ctx, requireMember(input, 'ClientId', 128))
  return { UserPoolClient: describeClient(client) }
}

function describeClient(client: PoolClient): object {
  const rotation = client.refreshTokenRotation
  return {
    UserPoolId: USER_POOL_ID,
    ClientId: client.clientId,
    ...(client.clientSecret !== undefined ? { ClientSecret: client.clientSecret } : {}),
    ExplicitAuthFlows: [...client.explicitAuthFlows],
    // mintTokens gives ID and access tokens the same lifetime.
    AccessTokenValidity: ACCESS_TOKEN_TTL_S / 60,
    IdTokenValidity: ACCESS_TOKEN_TTL_S / 60,
    RefreshTokenValidity: REFRESH_TOKEN_TTL_MS / 86_400_000,
    TokenValidityUnits: { AccessToken: 'minutes', IdToken: 'minutes', RefreshToken: 'days' },
    AuthSessionValidity: SESSION_TTL_MS / 60_000,
    // RevokeToken works for every client, and tokens carry origin_jti.
    EnableTokenRevocation: true,
    // Unknown users get the same answers as wrong passwords (cognitoErrors.incorrectCredentials).
    PreventUserExistenceErrors: 'ENABLED',
    RefreshTokenRotation:
      rotation === undefined
        ? { Feature: 'DISABLED', RetryGracePeriodSeconds: 0 }
        : { Feature: 'ENABLED', RetryGracePeriodSeconds: rotation.retryGracePeriodSeconds },
    // No hosted UI: these clients sign in through the API only.
    AllowedOAuthFlowsUserPoolClient: false,
  }
}

function requirePoolId(input: Params): void {
  const poolId = requireMember(input, 'UserPoolId', 55)
  if (poolId !== USER_POOL_ID) throw cognitoErrors.userPoolNotFound(poolId)
}
