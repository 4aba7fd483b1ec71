// What starting a Cognito run takes: the user pool, the app client, the user and the flow (a
// sign-in, choice-based or not, or a refresh token traded for new tokens), and optionally answers
// given in advance for scripts, and a device remembered earlier. The password, client secret,
// refresh token, code, TOTP secret and device password go straight into the run's secret box.
// @see https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_InitiateAuth.html
import { z } from 'zod'
import { CognitoClientSettings } from './cognito-app-client'

/** The InitiateAuth flows that sign a person in from this client (no admin flows). */
export const CognitoAuthFlow = z.enum([
  'USER_SRP_AUTH',
  'USER_PASSWORD_AUTH',
  'CUSTOM_AUTH',
  'USER_AUTH',
])
export type CognitoAuthFlow = z.infer<typeof CognitoAuthFlow>

/**
 * The first factors of choice-based sign-in (USER_AUTH) a run can answer: the password sent or
 * proven by SRP, or a code sent by email or SMS. Passkeys (WEB_AUTHN) are not among them.
 * @see https://docs.aws.amazon.com/cognito/latest/developerguide/authentication-flows-selection-sdk.html#authentication-flows-selection-choice
 */
export const UserAuthChallenge = z.enum(['PASSWORD', 'PASSWORD_SRP', 'EMAIL_OTP', 'SMS_OTP'], {
  error: 'A challenge is PASSWORD, PASSWORD_SRP, EMAIL_OTP or SMS_OTP.',
})
export type UserAuthChallenge = z.infer<typeof UserAuthChallenge>

/** Every InitiateAuth flow a Cognito run starts with: a sign-in, or REFRESH_TOKEN_AUTH. */
export const CognitoRunFlow = z.enum([...CognitoAuthFlow.options, 'REFRESH_TOKEN_AUTH'])
export type CognitoRunFlow = z.infer<typeof CognitoRunFlow>

/** The flows that cannot start without the password (CUSTOM_AUTH and USER_AUTH may do without). */
export const needsPassword = (flow: CognitoRunFlow): boolean =>
  flow === 'USER_SRP_AUTH' || flow === 'USER_PASSWORD_AUTH'

export const CognitoRegion = z
  .string()
  .regex(/^[a-z]{2}(-[a-z]+)+-\d{1,2}$/, 'A region looks like us-east-1 or eu-central-1.')

export const CognitoUserPoolId = z
  .string()
  .regex(/^[\w-]+_[0-9a-zA-Z]+$/, 'A user pool id looks like us-east-1_Abc123.')
  .max(55)

/** A TOTP secret as authenticator apps and Cognito's SecretCode write it: base32. */
export const TotpSecret = z
  .string()
  .regex(/^[A-Z2-7]+=*$/i, 'A TOTP secret is base32: the letters A-Z and the digits 2-7.')
  .max(256)

/**
 * A device Cognito remembers for this user, as an earlier run kept it: the device key and group
 * key from NewDeviceMetadata, and the device password the run made (a secret). With it, the
 * sign-in proves the device (DEVICE_SRP_AUTH) instead of answering MFA.
 * @see https://docs.aws.amazon.com/cognito/latest/developerguide/amazon-cognito-user-pools-device-tracking.html
 */
export const CognitoRememberedDevice = z.object({
  deviceKey: z
    .string()
    .regex(/^[\w-]+_[0-9a-f-]+$/, 'A device key looks like us-east-1_ followed by a UUID.')
    .max(55),
  deviceGroupKey: z.string().min(1, 'The device group key is required.').max(1024),
  devicePassword: z.string().min(1, 'The device password is required.').max(1024),
})
export type CognitoRememberedDevice = z.infer<typeof CognitoRememberedDevice>

