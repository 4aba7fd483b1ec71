// The door of the pool's IAM-signed (admin) operations: a request must carry an AWS Signature
// Version 4 Authorization header, as real Cognito demands of DescribeUserPool and its kind.
// @see https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_sigv-signing-request.html
import type { IncomingHttpHeaders } from 'node:http'
import { cognitoErrors } from './cognito-errors'

/**
 * Refuses a request without a SigV4 Authorization header (MissingAuthenticationTokenException).
 *
 * The signature itself is not checked, and any access key is accepted: the sandbox has no AWS
 * account, so there is no secret key a signature could be checked against, and a tester's made-up
 * credentials are as good as any. What the sandbox teaches is the boundary: these operations need
 * AWS credentials, unlike InitiateAuth and the other public operations.
 * @see https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/CommonErrors.html
 */
export function requireIamSignature(headers: IncomingHttpHeaders): void {
  const authorization = headers.authorization ?? ''
  if (!/^AWS4-HMAC-SHA256 Credential=\S+/.test(authorization)) {
    throw cognitoErrors.missingAuthenticationToken()
  }
}
