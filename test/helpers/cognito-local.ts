// cognito-local (an independent Cognito emulator) as a second oracle for the Cognito engine: a
// child process on 127.0.0.1 in a temp folder of its own, with a fixed code for every code it
// sends, and the user pools, app clients and users a test needs, made through its API.
// @see https://github.com/jagregory/cognito-local#readme
import { spawn, type ChildProcess } from 'node:child_process'
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import {
  AdminCreateUserCommand,
  AdminSetUserPasswordCommand,
  AssociateSoftwareTokenCommand,
  CognitoIdentityProviderClient,
  CreateUserPoolClientCommand,
  CreateUserPoolCommand,
  InitiateAuthCommand,
  SetUserMFAPreferenceCommand,
  VerifySoftwareTokenCommand,
  type AttributeType,
} from '@aws-sdk/client-cognito-identity-provider'
import { totpCodeAt } from '../../electron/core/cognito/totp'
import { freePort } from './sign-in-run'

/** Every confirmation, reset and SMS code cognito-local sends is this one (its CODE). */
const FIXED_CODE = '246810'

/** How long it may take to answer /health; it needs about a second on an idle machine. */
const START_TIMEOUT_MS = 10_000

/** How much of the child's output an error quotes. */
const TAIL_CHARS = 2_000

export type CognitoLocal = {
  /** Where its API answers; also the start of its tokens' `iss`. */
  endpoint: string
  /** The code it sends for every confirmation, password reset and SMS MFA. */
  code: string
  /** An AWS SDK v3 client of it, for setting pools up (it takes any credentials). */
  readonly sdk: CognitoIdentityProviderClient
  /** Stops it, lets `edit` change its data folder (`.cognito/db`), and starts it again. */
  restart(edit: (dbDir: string) => Promise<void>): Promise<void>
  /** Stops it (nothing left listening) and removes its folder. */
  close(): Promise<void>
}

const startJs = createRequire(import.meta.url).resolve('cognito-local/lib/bin/start.js')

/**
 * Starts cognito-local on 127.0.0.1 and a free port, in a fresh temp folder, and waits until it
 * answers /health. User names are plain names, not emails (UsernameAttributes []).
 */
export async function startCognitoLocal(): Promise<CognitoLocal> {
  const dir = await mkdtemp(join(tmpdir(), 'afx-cognito-local-'))
  // The data folder is always ./.cognito; only config.json can drop the email-only user names
  // (UsernameAttributes in CreateUserPool is merged into the default, not replacing it).
  await mkdir(join(dir, '.cognito'))
  await writeFile(
    join(dir, '.cognito', 'config.json'),
    JSON.stringify({ UserPoolDefaults: { UsernameAttributes: [] } }),
  )
  const port = await freePort()
  const endpoint = `http://127.0.0.1:${port}`
  let child: ChildProcess | undefined
  let sdk: CognitoIdentityProviderClient | undefined
  const up = async () => {
    child = await spawnCognitoLocal(dir, port)
    sdk = cognitoLocalSdk(endpoint)
  }
  const down = async () => {
    sdk?.destroy()
    if (child) await stop(child)
  }
  try {
    await up()
  } catch (error) {
    await rm(dir, { recursive: true, force: true })
    throw error
  }
  return {
    endpoint,
    code: FIXED_CODE,
    get sdk() {
      if (sdk === undefined) throw new Error('cognito-local is not running')
      return sdk
    },
    async restart(edit) {
      await down()
      await edit(join(dir, '.cognito', 'db'))
      await up()
    },
    async close() {
      await down()
      await rm(dir, { recursive: true, force: true })
    },
  }
}

/** An AWS SDK v3 client of cognito-local: one attempt, as it answers 500 to what it lacks. */
const cognitoLocalSdk = (endpoint: string) =>
  new CognitoIdentityProviderClient({
    endpoint,
    region: 'us-east-1',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    maxAttempts: 1,
  })

