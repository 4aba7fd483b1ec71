// What comes after a proven password: a new password for FORCE_CHANGE_PASSWORD users, then the
// second factor (setup, choice, SMS, TOTP or email code, or a remembered device's proof), then
// tokens; and the code a passwordless USER_AUTH sign-in sends. Each step returns Cognito's
// challenge shape with a fresh session, or the AuthenticationResult.
// @see https://docs.aws.amazon.com/cognito/latest/developerguide/amazon-cognito-user-pools-authentication-flow.html
// @see https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_InitiateAuth.html#API_InitiateAuth_ResponseSyntax
import type { PoolClient, PoolUser, MfaMethod } from './pool-state'
import type { PoolContext } from './pool-context'
import type { AuthSession, ChallengeName } from './session-store'
import { mintTokens, type AuthenticationResult } from './cognito-tokens'
import { maskDestination } from './mask-destination'
import { canProveDevice, newDeviceMetadata, presentedDevice } from './device-sign-in'
import { cognitoErrors } from './cognito-errors'

export type AuthResponse = {
  ChallengeName?: ChallengeName
  ChallengeParameters: Record<string, string>
  Session?: string
  AuthenticationResult?: AuthenticationResult
  /** SELECT_CHALLENGE (USER_AUTH): the first factors the user may choose from. */
  AvailableChallenges?: readonly string[]
}

/**
 * The next step for a user whose password (or previous challenge) was accepted. `deviceKey` is the
 * DEVICE_KEY the sign-in presented: a remembered device proves itself instead of the second factor.
 * @see https://docs.aws.amazon.com/cognito/latest/developerguide/user-pool-settings-mfa.html
 * @see https://docs.aws.amazon.com/cognito/latest/developerguide/amazon-cognito-user-pools-device-tracking.html
 */
export async function continueSignIn(
  ctx: PoolContext,
  user: PoolUser,
  client: PoolClient,
  mfaDone: boolean,
  deviceKey?: string,
): Promise<AuthResponse> {
  const carried = { deviceKey }
  if (user.status === 'UNCONFIRMED') throw cognitoErrors.userNotConfirmed()
  if (user.status === 'FORCE_CHANGE_PASSWORD') {
    const attributes = Object.fromEntries([...user.attributes].filter(([name]) => name !== 'sub'))
    const parameters = { userAttributes: JSON.stringify(attributes), requiredAttributes: '[]' }
    return challenge(ctx, user, client, 'NEW_PASSWORD_REQUIRED', mfaDone, parameters, carried)
  }
  if (mfaDone) return issueTokens(ctx, user, client, deviceKey)
  if (canProveDevice(presentedDevice(ctx, user, deviceKey))) {
    return challenge(ctx, user, client, 'DEVICE_SRP_AUTH', false, {}, carried)
  }
  const methods = [...user.mfa.enabled]
  const chosen = user.mfa.preferred ?? (methods.length === 1 ? methods[0] : undefined)
  if (chosen !== undefined) return issueMfaChallenge(ctx, user, client, chosen, carried)
  if (methods.length > 1) {
    const parameters = { MFAS_CAN_CHOOSE: JSON.stringify(methods) }
    return challenge(ctx, user, client, 'SELECT_MFA_TYPE', false, parameters, carried)
  }
  if (user.mfa.setupRequired) {
    const parameters = { MFAS_CAN_SETUP: JSON.stringify(['SOFTWARE_TOKEN_MFA']) }
    return challenge(ctx, user, client, 'MFA_SETUP', false, parameters, carried)
  }
  return issueTokens(ctx, user, client, deviceKey)
}

/**
 * Asks for one second factor; SMS and email codes go to the outbox and live as long as the session.
 * @see https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_RespondToAuthChallenge.html#CognitoUserPools-RespondToAuthChallenge-request-ChallengeResponses
 */
export function issueMfaChallenge(
  ctx: PoolContext,
  user: PoolUser,
  client: PoolClient,
  method: MfaMethod,
  extra: Partial<AuthSession> = {},
): AuthResponse {
  if (method === 'SOFTWARE_TOKEN_MFA') return challenge(ctx, user, client, method, false, {}, extra)
  return sendCodeChallenge(ctx, user, client, method, extra)
}

/**
 * A challenge answered with a code sent by SMS or email: SMS_MFA, EMAIL_OTP (a second factor, or
 * the first in USER_AUTH) or SMS_OTP (USER_AUTH). The code lives as long as the session.
 * @see https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_ChallengeResponseType.html
 */
export function sendCodeChallenge(
  ctx: PoolContext,
  user: PoolUser,
  client: PoolClient,
  name: 'SMS_MFA' | 'EMAIL_OTP' | 'SMS_OTP',
  extra: Partial<AuthSession> = {},
): AuthResponse {
  const sms = name !== 'EMAIL_OTP'
  const to = user.attributes.get(sms ? 'phone_number' : 'email') ?? ''
  const code = ctx.createSignInCode()
  ctx.outbox.deliver({
    channel: sms ? 'sms' : 'email',
    to,
    username: user.username,
    code,
    purpose: name,
  })
  return challenge(
    ctx,
    user,
    client,
    name,
    false,
    {
      CODE_DELIVERY_DELIVERY_MEDIUM: sms ? 'SMS' : 'EMAIL',
      CODE_DELIVERY_DESTINATION: maskDestination(to),
    },
    { ...extra, code },
  )
}

/**
 * A challenge response with a new single-use session bound to the user, client and challenge.
 * @see https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_RespondToAuthChallenge.html#CognitoUserPools-RespondToAuthChallenge-request-Session
 */
export function challenge(
  ctx: PoolContext,
  user: PoolUser,
  client: PoolClient,
  name: ChallengeName,
  mfaDone: boolean,
  parameters: Record<string, string>,
  extra: Partial<AuthSession> = {},
): AuthResponse {
  const session = ctx.sessions.create({
    ...extra,
    username: user.username,
    clientId: client.clientId,
    challenge: name,
    mfaDone,
  })
  return {
    ChallengeName: name,
    ChallengeParameters: { ...parameters, USER_ID_FOR_SRP: user.username },
    Session: session,
  }
}

/**
 * Ends a sign-in: opens a token family and returns ID, access and refresh tokens, with a new
 * device key unless the sign-in came from one of the user's devices.
 * @see https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_AuthenticationResultType.html
 */
export async function issueTokens(
  ctx: PoolContext,
  user: PoolUser,
  client: PoolClient,
  deviceKey?: string,
): Promise<AuthResponse> {
  const family = ctx.families.open(user.username, client.clientId)
  const result = await mintTokens({
    keys: ctx.keys,
    issuer: ctx.issuer,
    user,
    family,
    nowMs: ctx.now(),
    includeRefreshToken: true,
  })
  const device = newDeviceMetadata(ctx, user, deviceKey)
  return { ChallengeParameters: {}, AuthenticationResult: { ...result, ...device } }
}
