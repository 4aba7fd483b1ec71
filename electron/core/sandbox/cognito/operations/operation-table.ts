// The operations the sandbox pool answers, by the name after `AWSCognitoIdentityProviderService.`
// in X-Amz-Target; any other name is an UnknownOperationException.
// @see https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_Operations.html
import type { IncomingHttpHeaders } from 'node:http'
import type { PoolContext } from '../pool-context'
import type { Params } from '../request-params'
import { initiateAuth } from './initiate-auth'
import { respondToAuthChallenge } from './respond-to-auth-challenge'
import { associateSoftwareToken, verifySoftwareToken } from './software-token'
import { setUserMfaPreference } from './mfa-preference'
import { getUser, globalSignOut, revokeToken } from './user-session'
import { signUp } from './sign-up'
import { confirmSignUp, resendConfirmationCode } from './confirm-sign-up'
import { confirmForgotPassword, forgotPassword } from './forgot-password'
import { changePassword } from './change-password'
import { describeUserPool, describeUserPoolClient } from './describe-pool'
import { getTokensFromRefreshToken } from './get-tokens-from-refresh-token'
import { confirmDevice } from './confirm-device'
import { forgetDevice, updateDeviceStatus } from './device-status'

/** `headers` serve the IAM-signed operations, which check the SigV4 Authorization header. */
export type Operation = (
  ctx: PoolContext,
  input: Params,
  headers: IncomingHttpHeaders,
) => Promise<object>

const OPERATIONS = new Map<string, Operation>([
  ['InitiateAuth', initiateAuth],
  ['RespondToAuthChallenge', respondToAuthChallenge],
  ['AssociateSoftwareToken', associateSoftwareToken],
  ['VerifySoftwareToken', verifySoftwareToken],
  ['SetUserMFAPreference', setUserMfaPreference],
  ['GetUser', getUser],
  ['GlobalSignOut', globalSignOut],
  ['RevokeToken', revokeToken],
  ['SignUp', signUp],
  ['ConfirmSignUp', confirmSignUp],
  ['ResendConfirmationCode', resendConfirmationCode],
  ['ForgotPassword', forgotPassword],
  ['ConfirmForgotPassword', confirmForgotPassword],
  ['ChangePassword', changePassword],
  ['DescribeUserPool', describeUserPool],
  ['DescribeUserPoolClient', describeUserPoolClient],
  ['GetTokensFromRefreshToken', getTokensFromRefreshToken],
  ['ConfirmDevice', confirmDevice],
  ['UpdateDeviceStatus', updateDeviceStatus],
  ['ForgetDevice', forgetDevice],
])

/**
 * The handler of an operation name, or undefined for one the sandbox does not implement.
 * @see https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/CommonErrors.html
 */
export function findOperation(name: string): Operation | undefined {
  return OPERATIONS.get(name)
}