export const CognitoFlowInput = z
  .object({
    flow: z.literal('cognito'),
    /**
     * The saved profile this sign-in comes from: its kept client secret fills a gap, and so do
     * the password and TOTP secret it keeps for the test user named.
     */
    profile: z.string().min(1).max(80).optional(),
    region: CognitoRegion,
    userPoolId: CognitoUserPoolId,
    clientId: z.string().min(1, 'The app client id is required.').max(128),
    clientSecret: z.string().max(256).optional(),
    /** Another host for the API (the sandbox, an emulator); AWS's regional endpoint otherwise. */
    endpoint: z
      .url({ protocol: /^https?$/, error: 'Give a full http:// or https:// URL.' })
      .optional(),
    /**
     * The user name or an alias (email, phone, preferred_username). For REFRESH_TOKEN_AUTH, the
     * name Cognito knows the user by (cognito:username), which SECRET_HASH needs; asked when a
     * client secret needs it and it is missing.
     */
    username: z.string().min(1, 'The user name is required.').max(128).optional(),
    /**
     * Required for USER_SRP_AUTH and USER_PASSWORD_AUTH (unless a profile keeps it for the user);
     * CUSTOM_AUTH may go straight on, and USER_AUTH asks for it only when the factor chosen needs it.
     */
    password: z.string().max(256).optional(),
    /** REFRESH_TOKEN_AUTH: the refresh token of an earlier sign-in. */
    refreshToken: z.string().min(1).max(8192).optional(),
    /**
     * REFRESH_TOKEN_AUTH: which call trades the refresh token. GetTokensFromRefreshToken is the
     * one a client that rotates refresh tokens must use (and the one that returns a new one).
     */
    refreshWith: z
      .enum(['InitiateAuth', 'GetTokensFromRefreshToken'], {
        error: 'Refresh with InitiateAuth or GetTokensFromRefreshToken.',
      })
      .optional(),
    /**
     * The app client's settings as a profile last imported them (filled in by the engine from
     * the profile): the run lints them for this flow before it sends anything.
     */
    clientSettings: CognitoClientSettings.optional(),
    authFlow: CognitoRunFlow.default('USER_SRP_AUTH'),
    /** USER_AUTH: the first factor to ask for (PREFERRED_CHALLENGE); none lets Cognito offer. */
    preferredChallenge: UserAuthChallenge.optional(),
    /** Answers the first code challenge (SMS, email or authenticator code) without asking. */
    code: z.string().min(1).max(64).optional(),
    /**
     * The authenticator's secret: the run computes SOFTWARE_TOKEN_MFA codes itself, and acts as
     * the authenticator when MFA_SETUP enrols a new one (with the secret Cognito then issues).
     */
    totpSecret: TotpSecret.optional(),
    /** A device remembered earlier: its key goes with the sign-in, and it proves itself. */
    device: CognitoRememberedDevice.optional(),
    /**
     * What to do with a new device key Cognito gives with the tokens: true confirms the device
     * (ConfirmDevice) and remembers it (UpdateDeviceStatus), false confirms it only; absent, the
     * run only shows the key, so exploring a real pool leaves no device on the user's account.
     */
    rememberDevice: z.boolean().optional(),
    /** `step`: each step waits, prepared, until advanced. */
    mode: z.enum(['auto', 'step']).default('auto'),
  })
  .refine((input) => input.authFlow === 'REFRESH_TOKEN_AUTH' || Boolean(input.username), {
    message: 'The user name is required.',
    path: ['username'],
  })
  .refine(
    // From a profile, the engine fills it from the test user, or says in words that it cannot.
    (input) => !needsPassword(input.authFlow) || Boolean(input.password) || Boolean(input.profile),
    { message: 'USER_SRP_AUTH and USER_PASSWORD_AUTH need the password.', path: ['password'] },
  )
  .refine((input) => input.authFlow === 'USER_AUTH' || input.preferredChallenge === undefined, {
    message: 'A preferred challenge belongs to USER_AUTH (choice-based sign-in).',
    path: ['preferredChallenge'],
  })
  .refine((input) => input.authFlow !== 'REFRESH_TOKEN_AUTH' || Boolean(input.refreshToken), {
    message: 'REFRESH_TOKEN_AUTH needs the refresh token.',
    path: ['refreshToken'],
  })
  .refine((input) => input.authFlow === 'REFRESH_TOKEN_AUTH' || input.refreshWith === undefined, {
    message: 'Choosing the refresh call belongs to REFRESH_TOKEN_AUTH.',
    path: ['refreshWith'],
  })
  .refine((input) => !(input.code && input.totpSecret), {
    message: 'Give a code or a TOTP secret to compute codes from, not both.',
    path: ['code'],
  })
export type CognitoFlowInput = z.infer<typeof CognitoFlowInput>
