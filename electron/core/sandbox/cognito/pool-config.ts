// The fixed facts of the one sandbox user pool: its id, region, lifetimes and policies.
// @see https://docs.aws.amazon.com/cognito/latest/developerguide/amazon-cognito-user-pools-authentication-flow.html

export const REGION = 'us-east-1'
export const USER_POOL_ID = 'us-east-1_Sandbox01'
/** The part of the pool id after `_`: what SRP hashes as the "pool name". */
export const POOL_NAME = 'Sandbox01'
export const DEFAULT_PORT = 9401
export const HOST = '127.0.0.1'

/** Cognito's default AuthSessionValidity: 3 minutes, which is also how long an MFA code lives. */
export const SESSION_TTL_MS = 3 * 60_000
export const ACCESS_TOKEN_TTL_S = 3600
export const REFRESH_TOKEN_TTL_MS = 30 * 24 * 3600_000
export const SIGN_UP_CODE_TTL_MS = 24 * 3600_000
/** How far a PASSWORD_VERIFIER TIMESTAMP may stray from the server clock. */
export const TIMESTAMP_SKEW_MS = 5 * 60_000

/**
 * The pool's sign-in policy (AllowedFirstAuthFactors): what USER_AUTH may offer. PASSWORD covers
 * both PASSWORD and PASSWORD_SRP; passkeys (WEB_AUTHN) are not in the sandbox.
 * @see https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_SignInPolicyType.html
 */
export const ALLOWED_FIRST_AUTH_FACTORS: readonly string[] = ['PASSWORD', 'EMAIL_OTP', 'SMS_OTP']

/**
 * The pool's DeviceConfiguration, "User opt-in": every sign-in without a known DEVICE_KEY gets a
 * new device key; ConfirmDevice tracks the device, and only UpdateDeviceStatus `remembered` lets
 * it prove itself (DEVICE_SRP_AUTH) in place of the MFA code.
 * @see https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_DeviceConfigurationType.html
 */
export const DEVICE_CONFIGURATION = {
  ChallengeRequiredOnNewDevice: true,
  DeviceOnlyRememberedOnUserPrompt: true,
} as const

/** DEVICE_CONFIGURATION in words, for the sandbox's description. */
export const DEVICE_TRACKING_LABEL =
  'User opt-in: each sign-in without a known DEVICE_KEY gets a new device key (NewDeviceMetadata); a device confirmed (ConfirmDevice) and set remembered (UpdateDeviceStatus) proves itself with DEVICE_SRP_AUTH instead of an MFA code.'

/** Bounds that keep a loop or a hostile caller from growing the pool's memory without end. */
export const LIMITS = {
  bodyBytes: 256 * 1024,
  sessions: 10_000,
  refreshTokenFamilies: 20_000,
  users: 10_000,
  devices: 20_000,
  outboxMessages: 500,
} as const
