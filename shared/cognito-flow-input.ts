// What starting a Cognito sign-in takes: the user pool, the app client, the user and the flow.
// The password and client secret go straight into the run's secret box.
// @see https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_InitiateAuth.html
import { z } from 'zod'

/** The InitiateAuth flows a person can sign in with from this client (no admin, no refresh). */
export const CognitoAuthFlow = z.enum(['USER_SRP_AUTH', 'USER_PASSWORD_AUTH', 'CUSTOM_AUTH'])
export type CognitoAuthFlow = z.infer<typeof CognitoAuthFlow>

export const CognitoRegion = z
  .string()
  .regex(/^[a-z]{2}(-[a-z]+)+-\d{1,2}$/, 'A region looks like us-east-1 or eu-central-1.')

export const CognitoUserPoolId = z
  .string()
  .regex(/^[\w-]+_[0-9a-zA-Z]+$/, 'A user pool id looks like us-east-1_Abc123.')
  .max(55)

export const CognitoFlowInput = z
  .object({
    flow: z.literal('cognito'),
    /** The saved profile this sign-in comes from; its kept client secret fills a gap. */
    profile: z.string().min(1).max(80).optional(),
    region: CognitoRegion,
    userPoolId: CognitoUserPoolId,
    clientId: z.string().min(1, 'The app client id is required.').max(128),
    clientSecret: z.string().max(256).optional(),
    /** Another host for the API (the sandbox, an emulator); AWS's regional endpoint otherwise. */
    endpoint: z
      .url({ protocol: /^https?$/, error: 'Give a full http:// or https:// URL.' })
      .optional(),
    /** The user name or an alias (email, phone, preferred_username). */
    username: z.string().min(1, 'The user name is required.').max(128),
    /** Required except for CUSTOM_AUTH, which then goes straight to the custom challenge. */
    password: z.string().max(256).optional(),
    authFlow: CognitoAuthFlow.default('USER_SRP_AUTH'),
    /** `step`: each step waits, prepared, until advanced. */
    mode: z.enum(['auto', 'step']).default('auto'),
  })
  .refine((input) => input.authFlow === 'CUSTOM_AUTH' || Boolean(input.password), {
    message: 'USER_SRP_AUTH and USER_PASSWORD_AUTH need the password.',
    path: ['password'],
  })
export type CognitoFlowInput = z.infer<typeof CognitoFlowInput>
