// The demo app clients and users of the sandbox pool: one user per sign-in situation a developer,
// tester or trainer wants to see (no MFA, TOTP, SMS, email, a choice, MFA setup, a forced new
// password, an unconfirmed account, an alias sign-in, a passwordless sign-in by email code).
// @see https://docs.aws.amazon.com/cognito/latest/developerguide/user-pool-settings-client-apps.html
import { randomUUID } from 'node:crypto'
import { createSrpVerifier } from './srp-server'
import { PoolState, type MfaMethod, type PoolUser } from './pool-state'
import type { CognitoSandboxClient, CognitoSandboxUser } from '../../../../shared/sandbox-model'
import { POOL_NAME } from './pool-config'

const SRP = 'ALLOW_USER_SRP_AUTH'
const PASSWORD = 'ALLOW_USER_PASSWORD_AUTH'
const REFRESH = 'ALLOW_REFRESH_TOKEN_AUTH'
const CUSTOM = 'ALLOW_CUSTOM_AUTH'
const CHOICE = 'ALLOW_USER_AUTH'

export const DEMO_CLIENTS: readonly CognitoSandboxClient[] = [
  {
    clientId: 'afxsandboxpublicweb0000001',
    explicitAuthFlows: [SRP, REFRESH, CUSTOM],
    label: 'Public web app: SRP, refresh, custom auth (Cognito’s default flows)',
  },
  {
    clientId: 'afxsandboxpublicall0000002',
    explicitAuthFlows: [SRP, PASSWORD, REFRESH, CUSTOM, CHOICE],
    label: 'Public app with every flow, including USER_PASSWORD_AUTH and USER_AUTH (choice-based)',
  },
  {
    clientId: 'afxsandboxconfidential0003',
    clientSecret: 'afxsandboxsecretnotforproductionuse0123456789abcdef',
    explicitAuthFlows: [SRP, PASSWORD, REFRESH, CHOICE],
    label: 'Confidential server app with a client secret (SECRET_HASH required), USER_AUTH too',
  },
  {
    clientId: 'afxsandboxrotating00000004',
    explicitAuthFlows: [SRP, PASSWORD, REFRESH],
    refreshTokenRotation: { retryGracePeriodSeconds: 10 },
    label:
      'Public app that rotates refresh tokens (10 s grace): SRP, password, refresh by GetTokensFromRefreshToken only',
  },
]

type DemoUser = CognitoSandboxUser & {
  sub?: string
  attributes: Record<string, string>
  groups?: string[]
  enabled?: MfaMethod[]
  /** Stands in for a pool with MFA "Required": this user must enrol TOTP at sign-in. */
  setupRequired?: boolean
}

const PAT_ID = '5f0c1d2e-3a4b-4c5d-8e9f-0a1b2c3d4e5f'
const verifiedEmail = (name: string) => ({ email: `${name}@example.com`, email_verified: 'true' })
const phone = (number: string) => ({ phone_number: number, phone_number_verified: 'true' })

