// `afx profiles list|show|add|add-user|remove|export|import`: the saved providers (and a Cognito
// profile's test users), from the terminal. Secrets come from stdin only (--client-secret-stdin,
// --password-stdin, --totp-secret-stdin, --passphrase-stdin), never the command line, where they
// would stay in the shell's history and be visible to other users in `ps`.
import { readFile } from 'node:fs/promises'
import { profileAsInput } from '../../../shared/profile-as-input'
import { ProfileInput, type Profile, type ProfileClient } from '../../../shared/workspace-model'
import type { CliContext } from './cli-context'
import { readParams } from './read-params'
import { readPassphrase } from './read-passphrase'
import { terminalSafe } from './terminal-safe'
import { EXIT, UsageError } from './usage-error'

export type ProfilesOptions = {
  issuer: string | undefined
  cognitoPool: string | undefined
  endpoint: string | undefined
  clientId: string | undefined
  clientSecretStdin: boolean
  authMethod: string | undefined
  scope: string | undefined
  params: string[]
  passphraseStdin: boolean
  /** add-user: the test user's name, and which of its secrets stdin holds (one line each). */
  username: string | undefined
  passwordStdin: boolean
  totpSecretStdin: boolean
  json: boolean
}

const SECRET_HOME_WORDS: Record<string, string> = {
  'os-keychain': 'kept in the OS keychain',
  vault: 'kept in the passphrase vault',
  session: 'kept for this session only',
}

export async function profilesCommand(
  args: string[],
  options: ProfilesOptions,
  ctx: CliContext,
): Promise<number> {
  const [verb, ...names] = args
  const { workspace } = ctx.core
  const print = (text: string) => ctx.stdout(terminalSafe(text))
  switch (verb) {
    case 'list': {
      const profiles = workspace.listProfiles()
      if (options.json) print(JSON.stringify(profiles, null, 2))
      else if (profiles.length === 0) print('No saved profiles. Add one with "afx profiles add".')
      else for (const profile of profiles) print(`${profile.name}\t${providerLine(profile)}`)
      return EXIT.ok
    }
    case 'show': {
      const profile = workspace.getProfile(oneName(verb, names))
      print(options.json ? JSON.stringify(profile, null, 2) : describeProfile(profile))
      return EXIT.ok
    }
    case 'add': {
      const saved = workspace.saveProfile(
        await profileFromOptions(oneName(verb, names), options, ctx),
      )
      print(`Saved profile "${saved.name}".${secretNote(saved.clients[0])}`)
      return EXIT.ok
    }
    case 'add-user': {
      const saved = await addTestUser(oneName(verb, names), options, ctx)
      const user = saved.users?.find((candidate) => candidate.username === options.username)
      print(`Saved the test user "${options.username}" of "${saved.name}".${userNote(user)}`)
      return EXIT.ok
    }
    case 'remove':
      print(`Removed profile "${workspace.removeProfile(oneName(verb, names))}".`)
      return EXIT.ok
    case 'export': {
      const passphrase = options.passphraseStdin ? await readPassphrase(ctx) : undefined
      ctx.stdout(workspace.exportProfiles(names.length > 0 ? names : undefined, passphrase).content)
      return EXIT.ok
    }
    case 'import': {
      const file = oneName(verb, names)
      const content = await readFile(file, 'utf8').catch((error: NodeJS.ErrnoException) => {
        throw new UsageError(`cannot read ${file} (${error.code ?? error.message}).`)
      })
      const passphrase = options.passphraseStdin ? await readPassphrase(ctx) : undefined
      const { imported } = workspace.importProfiles(content, passphrase)
      print(`Imported ${imported.length} profile(s): ${imported.join(', ') || 'none'}.`)
      return EXIT.ok
    }
    default:
      throw new UsageError(
        'profiles takes list, show NAME, add NAME, add-user NAME, remove NAME, export, import FILE.',
      )
  }
}

function oneName(verb: string, names: string[]): string {
  const [name, ...rest] = names
  if (name === undefined || rest.length > 0) {
    throw new UsageError(
      `profiles ${verb} takes exactly one ${verb === 'import' ? 'file' : 'name'}.`,
    )
  }
  return name
}

