// The profiles file a person exports, hands over and imports: JSON, with no secret values unless
// a passphrase was given, and then each secret (a client's, a test user's password or TOTP secret)
// sealed with a key derived from it (its own salt in the file). Reading one checks every field and says what is wrong, and where, in words.
import { z } from 'zod'
import {
  checkTestUsers,
  type ExportFile,
  ProfileClientInput,
  ProfileInput,
  ProfileName,
  ProfileUserInput,
} from '../../../shared/workspace-model'
import { AfxError } from '../errors'
import { describeIssues } from './describe-issues'
import { listSecrets, mapSecrets, type SecretsAs } from './profile-secrets'
import { PassphraseLock, Sealed, type ScryptCost, SealingKey } from './secret-vault'

export const EXPORT_FORMAT = 'afx-profiles'
const EXPORT_VERSION = 1
const NAME_MAX = 80

/** A profile as it travels, its secrets (if any) in clear: only ever in memory. */
export type PortableProfile = SecretsAs<ProfileInput, string>

const ExportedClient = ProfileClientInput.omit({ secret: true }).extend({
  secret: Sealed.optional(),
})

const ExportedUser = ProfileUserInput.extend({
  password: Sealed.optional(),
  totpSecret: Sealed.optional(),
})

const ExportedProfile = z
  .object({
    ...ProfileInput.shape,
    clients: z.array(ExportedClient).max(50),
    users: z.array(ExportedUser).max(50).optional(),
  })
  .superRefine(checkTestUsers)

const ProfilesExport = z
  .object({
    format: z.literal(EXPORT_FORMAT),
    version: z.literal(EXPORT_VERSION),
    exportedAt: z.string().max(100),
    /** Present when secrets are sealed: how to derive their key, and a check value. */
    sealedWith: PassphraseLock.optional(),
    profiles: z.array(ExportedProfile).max(5000),
  })
  .superRefine((file, ctx) => {
    if (file.sealedWith) return
    file.profiles.forEach((profile, p) =>
      listSecrets(profile).forEach(({ path }) =>
        ctx.addIssue({
          code: 'custom',
          path: ['profiles', p, ...path],
          message: 'A sealed secret needs "sealedWith" at the top of the file to be opened.',
        }),
      ),
    )
  })
type ProfilesExport = z.infer<typeof ProfilesExport>

/** Writes the export; secrets go in only with a passphrase, sealed with it. */
export function buildProfilesExport(
  profiles: PortableProfile[],
  options: { passphrase?: string | undefined; now: number; cost: ScryptCost },
): ExportFile {
  const hasSecrets = profiles.some((profile) => listSecrets(profile).length > 0)
  const sealing =
    options.passphrase !== undefined && hasSecrets
      ? SealingKey.create(options.passphrase, options.cost, 'this export')
      : undefined
  const exportedAt = new Date(options.now).toISOString()
  const file: ProfilesExport = {
    format: EXPORT_FORMAT,
    version: EXPORT_VERSION,
    exportedAt,
    ...(sealing ? { sealedWith: sealing.lock } : {}),
    // Without a passphrase each secret is left out entirely, never written in clear.
    profiles: profiles.map((profile) => mapSecrets(profile, (secret) => sealing?.key.seal(secret))),
  }
  return {
    filename: `afx-profiles-${exportedAt.slice(0, 10)}.json`,
    mediaType: 'application/json',
    content: `${JSON.stringify(file, null, 2)}\n`,
  }
}

/** Reads an export: IMPORT_INVALID in words, or the passphrase errors of its sealed secrets. */
export function readProfilesExport(content: string, passphrase?: string): PortableProfile[] {
  let json: unknown
  try {
    json = JSON.parse(content.replace(/^\uFEFF/, ''))
  } catch {
    throw invalid('This file is not JSON.')
  }
  const head = json as { format?: unknown; version?: unknown } | null
  if (head === null || typeof head !== 'object' || head.format !== EXPORT_FORMAT) {
    throw invalid(
      `This is not an Auth Flow Explorer profiles file ("format" is not "${EXPORT_FORMAT}").`,
    )
  }
  if (typeof head.version === 'number' && head.version > EXPORT_VERSION) {
    throw invalid(
      `This file was exported by a newer Auth Flow Explorer (format version ${head.version}); update to import it.`,
    )
  }
  const parsed = ProfilesExport.safeParse(json)
  if (!parsed.success) throw invalid(describeIssues(parsed.error))
  const file = parsed.data
  const hasSecrets = file.profiles.some((profile) => listSecrets(profile).length > 0)
  let key: SealingKey | undefined
  if (hasSecrets && file.sealedWith) {
    if (passphrase === undefined || passphrase === '') {
      throw new AfxError('VAULT_LOCKED', 'The secrets in this file are sealed with a passphrase.', {
        hint: 'Give the passphrase the file was exported with.',
      })
    }
    key = SealingKey.unlock(passphrase, file.sealedWith, 'this file')
  }
  // Every secret is opened before anything is imported, so a tampered one stops the whole file.
  return file.profiles.map((profile) => mapSecrets(profile, (secret) => key?.open(secret)))
}

/** The name an imported profile gets: its own, or "<name> (imported)", "(imported 2)", … */
export function importedName(name: string, taken: ReadonlySet<string>): string {
  if (!taken.has(name)) return name
  for (let n = 1; ; n++) {
    const suffix = n === 1 ? ' (imported)' : ` (imported ${n})`
    // ProfileName allows 80 characters; shorten the name, never the suffix that explains it.
    const candidate = ProfileName.parse(
      `${name.slice(0, NAME_MAX - suffix.length).trimEnd()}${suffix}`,
    )
    if (!taken.has(candidate)) return candidate
  }
}

function invalid(message: string): AfxError {
  return new AfxError('IMPORT_INVALID', message, {
    hint: 'Choose a file exported by Auth Flow Explorer (afx-profiles-….json), or fix what is named.',
  })
}
