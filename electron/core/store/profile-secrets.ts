// Every secret a profile holds, wherever it sits: its clients' secrets and its test users'
// passwords and TOTP secrets. The workspace (showing, moving, carrying them), the export and the
// import all walk them here, so each kind of secret is kept, moved and carried the same way.
import type { TestUserSecret } from '../../../shared/workspace-model'
import type { SecretSlot } from './secret-keeper'

/** The fields of a test user that hold a secret. */
export const TEST_USER_SECRETS: readonly TestUserSecret[] = ['password', 'totpSecret']

/** A profile in any of its shapes (saved, shown, exported), each secret an `S`. */
export type WithSecrets<S> = {
  clients: Array<{ clientId: string; secret?: S | undefined }>
  users?: Array<{ username: string } & { [F in TestUserSecret]?: S | undefined }> | undefined
}

type SecretOf<P extends WithSecrets<unknown>> = NonNullable<P['clients'][number]['secret']>
type UserOf<P extends WithSecrets<unknown>> = NonNullable<P['users']>[number]

/** The same profile, each secret a `T`. */
export type SecretsAs<P extends WithSecrets<unknown>, T> = Omit<P, 'clients' | 'users'> & {
  clients: Array<Omit<P['clients'][number], 'secret'> & { secret?: T }>
  users?: Array<Omit<UserOf<P>, TestUserSecret> & { [F in TestUserSecret]?: T }>
}

/** Where a secret sits in its profile, for a message that names it. */
export type SecretPath = ['clients', number, 'secret'] | ['users', number, TestUserSecret]

/**
 * The profile with each secret replaced by what `change` makes of it; undefined leaves it out.
 * Everything else is kept as it is.
 */
export function mapSecrets<P extends WithSecrets<unknown>, T>(
  profile: P,
  change: (secret: SecretOf<P>, slot: SecretSlot, path: SecretPath) => T | undefined,
): SecretsAs<P, T> {
  const clients = profile.clients.map(({ secret, ...client }, index) => {
    const next =
      secret === undefined
        ? undefined
        : change(secret as SecretOf<P>, { clientId: client.clientId }, ['clients', index, 'secret'])
    return next === undefined ? client : { ...client, secret: next }
  })
  const users = profile.users?.map((user, index) => {
    const mapped: Record<string, unknown> = { ...user }
    for (const field of TEST_USER_SECRETS) {
      const secret = user[field]
      delete mapped[field]
      if (secret === undefined) continue
      const next = change(secret as SecretOf<P>, { username: user.username, field }, [
        'users',
        index,
        field,
      ])
      if (next !== undefined) mapped[field] = next
    }
    return mapped
  })
  return { ...profile, clients, ...(users === undefined ? {} : { users }) } as SecretsAs<P, T>
}

/** Every secret of a profile, with its slot and where it sits. */
export function listSecrets<P extends WithSecrets<unknown>>(
  profile: P,
): Array<{ secret: SecretOf<P>; slot: SecretSlot; path: SecretPath }> {
  const found: Array<{ secret: SecretOf<P>; slot: SecretSlot; path: SecretPath }> = []
  mapSecrets(profile, (secret, slot, path) => {
    found.push({ secret, slot, path })
    return undefined
  })
  return found
}
