// Parses afx's command line and runs the command. Returns the exit code; never throws at the user.
import { spawn } from 'node:child_process'
import { parseArgs } from 'node:util'
import type { Face } from '../../../shared/contract'
import { resolveDataDir } from '../../core/app/data-dir'
import { isSandboxOnLaunch } from '../../core/app/sandbox-setting'
import { createCore, type Core } from '../../core/create-core'
import { describeForLog } from '../../core/describe-for-log'
import { toWireError } from '../../core/to-wire-error'
import type { CliContext } from './cli-context'
import { decodeCommand, formatErrorLine } from './decode-command'
import { cognitoCommand } from './cognito-command'
import { cognitoDescribeCommand } from './cognito-describe-command'
import { cognitoAccountCommand, SESSION_VERBS } from './cognito-account-command'
import { flowCommand } from './flow-command'
import { profilesCommand } from './profiles-command'
import { readPassphrase } from './read-passphrase'
import { vaultCommand } from './vault-command'
import { verifyCommand } from './verify-command'
import { findElectronBinary } from './find-electron-binary'
import { openSystemBrowser } from '../open-system-browser'
import { HELP_TEXT } from './help-text'
import { parsePort } from './parse-port'
import { parseTimeout } from './parse-timeout'
import { sandboxCommand } from './sandbox-command'
import { EXIT, UsageError } from './usage-error'
import { webCommand } from './web-command'

export type CliEnvironment = Omit<CliContext, 'core'> & {
  version: string
  /** The folder holding package.json (the Electron app root). */
  appRoot: string
  rendererDir: string
  /** Resolves when the user interrupts (Ctrl+C) a long-running command. */
  untilInterrupted: () => Promise<void>
}

export async function runCli(argv: string[], env: CliEnvironment): Promise<number> {
  const opened: Core[] = []
  try {
    return await runCommand(argv, env, opened)
  } catch (error) {
    if (error instanceof UsageError) {
      env.stderr(`afx: ${error.message} Run "afx --help" for usage.`)
      return EXIT.usage
    }
    const wire = toWireError(error)
    env.stderr(formatErrorLine(wire))
    if (wire.code === 'INTERNAL_ERROR') env.stderr(describeForLog(error))
    return EXIT.bad
  } finally {
    // A finished run's history file is written after the run ends: the command is over only
    // once it is on disk, so whoever waits for afx (a script, a test) finds it there.
    await Promise.all(opened.map((core) => core.history.flush()))
  }
}

