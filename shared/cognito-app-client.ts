// The settings of a Cognito app client that the client linter reads, in the shape
// DescribeUserPoolClient returns them (a subset of UserPoolClientType; other members are dropped),
// and what is about to run against the client. Zod only: the renderer imports this.
// @see https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_UserPoolClientType.html
import { z } from 'zod'
import type { CognitoRunFlow } from './cognito-flow-input'

export const TimeUnit = z.enum(['seconds', 'minutes', 'hours', 'days'])
export type TimeUnit = z.infer<typeof TimeUnit>

export const CognitoAppClient = z.object({
  ClientId: z.string().optional(),
  /**
   * Ours, in place of DescribeUserPoolClient's ClientSecret: only its presence matters here, and
   * the secret itself is never kept with the settings.
   */
  HasClientSecret: z.boolean().optional(),
  ExplicitAuthFlows: z.array(z.string()).optional(),
  AllowedOAuthFlowsUserPoolClient: z.boolean().optional(),
  AllowedOAuthFlows: z.array(z.string()).optional(),
  AllowedOAuthScopes: z.array(z.string()).optional(),
  CallbackURLs: z.array(z.string()).optional(),
  LogoutURLs: z.array(z.string()).optional(),
  DefaultRedirectURI: z.string().optional(),
  SupportedIdentityProviders: z.array(z.string()).optional(),
  AccessTokenValidity: z.number().optional(),
  IdTokenValidity: z.number().optional(),
  RefreshTokenValidity: z.number().optional(),
  TokenValidityUnits: z
    .object({
      AccessToken: TimeUnit.optional(),
      IdToken: TimeUnit.optional(),
      RefreshToken: TimeUnit.optional(),
    })
    .optional(),
  RefreshTokenRotation: z
    .object({
      Feature: z.enum(['ENABLED', 'DISABLED']),
      RetryGracePeriodSeconds: z.number().optional(),
    })
    .optional(),
  EnableTokenRevocation: z.boolean().optional(),
  PreventUserExistenceErrors: z.enum(['ENABLED', 'LEGACY']).optional(),
  /** Minutes a sign-in session (one challenge) lives. */
  AuthSessionValidity: z.number().optional(),
})
export type CognitoAppClient = z.infer<typeof CognitoAppClient>

/** What is about to run against the client: an InitiateAuth flow, an OAuth grant, or both. */
export type CognitoClientUse = {
  /** An InitiateAuth flow (the sign-ins and REFRESH_TOKEN_AUTH). */
  authFlow?: CognitoRunFlow
  /** Refreshing through GetTokensFromRefreshToken rather than InitiateAuth. */
  refreshWith?: 'GetTokensFromRefreshToken'
  oauth?: {
    grant: 'authorization_code' | 'implicit' | 'client_credentials'
    redirectUri?: string
    scopes?: string[]
    pkceMethod?: 'S256' | 'plain'
  }
}

/**
 * The pool settings shown beside an imported client: how users sign in, MFA, the password policy
 * and device tracking, as DescribeUserPool returns them (a subset of UserPoolType).
 * @see https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_UserPoolType.html
 */
export const CognitoPoolSettings = z.object({
  Id: z.string().optional(),
  Name: z.string().optional(),
  MfaConfiguration: z.enum(['OFF', 'ON', 'OPTIONAL']).optional(),
  UsernameAttributes: z.array(z.string()).optional(),
  AliasAttributes: z.array(z.string()).optional(),
  AutoVerifiedAttributes: z.array(z.string()).optional(),
  UserPoolTier: z.string().optional(),
  Domain: z.string().optional(),
  CustomDomain: z.string().optional(),
  PasswordPolicy: z
    .object({
      MinimumLength: z.number().optional(),
      RequireUppercase: z.boolean().optional(),
      RequireLowercase: z.boolean().optional(),
      RequireNumbers: z.boolean().optional(),
      RequireSymbols: z.boolean().optional(),
      TemporaryPasswordValidityDays: z.number().optional(),
    })
    .optional(),
  AllowedFirstAuthFactors: z.array(z.string()).optional(),
  DeviceConfiguration: z
    .object({
      ChallengeRequiredOnNewDevice: z.boolean().optional(),
      DeviceOnlyRememberedOnUserPrompt: z.boolean().optional(),
    })
    .optional(),
})
export type CognitoPoolSettings = z.infer<typeof CognitoPoolSettings>

/** What an import read from AWS (or an emulator), and when: kept with the profile's client. */
export const CognitoClientSettings = z.object({
  importedAt: z.string(),
  pool: CognitoPoolSettings,
  client: CognitoAppClient,
})
export type CognitoClientSettings = z.infer<typeof CognitoClientSettings>