async function profileFromOptions(
  name: string,
  options: ProfilesOptions,
  ctx: CliContext,
): Promise<ProfileInput> {
  if (Boolean(options.issuer) === Boolean(options.cognitoPool)) {
    throw new UsageError('profiles add takes --issuer URL or --cognito-pool POOL_ID (one of them).')
  }
  const secret = options.clientSecretStdin ? (await ctx.readStdin()).trim() : undefined
  const parsed = ProfileInput.safeParse({
    name,
    preset: options.cognitoPool ? 'cognito' : 'generic',
    provider: options.cognitoPool
      ? {
          kind: 'cognito',
          // A pool id starts with its region (us-east-1_Abc123).
          region: options.cognitoPool.split('_')[0],
          userPoolId: options.cognitoPool,
          endpoint: options.endpoint,
        }
      : { kind: 'issuer', issuer: options.issuer },
    clients: options.clientId
      ? [
          {
            clientId: options.clientId,
            authMethod: options.authMethod,
            scope: options.scope,
            extraParams: options.params.length > 0 ? readParams(options.params) : undefined,
            secret: secret ? { set: secret } : undefined,
          },
        ]
      : [],
  })
  if (!parsed.success) {
    const issue = parsed.error.issues[0]
    throw new UsageError(`${issue?.path.join('.') || 'profile'}: ${issue?.message}`)
  }
  return parsed.data
}

/**
 * Adds a test user to a Cognito profile (or replaces that user's secrets): its password and TOTP
 * secret, each from its own line of stdin, in that order.
 */
async function addTestUser(name: string, options: ProfilesOptions, ctx: CliContext) {
  if (!options.username) throw new UsageError('profiles add-user takes --username U.')
  const wanted = [options.passwordStdin, options.totpSecretStdin].filter(Boolean).length
  const lines = wanted > 0 ? (await ctx.readStdin()).split(/\r?\n/) : []
  if (lines.slice(0, wanted).some((line) => line.trim() === '')) {
    throw new UsageError(`stdin must hold one line for each secret asked for (${wanted}).`)
  }
  const [password, totpSecret] = options.passwordStdin
    ? [lines[0], options.totpSecretStdin ? lines[1] : undefined]
    : [undefined, options.totpSecretStdin ? lines[0] : undefined]
  const profile = profileAsInput(ctx.core.workspace.getProfile(name))
  const others = (profile.users ?? []).filter((user) => user.username !== options.username)
  const parsed = ProfileInput.safeParse({
    ...profile,
    users: [
      ...others,
      {
        username: options.username,
        ...(password ? { password: { set: password } } : {}),
        ...(totpSecret ? { totpSecret: { set: totpSecret.trim() } } : {}),
      },
    ],
  })
  if (!parsed.success) {
    const issue = parsed.error.issues[0]
    throw new UsageError(`${issue?.path.join('.') || 'profile'}: ${issue?.message}`)
  }
  return ctx.core.workspace.saveProfile(parsed.data, name)
}

function providerLine(profile: Profile): string {
  const { provider } = profile
  if (provider.kind === 'issuer') return provider.issuer
  if (provider.kind === 'cognito') return `Cognito ${provider.userPoolId}`
  return provider.endpoints.issuer ?? 'endpoints entered by hand'
}

function describeProfile(profile: Profile): string {
  const lines = [`${profile.name} (${profile.preset})`, `  provider: ${providerLine(profile)}`]
  for (const client of profile.clients) {
    const scope = client.scope ? `, scope "${client.scope}"` : ''
    lines.push(
      `  client ${client.clientId}: ${client.authMethod ?? 'auth method from discovery'}${scope}.${secretNote(client)}`,
    )
  }
  return lines.join('\n')
}

function userNote(user: NonNullable<Profile['users']>[number] | undefined): string {
  const kept = (['password', 'totpSecret'] as const).filter((field) => user?.[field])
  if (kept.length === 0) return ''
  const where = SECRET_HOME_WORDS[user?.[kept[0]!]?.home ?? ''] ?? 'kept'
  const words = kept.map((field) => (field === 'password' ? 'password' : 'TOTP secret'))
  return ` Its ${words.join(' and ')} ${kept.length > 1 ? 'are' : 'is'} ${where}.`
}

function secretNote(client: ProfileClient | undefined): string {
  const secret = client?.secret
  if (!secret) return ''
  const where = SECRET_HOME_WORDS[secret.home] ?? secret.home
  return secret.available ? ` Its secret is ${where}.` : ` Its secret was ${where} and is gone.`
}
