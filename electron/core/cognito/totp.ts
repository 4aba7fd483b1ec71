// Cognito's TOTP as an authenticator app does it: the otpauth:// URI an app scans to enrol, and
// the six-digit code of a 30-second step, both from the base32 secret (SecretCode).
// @see https://docs.aws.amazon.com/cognito/latest/developerguide/user-pool-settings-mfa-totp.html
import { Secret, TOTP } from 'otpauth'
import { AfxError } from '../errors'

/** What Cognito's TOTP is: RFC 6238 with SHA-1, 6 digits, 30-second steps. */
export const TOTP_SETTINGS = { algorithm: 'SHA1', digits: 6, period: 30 } as const

const REF = 'Cognito Developer Guide, TOTP software token MFA'

/**
 * The otpauth:// URI an authenticator app reads (as a QR code) to add the secret.
 * @see https://github.com/google/google-authenticator/wiki/Key-Uri-Format
 */
export function otpauthUri(secretBase32: string, account: string, issuer: string): string {
  return new TOTP({
    issuer,
    label: account,
    secret: readSecret(secretBase32),
    ...TOTP_SETTINGS,
  }).toString()
}

/**
 * The code an authenticator shows at `nowMs`, and the time step it belongs to.
 * @see https://www.rfc-editor.org/rfc/rfc6238#section-4
 */
export function totpCodeAt(secretBase32: string, nowMs: number): { code: string; step: number } {
  const totp = new TOTP({ secret: readSecret(secretBase32), ...TOTP_SETTINGS })
  return { code: totp.generate({ timestamp: nowMs }), step: totp.counter({ timestamp: nowMs }) }
}

function readSecret(secretBase32: string): Secret {
  try {
    return Secret.fromBase32(secretBase32.replace(/\s+/g, ''))
  } catch (error) {
    throw new AfxError('COGNITO_UNEXPECTED_RESPONSE', 'The TOTP secret is not base32.', {
      hint: 'A TOTP secret (SecretCode) holds only the letters A-Z and the digits 2-7.',
      ref: REF,
      cause: error,
    })
  }
}