async function runCommand(argv: string[], env: CliEnvironment, opened: Core[]): Promise<number> {
  const { values, positionals } = parseCommandLine(argv)
  const [command, ...args] = positionals
  if (values.version) return print(env, env.version)
  if (values.help || command === undefined || command === 'help') return print(env, HELP_TEXT)

  const dataDir = resolveDataDir({ flag: values['data-dir'] })
  const sandboxPorts = {
    oidcPort: parsePort('--oidc-port', values['oidc-port']),
    cognitoPort: parsePort('--cognito-port', values['cognito-port']),
  }
  const contextFor = (face: Face): CliContext => {
    // No OS keychain outside Electron: secrets stay in memory (or a passphrase vault, later).
    const core = createCore({
      face,
      dataDir,
      canEncryptSecrets: () => false,
      openBrowser: (url) => void openSystemBrowser(url),
      sandboxPorts,
    })
    opened.push(core)
    return { ...env, core }
  }
  const withSandbox = isSandboxOnLaunch(values.sandbox)
  const unlockedFor = async (face: Face): Promise<CliContext> => {
    const ctx = contextFor(face)
    // Export and import read their own passphrase: the one of the file.
    if (!values['passphrase-stdin'] || ['export', 'import'].includes(args[0] ?? '')) return ctx
    // The passphrase is stdin's first line; the rest is the command's (a secret, a token).
    const [first = '', ...rest] = (await ctx.readStdin()).split('\n')
    ctx.core.workspace.unlockVault(await readPassphrase({ readStdin: async () => first }))
    const remaining = rest.join('\n')
    return { ...ctx, readStdin: async () => remaining }
  }
  switch (command) {
    case 'decode':
      return decodeCommand(args, values.json ?? false, contextFor('cli'))
    case 'flow':
      return flowCommand(
        {
          flow: args[0],
          issuer: values.issuer,
          clientId: values['client-id'],
          clientSecret: values['client-secret'],
          authMethod: values['auth-method'],
          privateKeyFile: values['private-key'],
          scope: values.scope,
          pkce: values.pkce,
          responseMode: values['response-mode'],
          responseType: values['response-type'],
          redirectHost: values['redirect-host'],
          port: parsePort('--port', values.port),
          callbackTimeoutMs: parseTimeout(values.timeout),
          params: values.param ?? [],
          browser: values.browser,
          token: values.token,
          refreshToken: values['refresh-token'],
          tokenTypeHint: values['token-type-hint'],
          idToken: values['id-token'],
          variant: values.variant,
          logoutEndpoint: values['logout-endpoint'],
          logoutUri: values['logout-uri'],
          interval: values.interval,
          profileName: values.profile,
          json: values.json ?? false,
          reveal: values.reveal ?? false,
        },
        await unlockedFor('cli'),
      )
    case 'cognito':
      if (args.length > 1) throw new UsageError('cognito takes one verb, then options.')
      if (args[0] === 'describe') {
        return cognitoDescribeCommand(
          {
            ...cognitoCommonOptions(args, values),
            awsProfile: values['aws-profile'],
            useDefaultChain: values['aws-default-chain'] ?? false,
            save: values.save ?? false,
          },
          await unlockedFor('cli'),
        )
      }
      // mfa-setup and sign-out act on a sign-in's tokens: account actions by another name.
      if (SESSION_VERBS.some((verb) => verb === args[0])) {
        return cognitoAccountCommand(accountOptions(args, values), await unlockedFor('cli'))
      }
      return cognitoCommand(
        {
          ...cognitoCommonOptions(args, values),
          authFlow: values['auth-flow'],
          refreshToken: values['refresh-token'],
          code: values.code,
          totpSecret: values['totp-secret'],
          challenge: values.challenge,
          refreshWith: values['refresh-with'],
          deviceFile: values.device,
          rememberDeviceFile: values['remember-device'],
        },
        await unlockedFor('cli'),
      )
    case 'cognito-account':
      if (args.length > 1) throw new UsageError('cognito-account takes one verb, then options.')
      return cognitoAccountCommand(accountOptions(args, values), await unlockedFor('cli'))
    case 'verify':
      if (args.length > 1) throw new UsageError('verify takes exactly one token.')
      return verifyCommand(
        {
          token: args[0],
          issuer: values.issuer,
          jwks: values.jwks,
          keyFile: values.key,
          clientId: values['client-id'],
          nonce: values.nonce,
          maxAge: values['max-age'],
          skew: values.skew,
          kind: values.kind,
          json: values.json ?? false,
        },
        contextFor('cli'),
      )
    case 'profiles':
      return profilesCommand(
        args,
        {
          issuer: values.issuer,
          cognitoPool: values['cognito-pool'],
          endpoint: values.endpoint,
          clientId: values['client-id'],
          clientSecretStdin: values['client-secret-stdin'] ?? false,
          authMethod: values['auth-method'],
          scope: values.scope,
          params: values.param ?? [],
          passphraseStdin: values['passphrase-stdin'] ?? false,
          username: values.username,
          passwordStdin: values['password-stdin'] ?? false,
          totpSecretStdin: values['totp-secret-stdin'] ?? false,
          json: values.json ?? false,
        },
        await unlockedFor('cli'),
      )
    case 'vault':
      return vaultCommand(args, contextFor('cli'))
    case 'sandbox':
      return runSandbox(env, contextFor('cli'), values.json ?? false)
    case 'web':
      return serveUntilInterrupted(env, contextFor('web'), withSandbox, {
        port: values.port,
        open: !values['no-open'],
        announce: (url) => `Auth Flow Explorer (browser mode) is at ${url}`,
      })
    case 'start':
      return startApp(env, contextFor('web'), withSandbox, dataDir)
    default:
      throw new UsageError(`"${command}" is not an afx command.`)
  }
}

/** What `afx cognito` and `afx cognito-account` take alike: the verb, the pool, the user. */
function cognitoCommonOptions(
  args: string[],
  values: ReturnType<typeof parseCommandLine>['values'],
) {
  return {
    verb: args[0],
    region: values.region,
    // --pool-id is the shorter spelling issue #6 gives; both name the same pool.
    userPoolId: values['user-pool-id'] ?? values['pool-id'],
    clientId: values['client-id'],
    clientSecret: values['client-secret'],
    endpoint: values.endpoint,
    profileName: values.profile,
    username: values.username,
    password: values.password,
    passwordStdin: values['password-stdin'] ?? false,
    json: values.json ?? false,
    reveal: values.reveal ?? false,
  }
}

/** What `afx cognito-account` (and `afx cognito mfa-setup|sign-out`) take. */
function accountOptions(args: string[], values: ReturnType<typeof parseCommandLine>['values']) {
  return {
    ...cognitoCommonOptions(args, values),
    newPassword: values['new-password'],
    accessToken: values['access-token'],
    refreshToken: values['refresh-token'],
    asAuthenticator: values['as-authenticator'] ?? false,
    attributes: values.attribute ?? [],
    code: values.code,
    noConfirm: values['no-confirm'] ?? false,
  }
}