const DEMO_USERS: readonly DemoUser[] = [
  {
    username: 'alice',
    password: 'Sandbox-alice-1',
    mfa: 'none',
    status: 'CONFIRMED',
    challenges: [],
    label: 'No MFA: password only',
    attributes: verifiedEmail('alice'),
    groups: ['readers'],
  },
  {
    username: 'tom',
    password: 'Sandbox-tom-1',
    mfa: 'totp',
    totpSecret: 'AFXSANDBOXTOTPDEMOSECRET234567AB',
    enabled: ['SOFTWARE_TOKEN_MFA'],
    status: 'CONFIRMED',
    challenges: ['SOFTWARE_TOKEN_MFA'],
    label: 'TOTP MFA (authenticator app; the secret is published here)',
    attributes: verifiedEmail('tom'),
  },
  {
    username: 'sam',
    password: 'Sandbox-sam-1',
    mfa: 'sms',
    enabled: ['SMS_MFA'],
    status: 'CONFIRMED',
    challenges: ['SMS_MFA'],
    label: 'SMS MFA (the code arrives in the outbox)',
    attributes: { ...verifiedEmail('sam'), ...phone('+15555550100') },
  },
  {
    username: 'erin',
    password: 'Sandbox-erin-1',
    mfa: 'email',
    enabled: ['EMAIL_OTP'],
    status: 'CONFIRMED',
    challenges: ['EMAIL_OTP'],
    label: 'Email OTP MFA (the code arrives in the outbox)',
    attributes: verifiedEmail('erin'),
  },
  {
    username: 'max',
    password: 'Sandbox-max-1',
    mfa: 'totp',
    totpSecret: 'AFXSANDBOXSELECTMFASECRET234567A',
    enabled: ['SMS_MFA', 'SOFTWARE_TOKEN_MFA'],
    status: 'CONFIRMED',
    challenges: ['SELECT_MFA_TYPE', 'SOFTWARE_TOKEN_MFA or SMS_MFA'],
    label: 'SMS and TOTP enabled, none preferred: chooses with SELECT_MFA_TYPE',
    attributes: { ...verifiedEmail('max'), ...phone('+15555550101') },
  },
  {
    username: 'mia',
    password: 'Sandbox-mia-1',
    mfa: 'none',
    setupRequired: true,
    status: 'CONFIRMED',
    challenges: ['MFA_SETUP'],
    label: 'MFA required but not set up: enrols TOTP at sign-in (MFA_SETUP)',
    attributes: verifiedEmail('mia'),
  },
  {
    username: 'nina',
    password: 'Sandbox-nina-temp-1',
    mfa: 'none',
    status: 'FORCE_CHANGE_PASSWORD',
    challenges: ['NEW_PASSWORD_REQUIRED'],
    label: 'Admin-created with a temporary password: sets a new one (NEW_PASSWORD_REQUIRED)',
    attributes: verifiedEmail('nina'),
  },
  {
    username: 'uma',
    password: 'Sandbox-uma-1',
    mfa: 'none',
    status: 'UNCONFIRMED',
    challenges: ['UserNotConfirmedException'],
    label: 'Signed up, never confirmed: refused with UserNotConfirmedException',
    attributes: { email: 'uma@example.com', email_verified: 'false' },
  },
  {
    username: 'olga',
    password: 'Sandbox-olga-1',
    mfa: 'none',
    status: 'CONFIRMED',
    challenges: ['SELECT_CHALLENGE', 'EMAIL_OTP'],
    label: 'Passwordless: USER_AUTH, choose EMAIL_OTP, the code arrives in the outbox',
    attributes: verifiedEmail('olga'),
  },
  {
    username: PAT_ID,
    sub: PAT_ID,
    password: 'Sandbox-pat-1',
    mfa: 'none',
    signInAliases: ['pat', 'pat@example.com'],
    status: 'CONFIRMED',
    challenges: [],
    label: 'Signs in as "pat" or pat@example.com; USER_ID_FOR_SRP is the UUID user name',
    attributes: { ...verifiedEmail('pat'), preferred_username: 'pat' },
    groups: ['admins', 'readers'],
  },
]

/**
 * A fresh pool holding the demo clients and users (new SRP salts on every start).
 * @see https://docs.aws.amazon.com/cognito/latest/developerguide/user-pool-settings-client-apps.html
 */
export function createDemoPool(): PoolState {
  const pool = new PoolState()
  for (const client of DEMO_CLIENTS) {
    pool.addClient({ ...client, explicitAuthFlows: new Set(client.explicitAuthFlows) })
  }
  for (const demo of DEMO_USERS) pool.addUser(toPoolUser(demo))
  return pool
}

function toPoolUser(demo: DemoUser): PoolUser {
  return {
    username: demo.username,
    sub: demo.sub ?? randomUUID(),
    status: demo.status,
    verifier: createSrpVerifier(POOL_NAME, demo.username, demo.password),
    attributes: new Map(Object.entries(demo.attributes)),
    groups: demo.groups ?? [],
    mfa: { enabled: new Set(demo.enabled ?? []), setupRequired: demo.setupRequired === true },
    ...(demo.totpSecret !== undefined ? { totpSecret: demo.totpSecret } : {}),
  }
}

/**
 * The demo users as the description publishes them (without internal fields).
 * @see https://docs.aws.amazon.com/cognito/latest/developerguide/user-pool-settings-client-apps.html
 */
export function describeDemoUsers(): CognitoSandboxUser[] {
  return DEMO_USERS.map((demo) => ({
    username: demo.username,
    password: demo.password,
    mfa: demo.mfa,
    ...(demo.totpSecret !== undefined ? { totpSecret: demo.totpSecret } : {}),
    ...(demo.signInAliases !== undefined ? { signInAliases: demo.signInAliases } : {}),
    status: demo.status,
    challenges: demo.challenges,
    label: demo.label,
  }))
}
