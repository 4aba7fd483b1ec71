// SetUserMFAPreference: turns SMS, TOTP and email MFA on or off for the signed-in user and picks
// the preferred one; a factor can only be enabled once it has a phone, a verified TOTP or an email.
// @see https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_SetUserMFAPreference.html
import type { PoolContext } from '../pool-context'
import type { MfaMethod, PoolUser } from '../pool-state'
import { readMap, requireMember, type Params } from '../request-params'
import { userFromAccessToken } from '../access-token-user'
import { cognitoErrors } from '../cognito-errors'

const SETTINGS: readonly [member: string, method: MfaMethod][] = [
  ['SMSMfaSettings', 'SMS_MFA'],
  ['SoftwareTokenMfaSettings', 'SOFTWARE_TOKEN_MFA'],
  ['EmailMfaSettings', 'EMAIL_OTP'],
]

/**
 * Applies each `{ Enabled, PreferredMfa }` given; members left out keep their state.
 * @see https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_SetUserMFAPreference.html
 */
export async function setUserMfaPreference(
  ctx: PoolContext,
  input: Params,
): Promise<Record<string, never>> {
  const user = await userFromAccessToken(ctx, requireMember(input, 'AccessToken', 8192))
  for (const [member, method] of SETTINGS) {
    const { Enabled: enabled, PreferredMfa: preferred } = readMap(input, member)
    if (enabled === true || preferred === true) {
      if (!hasDeliveryConfig(user, method)) throw cognitoErrors.mfaNotConfigured(method)
      user.mfa.enabled.add(method)
      if (preferred === true) user.mfa.preferred = method
    } else if (enabled === false) {
      user.mfa.enabled.delete(method)
    }
    if (user.mfa.preferred === method && (enabled === false || preferred === false)) {
      user.mfa.preferred = undefined
    }
  }
  return {}
}

function hasDeliveryConfig(user: PoolUser, method: MfaMethod): boolean {
  if (method === 'SOFTWARE_TOKEN_MFA') return user.totpSecret !== undefined
  return user.attributes.has(method === 'SMS_MFA' ? 'phone_number' : 'email')
}
