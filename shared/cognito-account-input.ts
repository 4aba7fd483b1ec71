// What starting a Cognito account run takes: the user pool and app client (as for a sign-in), the
// account action (sign up, confirm, resend the code, reset or change the password; read the user,
// enrol an authenticator, sign out, revoke a refresh token) and what that action needs. Passwords,
// codes and tokens go straight into the run's secret box.
// @see https://docs.aws.amazon.com/cognito/latest/developerguide/signing-up-users-in-your-app.html
import { z } from 'zod'
import { CognitoFlowInput } from './cognito-flow-input'

/** The account actions, each one run (the two that send a code may go on to confirm it). */
export const CognitoAccountAction = z.enum([
  'sign-up',
  'confirm-sign-up',
  'resend-code',
  'forgot-password',
  'confirm-forgot-password',
  'change-password',
  'get-user',
  'mfa-setup',
  'sign-out',
  'revoke-token',
])
export type CognitoAccountAction = z.infer<typeof CognitoAccountAction>

/** The pool and client fields, the same as a sign-in's. */
const { profile, region, userPoolId, clientId, clientSecret, endpoint } = CognitoFlowInput.shape

/**
 * Every pool's policy asks for at least 6 characters; refusing shorter ones here also keeps a
 * password from being too short for the run's redaction to find.
 * @see https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_PasswordPolicyType.html
 */
const Password = z
  .string()
  .min(6, 'A Cognito password is at least 6 characters (the shortest policy a pool can set).')
  .max(256)

const ATTRIBUTE_NAME_RULE = 'An attribute name looks like email, phone_number or custom:team.'

/** A standard attribute (email, phone_number, name…) or a custom one (custom:team). */
export const CognitoAttributeName = z.string().regex(/^[\w:.-]{1,32}$/, ATTRIBUTE_NAME_RULE)

/** Which actions use each optional field; a field given to another action is a mistake. */
const FIELD_ACTIONS = {
  username: [
    'sign-up',
    'confirm-sign-up',
    'resend-code',
    'forgot-password',
    'confirm-forgot-password',
  ],
  password: ['sign-up', 'change-password'],
  attributes: ['sign-up'],
  code: ['confirm-sign-up', 'confirm-forgot-password'],
  newPassword: ['forgot-password', 'confirm-forgot-password', 'change-password'],
  accessToken: ['change-password', 'get-user', 'mfa-setup', 'sign-out'],
  refreshToken: ['revoke-token'],
  asAuthenticator: ['mfa-setup'],
  confirm: ['sign-up', 'resend-code', 'forgot-password'],
} as const satisfies Record<string, readonly CognitoAccountAction[]>

export type CognitoAccountField = keyof typeof FIELD_ACTIONS

/** The actions whose token names the user, so no user name is asked. */
const TOKEN_ACTIONS: readonly CognitoAccountAction[] = [
  'change-password',
  'get-user',
  'mfa-setup',
  'sign-out',
  'revoke-token',
]

/** How an error names the action that needs an access token. */
const ACTION_WORDS: Partial<Record<CognitoAccountAction, string>> = {
  'change-password': 'Changing a password',
  'get-user': 'Reading the user',
  'mfa-setup': 'Setting up an authenticator',
  'sign-out': 'Signing out',
}

/** Whether `action` takes `field` (the form shows it, the input accepts it). */
export function usesField(action: CognitoAccountAction, field: CognitoAccountField): boolean {
  return (FIELD_ACTIONS[field] as readonly CognitoAccountAction[]).includes(action)
}

const FIELD_WORDS: Record<CognitoAccountField, string> = {
  username: 'A user name (the access token names the user)',
  password: 'A password',
  attributes: 'Attributes',
  code: 'A code',
  newPassword: 'A new password',
  accessToken: 'An access token',
  refreshToken: 'A refresh token',
  asAuthenticator: 'Acting as the authenticator',
  confirm: 'Confirming in the same run',
}

export const CognitoAccountInput = z
  .object({
    flow: z.literal('cognito-account'),
    profile,
    region,
    userPoolId,
    clientId,
    clientSecret,
    endpoint,
    action: CognitoAccountAction,
    /** The user name (or, where the pool allows, an alias); change-password reads it from the token. */
    username: z.string().min(1, 'The user name is required.').max(128).optional(),
    /** sign-up: the new user's password; change-password: the current one. */
    password: Password.optional(),
    /** sign-up: UserAttributes by name (email, phone_number, name, custom:…). */
    attributes: z
      .record(CognitoAttributeName, z.string().max(2048), {
        // A bad name is reported on the record, which would only say "Invalid key in record".
        error: (issue) => (issue.code === 'invalid_key' ? ATTRIBUTE_NAME_RULE : undefined),
      })
      .optional(),
    /** The code Cognito sent; asked for in the run when missing. */
    code: z.string().min(1).max(2048).optional(),
    /** The password to set; asked for (with the code) by a reset when missing. */
    newPassword: Password.optional(),
    /** change-password, get-user, mfa-setup, sign-out: the access token of a sign-in of the user. */
    accessToken: z.string().min(1).max(8192).optional(),
    /** revoke-token: the refresh token to revoke (with the tokens minted from it). */
    refreshToken: z.string().min(1).max(8192).optional(),
    /**
     * mfa-setup: the run is the authenticator, computing the first code from the secret Cognito
     * issues (for scripts and demonstrations; a person scans the QR code instead).
     */
    asAuthenticator: z.boolean().optional(),
    /**
     * sign-up, resend-code, forgot-password: once the code is sent, ask for it and confirm (or set
     * the new password) in the same run.
     */
    confirm: z.boolean().default(true),
    /** `step`: each step waits, prepared, until advanced. */
    mode: z.enum(['auto', 'step']).default('auto'),
  })
  .superRefine((input, ctx) => {
    const { action } = input
    const need = (field: keyof typeof input, message: string) => {
      if (input[field] === undefined) ctx.addIssue({ code: 'custom', message, path: [field] })
    }
    if (!TOKEN_ACTIONS.includes(action)) need('username', 'The user name is required.')
    if (action === 'sign-up') need('password', 'Sign-up needs the password the new user will have.')
    if (usesField(action, 'accessToken')) {
      need(
        'accessToken',
        `${ACTION_WORDS[action]} needs the access token of a sign-in of the user.`,
      )
    }
    if (action === 'revoke-token') need('refreshToken', 'Revoking needs the refresh token.')
    if (action === 'change-password') {
      need('password', 'Changing a password needs the current password.')
      need('newPassword', 'Changing a password needs the new password.')
    }
    for (const [field, actions] of Object.entries(FIELD_ACTIONS)) {
      const key = field as CognitoAccountField
      // `confirm` always has a value (its default): only a refusal to confirm can be misplaced.
      const given = key === 'confirm' ? input.confirm === false : input[key] !== undefined
      if (given && !usesField(action, key)) {
        ctx.addIssue({
          code: 'custom',
          message: `${FIELD_WORDS[key]} is not used by ${action}; it is for ${actions.join(', ')}.`,
          path: [field],
        })
      }
    }
  })
export type CognitoAccountInput = z.infer<typeof CognitoAccountInput>
