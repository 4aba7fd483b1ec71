// The shape of workspace.json, version by version. Only the current version is described here;
// older ones are turned into it by migrate-workspace.ts before this schema checks them.
import { z } from 'zod'
import {
  Profile,
  ProfileClientInput,
  ProfileUserInput,
  Settings,
} from '../../../shared/workspace-model'
import { PassphraseLock, Sealed } from './secret-vault'

export const CURRENT_SCHEMA_VERSION = 1

/** A secret as the file keeps it: sealed, or only the fact that a session had one. */
export const StoredSecret = z.discriminatedUnion('home', [
  /** Sealed by the OS keychain (Electron safeStorage), as the text its face returns. */
  z.object({ home: z.literal('os-keychain'), sealed: z.string().min(1) }),
  z.object({ home: z.literal('vault'), sealed: Sealed }),
  /** The value was kept in memory only; the file records that it existed, never the value. */
  z.object({ home: z.literal('session') }),
])
export type StoredSecret = z.infer<typeof StoredSecret>

export const StoredClient = ProfileClientInput.omit({ secret: true }).extend({
  secret: StoredSecret.optional(),
})
export type StoredClient = z.infer<typeof StoredClient>

/** A Cognito profile's test user: its password and TOTP secret kept as a client secret is. */
export const StoredUser = ProfileUserInput.extend({
  password: StoredSecret.optional(),
  totpSecret: StoredSecret.optional(),
})
export type StoredUser = z.infer<typeof StoredUser>

export const StoredProfile = Profile.omit({ clients: true, users: true }).extend({
  clients: z.array(StoredClient).max(50),
  users: z.array(StoredUser).max(50).optional(),
})
export type StoredProfile = z.infer<typeof StoredProfile>

export const WorkspaceData = z.object({
  schemaVersion: z.literal(CURRENT_SCHEMA_VERSION),
  /** Only what differs from the defaults needs to be there: a person may write it by hand. */
  settings: Settings.partial().optional(),
  /** Present once a vault was created: how its key is derived, and its check value. */
  vault: PassphraseLock.optional(),
  profiles: z
    .array(StoredProfile)
    .max(5000)
    .superRefine((profiles, ctx) => {
      const seen = new Set<string>()
      profiles.forEach((profile, index) => {
        if (seen.has(profile.name)) {
          ctx.addIssue({
            code: 'custom',
            path: [index, 'name'],
            message: `Two profiles are named "${profile.name}": rename one.`,
          })
        }
        seen.add(profile.name)
      })
    }),
})
export type WorkspaceData = z.infer<typeof WorkspaceData>

export function emptyWorkspace(): WorkspaceData {
  return { schemaVersion: CURRENT_SCHEMA_VERSION, profiles: [] }
}
