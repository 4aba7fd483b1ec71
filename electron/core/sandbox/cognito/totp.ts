// TOTP for SOFTWARE_TOKEN_MFA (RFC 6238: SHA-1, 6 digits, 30 s), via the otpauth package.
// @see https://docs.aws.amazon.com/cognito/latest/developerguide/user-pool-settings-mfa-totp.html
import { Secret, TOTP } from 'otpauth'

/**
 * A new shared secret in Base32, 160 bits like Cognito's SecretCode.
 * @see https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_AssociateSoftwareToken.html
 */
export function createTotpSecret(): string {
  return new Secret({ size: 20 }).base32
}

/**
 * Whether the code is valid for the secret at this time, allowing one 30-second step of clock drift.
 * @see https://www.rfc-editor.org/rfc/rfc6238#section-5.2
 */
export function isTotpCodeValid(secretBase32: string, code: string, nowMs: number): boolean {
  if (!/^[0-9]{6}$/.test(code)) return false
  const totp = new TOTP({ secret: Secret.fromBase32(secretBase32), digits: 6, period: 30 })
  return totp.validate({ token: code, timestamp: nowMs, window: 1 }) !== null
}
