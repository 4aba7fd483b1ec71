// Imports an app client's settings, and its pool's, with the user's AWS credentials:
// DescribeUserPool and DescribeUserPoolClient are IAM-signed admin reads (unlike sign-in), so they
// go through a named AWS profile or, when the user chooses it, the standard credential chain
// (environment, ~/.aws profiles, SSO, instance roles). The client secret they return is dropped
// at once: only its presence is kept.
// @see https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_DescribeUserPoolClient.html
import {
  CognitoIdentityProviderClient,
  DescribeUserPoolClientCommand,
  DescribeUserPoolCommand,
  type UserPoolClientType,
  type UserPoolType,
} from '@aws-sdk/client-cognito-identity-provider'
import {
  CognitoAppClient,
  CognitoPoolSettings,
  type CognitoClientSettings,
} from '../../../shared/cognito-app-client'
import { isLoopbackHttpUrl } from '../../../shared/loopback-hosts'
import { AfxError } from '../errors'
import { hintForCognitoError } from './cognito-error-hints'
import { cognitoEndpoint } from './cognito-endpoint'

export type DescribeTarget = {
  region: string
  userPoolId: string
  clientId: string
  /** The sandbox or an emulator in place of AWS. */
  endpoint?: string | undefined
  /** A profile of ~/.aws/config to take credentials from. */
  awsProfile?: string | undefined
  /** The SDK's default credential chain, chosen by the user. */
  useDefaultChain?: boolean | undefined
}

/**
 * Emulators on this machine check no signature, but the SDK must sign with something: these
 * stand in, so a sandbox import needs no AWS account.
 */
const LOOPBACK_CREDENTIALS = { accessKeyId: 'afx-loopback', secretAccessKey: 'afx-loopback' }

/**
 * Reads the pool's and the client's settings; errors say what to change (credentials, IAM, ids).
 * @see https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_DescribeUserPool.html
 */
export async function describeAppClient(
  target: DescribeTarget,
  now: () => Date = () => new Date(),
): Promise<CognitoClientSettings> {
  const endpoint = cognitoEndpoint(target)
  const client = new CognitoIdentityProviderClient({
    region: target.region,
    endpoint,
    // An admin read repeated unasked is harmless, but a refusal should be seen at once.
    maxAttempts: 1,
    ...credentialsFor(endpoint, target),
  })
  try {
    const [pool, appClient] = await Promise.all([
      client.send(new DescribeUserPoolCommand({ UserPoolId: target.userPoolId })),
      client.send(
        new DescribeUserPoolClientCommand({
          UserPoolId: target.userPoolId,
          ClientId: target.clientId,
        }),
      ),
    ])
    return {
      importedAt: now().toISOString(),
      pool: poolSettingsOf(pool.UserPool ?? {}),
      client: appClientSettingsOf(appClient.UserPoolClient ?? {}),
    }
  } catch (error) {
    throw describeFailure(error, target)
  } finally {
    client.destroy()
  }
}

/**
 * Which credentials sign the reads. Ambient AWS credentials are never used unasked (security.md
 * §7.8 #127): the person names a profile or chooses the default chain.
 */
function credentialsFor(endpoint: string, target: DescribeTarget) {
  if (isLoopbackHttpUrl(new URL(endpoint))) return { credentials: LOOPBACK_CREDENTIALS }
  if (target.awsProfile) return { profile: target.awsProfile }
  if (target.useDefaultChain) return {}
  throw new AfxError(
    'AWS_CREDENTIALS_MISSING',
    'Choose where the AWS credentials for the import come from.',
    {
      hint: 'Name an AWS profile (from ~/.aws/config), or choose the default credential chain (environment variables, the default profile, SSO). Importing reads the pool with that identity.',
      ref: 'AWS SDK for JavaScript v3, setting credentials in Node.js',
    },
  )
}

/** The client's settings the linter reads; the secret becomes `HasClientSecret`. */
export function appClientSettingsOf(described: UserPoolClientType): CognitoAppClient {
  const { ClientSecret, ...settings } = described
  return CognitoAppClient.parse({ ...settings, HasClientSecret: ClientSecret !== undefined })
}

/** The pool's settings shown beside the client. */
export function poolSettingsOf(described: UserPoolType): CognitoPoolSettings {
  return CognitoPoolSettings.parse({
    ...described,
    PasswordPolicy: described.Policies?.PasswordPolicy,
    AllowedFirstAuthFactors: described.Policies?.SignInPolicy?.AllowedFirstAuthFactors,
  })
}

function describeFailure(error: unknown, target: DescribeTarget): AfxError {
  const name = error instanceof Error ? error.name : ''
  const message = error instanceof Error ? error.message : String(error)
  if (name === 'CredentialsProviderError') {
    const where = target.awsProfile
      ? `the AWS profile "${target.awsProfile}"`
      : 'the AWS credential chain'
    return new AfxError('AWS_CREDENTIALS_MISSING', `No AWS credentials came from ${where}.`, {
      hint: 'Importing reads the pool with your AWS identity: set AWS_PROFILE or name a profile, run "aws configure" or "aws sso login", or enter the settings by hand.',
      ref: 'AWS SDK for JavaScript v3, setting credentials in Node.js',
      cause: error,
    })
  }
  const known = hintForCognitoError(name, message)
  return new AfxError(
    'COGNITO_DESCRIBE_REFUSED',
    known
      ? `Cognito refused the import with ${name}: "${message}".`
      : `The import failed: ${message}`,
    {
      hint:
        known?.hint ??
        `Check the region (${target.region}), the pool id and the app client id, and that ${cognitoEndpoint(target)} is reachable.`,
      ref: known?.ref,
      cause: error,
    },
  )
}