async function spawnCognitoLocal(cwd: string, port: number): Promise<ChildProcess> {
  const child = spawn(process.execPath, [startJs], {
    cwd,
    env: { PATH: process.env.PATH, PORT: String(port), HOST: '127.0.0.1', CODE: FIXED_CODE },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  // Both pipes are read to the end (it logs every request), keeping only their tails.
  let stdout = ''
  let stderr = ''
  child.stdout?.on('data', (chunk: Buffer) => (stdout = (stdout + chunk).slice(-TAIL_CHARS)))
  child.stderr?.on('data', (chunk: Buffer) => (stderr = (stderr + chunk).slice(-TAIL_CHARS)))
  const exited = new Promise<string>((resolve) =>
    child.once('exit', (code, signal) => resolve(`exited (${signal ?? `code ${code}`})`)),
  )
  const deadline = Date.now() + START_TIMEOUT_MS
  for (;;) {
    const failure = await Promise.race([
      exited,
      isHealthy(port).then((ok) => (ok ? undefined : null)),
    ])
    if (failure === undefined) return child
    if (typeof failure === 'string' || Date.now() > deadline) {
      await stop(child)
      const why = typeof failure === 'string' ? failure : `no answer in ${START_TIMEOUT_MS} ms`
      throw new Error(
        `cognito-local did not start on 127.0.0.1:${port}: ${why}.\n` +
          `stderr: ${stderr.trim() || '(empty)'}\nstdout: ${stdout.trim() || '(empty)'}`,
      )
    }
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
}

async function isHealthy(port: number): Promise<boolean> {
  try {
    const response = await fetch(`http://127.0.0.1:${port}/health`, {
      signal: AbortSignal.timeout(1_000),
    })
    return response.ok
  } catch {
    return false
  }
}

/** Ends the child and waits until it has exited, so its port is free again. */
async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return
  const exited = new Promise((resolve) => child.once('exit', resolve))
  child.kill('SIGTERM')
  const timer = setTimeout(() => child.kill('SIGKILL'), 3_000)
  await exited
  clearTimeout(timer)
}

// --- Pools, clients and users ---

export type LocalUser = {
  username: string
  password: string
  attributes?: Record<string, string>
  /** Made with `password` as the temporary one: the first sign-in asks NEW_PASSWORD_REQUIRED. */
  temporary?: boolean
  /** TOTP: an authenticator enrolled and preferred. SMS: SMS_MFA to its phone_number. */
  mfa?: 'totp' | 'sms'
}

export type LocalPool = {
  userPoolId: string
  clientId: string
  /** Only when asked for: cognito-local keeps it but never checks SECRET_HASH. */
  clientSecret?: string
  /** The TOTP secret (base32) of each user with mfa 'totp'. */
  totpSecrets: Record<string, string>
}

/**
 * Makes a user pool (MFA optional), one app client (with a secret if asked) and the users, through
 * cognito-local's API; an SMS MFA user then needs one restart (see `giveSmsMfa`).
 * @see https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_AdminCreateUser.html
 */
export async function createLocalPool(
  local: CognitoLocal,
  options: { users: LocalUser[]; withSecret?: boolean },
): Promise<LocalPool> {
  const { UserPool } = await local.sdk.send(
    new CreateUserPoolCommand({
      PoolName: 'afx-oracle',
      MfaConfiguration: 'OPTIONAL',
      // As a pool that confirms sign-ups by email: without it, SignUp sends no code at all.
      AutoVerifiedAttributes: ['email'],
    }),
  )
  const userPoolId = UserPool!.Id!
  const { UserPoolClient } = await local.sdk.send(
    new CreateUserPoolClientCommand({
      UserPoolId: userPoolId,
      ClientName: 'afx-oracle',
      GenerateSecret: options.withSecret === true,
      ExplicitAuthFlows: ['ALLOW_USER_PASSWORD_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'],
    }),
  )
  const pool: LocalPool = {
    userPoolId,
    clientId: UserPoolClient!.ClientId!,
    ...(UserPoolClient!.ClientSecret ? { clientSecret: UserPoolClient!.ClientSecret } : {}),
    totpSecrets: {},
  }
  for (const user of options.users) {
    await createUser(local, pool, user)
  }
  const smsUsers = options.users.filter((user) => user.mfa === 'sms')
  if (smsUsers.length > 0) await giveSmsMfa(local, userPoolId, smsUsers)
  return pool
}

async function createUser(local: CognitoLocal, pool: LocalPool, user: LocalUser): Promise<void> {
  const UserAttributes: AttributeType[] = Object.entries(user.attributes ?? {}).map(
    ([Name, Value]) => ({ Name, Value }),
  )
  const { userPoolId: UserPoolId } = pool
  await local.sdk.send(
    new AdminCreateUserCommand({
      UserPoolId,
      Username: user.username,
      UserAttributes,
      MessageAction: 'SUPPRESS',
      ...(user.temporary ? { TemporaryPassword: user.password } : {}),
    }),
  )
  if (user.temporary) return
  await local.sdk.send(
    new AdminSetUserPasswordCommand({
      UserPoolId,
      Username: user.username,
      Password: user.password,
      Permanent: true,
    }),
  )
  if (user.mfa === 'totp') pool.totpSecrets[user.username] = await enrolTotp(local, pool, user)
}

/**
 * Enrols an authenticator as the user would (cognito-local has no AdminSetUserMFAPreference):
 * sign in, AssociateSoftwareToken, VerifySoftwareToken with the first code, prefer TOTP.
 * @see https://docs.aws.amazon.com/cognito/latest/developerguide/user-pool-settings-mfa-totp.html
 */
async function enrolTotp(local: CognitoLocal, pool: LocalPool, user: LocalUser): Promise<string> {
  const { AuthenticationResult } = await local.sdk.send(
    new InitiateAuthCommand({
      ClientId: pool.clientId,
      AuthFlow: 'USER_PASSWORD_AUTH',
      // cognito-local never checks SECRET_HASH, so none is computed here.
      AuthParameters: { USERNAME: user.username, PASSWORD: user.password },
    }),
  )
  const AccessToken = AuthenticationResult!.AccessToken!
  const { SecretCode } = await local.sdk.send(new AssociateSoftwareTokenCommand({ AccessToken }))
  const secret = SecretCode!
  await local.sdk.send(
    new VerifySoftwareTokenCommand({ AccessToken, UserCode: totpCodeAt(secret, Date.now()).code }),
  )
  await local.sdk.send(
    new SetUserMFAPreferenceCommand({
      AccessToken,
      SoftwareTokenMfaSettings: { Enabled: true, PreferredMfa: true },
    }),
  )
  return secret
}

/**
 * Turns SMS MFA on for these users. cognito-local sends SMS_MFA only to a user's legacy
 * MFAOptions, which none of its APIs sets, and holds its data in memory: so it is stopped, the
 * option written into the pool's data file, and started again (same port, same data).
 */
async function giveSmsMfa(
  local: CognitoLocal,
  userPoolId: string,
  users: LocalUser[],
): Promise<void> {
  await local.restart(async (dbDir) => {
    const file = join(dbDir, `${userPoolId}.json`)
    const data = JSON.parse(await readFile(file, 'utf8')) as {
      Users: Record<string, { MFAOptions?: unknown }>
    }
    for (const { username } of users) {
      data.Users[username]!.MFAOptions = [{ DeliveryMedium: 'SMS', AttributeName: 'phone_number' }]
    }
    await writeFile(file, JSON.stringify(data))
  })
}
