// The workspace a person keeps between sessions: saved provider profiles (a Cognito one with its
// test users), settings, and where each secret lives. Profiles reach the renderer without secret
// values: only whether a secret is kept and where (the OS keychain, the passphrase vault, or this
// session's memory).
import { z } from 'zod'
import { CognitoClientSettings } from './cognito-app-client'
import { CognitoRegion, CognitoUserPoolId, TotpSecret } from './cognito-flow-input'
import { ClientAuthMethod, HttpUrl, ProviderEndpoints, RedirectInput } from './flow-input'

export const ProfileName = z
  .string()
  .trim()
  .min(1, 'A profile needs a name.')
  .max(80, 'A profile name is at most 80 characters.')
  .regex(/^[^\p{Cc}]*$/u, 'A profile name cannot hold control characters.')

/** The provider families whose quirks a preset pre-fills. */
export const PresetId = z.enum([
  'sandbox',
  'cognito',
  'auth0',
  'okta',
  'entra',
  'keycloak',
  'google',
  'generic',
])
export type PresetId = z.infer<typeof PresetId>

export const ProfileProvider = z.discriminatedUnion('kind', [
  /** Discovered from `<issuer>/.well-known/openid-configuration` when a flow starts. */
  z.object({ kind: z.literal('issuer'), issuer: HttpUrl }),
  z.object({ kind: z.literal('endpoints'), endpoints: ProviderEndpoints }),
  z.object({
    kind: z.literal('cognito'),
    region: CognitoRegion,
    userPoolId: CognitoUserPoolId,
    /** Another host for the API (the sandbox, an emulator). */
    endpoint: HttpUrl.optional(),
    /** The hosted UI, https://<domain>.auth.<region>.amazoncognito.com or a custom domain. */
    hostedUiDomain: HttpUrl.optional(),
  }),
])
export type ProfileProvider = z.infer<typeof ProfileProvider>

/** Where a secret is kept between sessions. */
export const SecretHome = z.enum([
  /** Encrypted by the OS keychain (Electron safeStorage). */
  'os-keychain',
  /** Encrypted with the user's passphrase (scrypt, AES-256-GCM). */
  'vault',
  /** Only in this process's memory: forgotten when the app closes. */
  'session',
])
export type SecretHome = z.infer<typeof SecretHome>

/** A secret as shown: whether it is kept, and where; never the value. */
export const KeptSecret = z.object({
  home: SecretHome,
  /** False when it lives in a locked vault or was kept only by an earlier session. */
  available: z.boolean(),
})
export type KeptSecret = z.infer<typeof KeptSecret>

/** A secret as saved: set to a new value, or cleared; absent leaves a kept one as it is. */
const secretChange = (value: z.ZodString) =>
  z.union([z.object({ set: value }), z.object({ clear: z.literal(true) })])

const ClientFields = {
  clientId: z
    .string({ error: 'The client id is required.' })
    .min(1, 'The client id is required.')
    .max(500),
  authMethod: ClientAuthMethod.optional(),
  scope: z.string().max(2000).optional(),
  extraParams: z.record(z.string().max(200), z.string().max(4000)).optional(),
  redirect: RedirectInput.optional(),
  /** A Cognito client's settings as last imported from AWS, for the app-client linter. */
  cognitoSettings: CognitoClientSettings.optional(),
}

/** A client as shown: whether its secret is kept, and where; never the value. */
export const ProfileClient = z.object({ ...ClientFields, secret: KeptSecret.optional() })
export type ProfileClient = z.infer<typeof ProfileClient>

/** The user name a Cognito sign-in gives (as CognitoFlowInput takes it). */
const TestUserName = z
  .string({ error: 'A test user needs a user name.' })
  .min(1, 'A test user needs a user name.')
  .max(128, 'A user name is at most 128 characters.')

/**
 * A test user of a Cognito profile as shown: whether its password and TOTP secret are kept, and
 * where. A run from the profile that names this user gets them from the engine.
 */
export const ProfileUser = z.object({
  username: TestUserName,
  password: KeptSecret.optional(),
  /** The authenticator's secret (base32): the run computes SOFTWARE_TOKEN_MFA codes from it. */
  totpSecret: KeptSecret.optional(),
})
export type ProfileUser = z.infer<typeof ProfileUser>

/** The secrets a test user may keep, by field. */
export type TestUserSecret = Exclude<keyof ProfileUser, 'username'>

