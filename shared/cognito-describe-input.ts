// Which Cognito app client to import the settings of (DescribeUserPool, DescribeUserPoolClient),
// and with which AWS credentials.
// @see https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_DescribeUserPoolClient.html
import { z } from 'zod'
import { CognitoFlowInput, CognitoRegion, CognitoUserPoolId } from './cognito-flow-input'

/** Which app client to import, and with which AWS credentials. */
export const DescribeClientInput = z
  .strictObject({
    region: CognitoRegion,
    userPoolId: CognitoUserPoolId,
    clientId: CognitoFlowInput.shape.clientId,
    endpoint: CognitoFlowInput.shape.endpoint,
    /**
     * Where AWS credentials come from, chosen explicitly (never ambient by surprise): a profile of
     * ~/.aws/config, or the SDK's default chain (environment, default profile, SSO, instance
     * roles). Neither is needed for a loopback endpoint (the sandbox, an emulator).
     */
    useDefaultChain: z.boolean().optional(),
    awsProfile: z
      .string()
      .regex(/^[\w.@+-]{1,64}$/, 'An AWS profile name is letters, digits and . @ + - _ only.')
      .optional(),
  })
  .refine((input) => !(input.useDefaultChain && input.awsProfile), {
    message: 'Choose one source of AWS credentials: a named profile or the default chain.',
    path: ['awsProfile'],
  })
export type DescribeClientInput = z.infer<typeof DescribeClientInput>
