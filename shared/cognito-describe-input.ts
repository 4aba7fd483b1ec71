// Which Cognito app client to import the settings of (DescribeUserPool, DescribeUserPoolClient),
// and with which AWS credentials.
// @see https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_DescribeUserPoolClient.html
import { z } from 'zod'
import { CognitoFlowInput, CognitoRegion, CognitoUserPoolId } from './cognito-flow-input'

/** Which app client to import, and with which AWS credentials. */
export const DescribeClientInput = z.strictObject({
  region: CognitoRegion,
  userPoolId: CognitoUserPoolId,
  clientId: CognitoFlowInput.shape.clientId,
  endpoint: CognitoFlowInput.shape.endpoint,
  /** A profile of ~/.aws/config; the standard credential chain when absent. */
  awsProfile: z
    .string()
    .regex(/^[\w.@+-]{1,64}$/, 'An AWS profile name is letters, digits and . @ + - _ only.')
    .optional(),
})
export type DescribeClientInput = z.infer<typeof DescribeClientInput>