export const Profile = z.object({
  name: ProfileName,
  preset: PresetId.default('generic'),
  provider: ProfileProvider,
  clients: z.array(ProfileClient).max(50),
  /** Cognito only: users to sign in as. */
  users: z.array(ProfileUser).max(50).optional(),
  notes: z.string().max(4000).optional(),
  updatedAt: z.string(),
})
export type Profile = z.infer<typeof Profile>

/** A client as saved: `secret` set or cleared; absent leaves a kept secret as it is. */
export const ProfileClientInput = z.object({
  ...ClientFields,
  /** A client secret, or the private JWK of a private_key_jwt client (which can be long). */
  secret: secretChange(z.string().min(1).max(16_384)).optional(),
})
export type ProfileClientInput = z.infer<typeof ProfileClientInput>

/** A test user as saved: each secret set or cleared; absent leaves a kept one as it is. */
export const ProfileUserInput = z.object({
  username: TestUserName,
  password: secretChange(
    z.string().min(1).max(256, 'A password is at most 256 characters.'),
  ).optional(),
  totpSecret: secretChange(TotpSecret).optional(),
})
export type ProfileUserInput = z.infer<typeof ProfileUserInput>

/**
 * Test users belong to a Cognito profile (a user pool), one entry per user name: a run finds its
 * user by name. Checks a profile as saved and as imported.
 */
export function checkTestUsers(
  profile: { provider: ProfileProvider; users?: Array<{ username: string }> | undefined },
  ctx: z.RefinementCtx,
): void {
  const users = profile.users ?? []
  if (users.length > 0 && profile.provider.kind !== 'cognito') {
    ctx.addIssue({
      code: 'custom',
      path: ['users'],
      message:
        'Test users belong to a Cognito profile (a user pool): remove them, or make the provider a Cognito user pool.',
    })
  }
  const seen = new Set<string>()
  users.forEach(({ username }, index) => {
    if (seen.has(username)) {
      ctx.addIssue({
        code: 'custom',
        path: ['users', index, 'username'],
        message: `Two test users are named "${username}": remove one.`,
      })
    }
    seen.add(username)
  })
}

export const ProfileInput = z
  .object({
    name: ProfileName,
    preset: PresetId.default('generic'),
    provider: ProfileProvider,
    clients: z.array(ProfileClientInput).max(50),
    users: z.array(ProfileUserInput).max(50).optional(),
    notes: z.string().max(4000).optional(),
  })
  .superRefine(checkTestUsers)
export type ProfileInput = z.infer<typeof ProfileInput>

export const Settings = z.object({
  /** Finished runs kept in history; the oldest go first. */
  historyMaxRuns: z.number().int().min(1).max(10_000),
  /** Runs older than this many days are dropped from history. */
  historyMaxAgeDays: z.number().int().min(1).max(3650),
  /** Larger type, an explanation before each step, and the "break it" toggles. */
  trainerMode: z.boolean(),
})
export type Settings = z.infer<typeof Settings>

export const DEFAULT_SETTINGS: Settings = {
  historyMaxRuns: 200,
  historyMaxAgeDays: 30,
  trainerMode: false,
}

/** A file the workspace could not read, set aside rather than overwritten. */
export const StoreProblem = z.object({
  file: z.string(),
  /** Where the unreadable file was moved, to be repaired or removed by hand. */
  keptAs: z.string().optional(),
  message: z.string(),
})
export type StoreProblem = z.infer<typeof StoreProblem>

export const WorkspaceStatus = z.object({
  dataDir: z.string(),
  /** Where a secret saved now would be kept. */
  secretHome: SecretHome,
  vault: z.enum(['absent', 'locked', 'unlocked']),
  problems: z.array(StoreProblem),
})
export type WorkspaceStatus = z.infer<typeof WorkspaceStatus>

export const Passphrase = z
  .string()
  .min(8, 'A passphrase is at least 8 characters.')
  .max(1024, 'A passphrase is at most 1,024 characters.')

/** A file for the user to save: an export of profiles, a run, a token report. */
export const ExportFile = z.object({
  filename: z.string(),
  mediaType: z.string(),
  content: z.string(),
})
export type ExportFile = z.infer<typeof ExportFile>

export const RunExportFormat = z.enum(['curl', 'har', 'json'])
export type RunExportFormat = z.infer<typeof RunExportFormat>