function parseCommandLine(argv: string[]) {
  try {
    return parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        help: { type: 'boolean', short: 'h' },
        version: { type: 'boolean', short: 'v' },
        json: { type: 'boolean' },
        port: { type: 'string' },
        'no-open': { type: 'boolean' },
        'data-dir': { type: 'string' },
        sandbox: { type: 'string' },
        'oidc-port': { type: 'string' },
        'cognito-port': { type: 'string' },
        issuer: { type: 'string' },
        'client-id': { type: 'string' },
        'client-secret': { type: 'string' },
        'auth-method': { type: 'string' },
        'private-key': { type: 'string' },
        scope: { type: 'string' },
        pkce: { type: 'string' },
        'response-mode': { type: 'string' },
        'redirect-host': { type: 'string' },
        param: { type: 'string', multiple: true },
        browser: { type: 'string' },
        timeout: { type: 'string' },
        reveal: { type: 'boolean' },
        jwks: { type: 'string' },
        region: { type: 'string' },
        'user-pool-id': { type: 'string' },
        'pool-id': { type: 'string' },
        endpoint: { type: 'string' },
        username: { type: 'string' },
        password: { type: 'string' },
        'password-stdin': { type: 'boolean' },
        code: { type: 'string' },
        'totp-secret': { type: 'string' },
        'auth-flow': { type: 'string' },
        key: { type: 'string' },
        nonce: { type: 'string' },
        'max-age': { type: 'string' },
        skew: { type: 'string' },
        kind: { type: 'string' },
        'response-type': { type: 'string' },
        token: { type: 'string' },
        'refresh-token': { type: 'string' },
        'token-type-hint': { type: 'string' },
        'id-token': { type: 'string' },
        variant: { type: 'string' },
        'logout-endpoint': { type: 'string' },
        'logout-uri': { type: 'string' },
        interval: { type: 'string' },
        profile: { type: 'string' },
        challenge: { type: 'string' },
        'cognito-pool': { type: 'string' },
        'client-secret-stdin': { type: 'boolean' },
        'passphrase-stdin': { type: 'boolean' },
        'new-password': { type: 'string' },
        'access-token': { type: 'string' },
        attribute: { type: 'string', multiple: true },
        'no-confirm': { type: 'boolean' },
        'as-authenticator': { type: 'boolean' },
        'aws-profile': { type: 'string' },
        'aws-default-chain': { type: 'boolean' },
        'totp-secret-stdin': { type: 'boolean' },
        save: { type: 'boolean' },
        'refresh-with': { type: 'string' },
        device: { type: 'string' },
        'remember-device': { type: 'string' },
      },
    })
  } catch (error) {
    // Node's own message goes on to explain '--' positionals; the first sentence is the useful one.
    throw new UsageError(`${(error as Error).message.split('. ')[0]}.`)
  }
}

async function serveUntilInterrupted(
  env: CliEnvironment,
  ctx: CliContext,
  withSandbox: boolean,
  options: { port: string | undefined; open: boolean; announce: (url: string) => string },
): Promise<number> {
  const host = await webCommand({ ...options, rendererDir: env.rendererDir }, ctx)
  // The page shows the sandbox starting and any failure; the host does not wait for it.
  if (withSandbox) void ctx.core.sandbox.start()
  await env.untilInterrupted()
  await host.close()
  await ctx.core.sandbox.stop()
  return EXIT.ok
}

async function runSandbox(env: CliEnvironment, ctx: CliContext, json: boolean): Promise<number> {
  await sandboxCommand(json, ctx)
  await env.untilInterrupted()
  await ctx.core.sandbox.stop()
  return EXIT.ok
}

/** The Electron app where its binary is installed; browser mode, said in one line, where not. */
async function startApp(
  env: CliEnvironment,
  ctx: CliContext,
  withSandbox: boolean,
  dataDir: string,
): Promise<number> {
  const electron = findElectronBinary(env.appRoot)
  if (electron === null) {
    return serveUntilInterrupted(env, ctx, withSandbox, {
      port: undefined,
      open: true,
      announce: (url) =>
        `No Electron binary is installed here, so Auth Flow Explorer runs in browser mode: ${url}`,
    })
  }
  const args = [env.appRoot, '--data-dir', dataDir, '--sandbox', withSandbox ? 'on' : 'off']
  const child = spawn(electron, args, { stdio: 'inherit' })
  return new Promise((resolve) => {
    child.on('error', (error) => {
      env.stderr(`afx: Electron could not start (${error.message}).`)
      resolve(EXIT.bad)
    })
    // Killed by a signal: no exit code, and not a success.
    child.on('exit', (code, signal) => resolve(signal ? EXIT.bad : (code ?? EXIT.ok)))
  })
}

function print(env: CliEnvironment, text: string): number {
  env.stdout(text.trimEnd())
  return EXIT.ok
}
