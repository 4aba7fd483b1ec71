// Cognito's account helpers as runs, so a tester can make and reset test users from the tool:
// sign up (and confirm with the code sent), resend the code, reset a forgotten password, change a
// known one. Each API call is one http step; SECRET_HASH is its own compute step.
// @see https://docs.aws.amazon.com/cognito/latest/developerguide/signing-up-users-in-your-app.html
import type {
  CognitoAccountAction,
  CognitoAccountInput,
} from '../../../../shared/cognito-account-input'
import type { FlowDefinition } from '../../runs/flow-registry'
import type { RunContext } from '../../runs/run-context'
import { cognitoEndpoint } from '../cognito-endpoint'
import { SecretHasher } from '../secret-hash-step'
import { createAccountApi } from './account-api'
import type { AccountRun } from './account-run'
import { changePassword, confirmForgotPassword, forgotPassword } from './password-actions'
import { getUser, revokeToken, setUpAuthenticator, signOut } from './session-actions'
import { confirmSignUp, resendCode, signUp } from './sign-up-actions'

const ACTIONS: Record<
  CognitoAccountAction,
  { name: string; run: (run: AccountRun) => Promise<void> }
> = {
  'sign-up': { name: 'sign-up', run: signUp },
  'confirm-sign-up': { name: 'confirm sign-up', run: confirmSignUp },
  'resend-code': { name: 'resend the code', run: resendCode },
  'forgot-password': { name: 'forgotten password', run: forgotPassword },
  'confirm-forgot-password': {
    name: 'new password with the code',
    run: (run) => confirmForgotPassword(run),
  },
  'change-password': { name: 'change password', run: changePassword },
  'get-user': { name: 'read the user', run: getUser },
  'mfa-setup': { name: 'set up an authenticator', run: setUpAuthenticator },
  'sign-out': { name: 'sign out everywhere', run: signOut },
  'revoke-token': { name: 'revoke a refresh token', run: revokeToken },
}

export const cognitoAccountFlow: FlowDefinition<CognitoAccountInput> = {
  title: (input) =>
    `Cognito account: ${ACTIONS[input.action].name} (${input.username ?? "the token's user"})`,
  async run(ctx, input) {
    keepInputSecrets(ctx, input)
    await ACTIONS[input.action].run({
      ctx,
      input,
      api: createAccountApi(ctx, { endpoint: cognitoEndpoint(input), region: input.region }),
      secretHash: new SecretHasher(ctx, input.clientId, input.clientSecret),
      // change-password names no user: the access token does.
      username: input.username ?? '',
    })
    return { failed: false }
  },
}

/**
 * Every secret the input carries goes into the run's box first, under the labels the start
 * input's redaction gives them, so nothing shows them in clear.
 */
function keepInputSecrets(ctx: RunContext, input: CognitoAccountInput): void {
  const labels = {
    clientSecret: 'client_secret',
    password: 'password',
    newPassword: 'new_password',
    code: 'code',
    accessToken: 'access_token',
    refreshToken: 'refresh_token',
  } as const
  for (const [field, label] of Object.entries(labels)) {
    const value = input[field as keyof typeof labels]
    if (value) ctx.secrets.add(value, label)
  }
}
