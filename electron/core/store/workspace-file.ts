// workspace.json on disk. conf finds and reads it; a file that cannot be understood is set aside
// beside it (never overwritten) and reported; one written by a newer Auth Flow Explorer is left
// as it is and nothing is saved this session. Every read goes to the disk, so two windows or
// processes that write one after the other each build on the other's change.
import Conf from 'conf'
import { copyFileSync, existsSync, linkSync, mkdirSync, renameSync, rmSync } from 'node:fs'
import { basename, join, resolve } from 'node:path'
import type { StoreProblem } from '../../../shared/workspace-model'
import { AfxError } from '../errors'
import { describeIssues } from './describe-issues'
import { type ClearSecret, migrateWorkspace } from './migrate-workspace'
import {
  CURRENT_SCHEMA_VERSION,
  emptyWorkspace,
  type StoredSecret,
  WorkspaceData,
} from './workspace-schema'
import { writeFileAtomically } from './write-file-atomically'

const CONFIG_NAME = 'workspace'

/** Seals a secret found in clear in an old file; returns what the file records instead. */
export type KeepClearSecret = (secret: ClearSecret) => StoredSecret

export class WorkspaceFile {
  readonly path: string
  readonly #dataDir: string
  readonly #now: () => number
  readonly #problems: StoreProblem[] = []
  #conf: Conf<Record<string, unknown>> | undefined
  /** Why nothing may be written this session, once something forbids it. */
  #refusal: { message: string; hint: string } | undefined

  constructor(dataDir: string, now: () => number) {
    this.#dataDir = resolve(dataDir)
    this.path = join(this.#dataDir, `${CONFIG_NAME}.json`)
    this.#now = now
  }

  get problems(): StoreProblem[] {
    return structuredClone(this.#problems)
  }

  /**
   * The workspace as the file holds it now; empty when there is none or it cannot be used. An
   * older file is brought up to date and saved back, its secrets in clear sealed by `keep`.
   */
  read(keep: KeepClearSecret): WorkspaceData {
    if (this.#refusal || !existsSync(this.path)) return emptyWorkspace()
    let raw: Record<string, unknown>
    try {
      raw = this.#readStore()
    } catch (error) {
      if (error instanceof SyntaxError) this.#setAside('is not valid JSON (or not a JSON object)')
      else
        this.#refuseWrites(
          `${this.path} could not be read (${codeOf(error)}).`,
          this.#hintFor(error),
        )
      return emptyWorkspace()
    }
    const migration = migrateWorkspace(raw, new Date(this.#now()).toISOString())
    if (migration.kind === 'newer') {
      // Not damaged, only newer: setting it aside would hide it from the app that wrote it.
      this.#refuseWrites(
        `${this.path} was written by a newer Auth Flow Explorer (workspace version ${migration.version}; this one reads up to ${CURRENT_SCHEMA_VERSION}). It is left as it is, and nothing is saved this session so that it is not overwritten.`,
        'Update Auth Flow Explorer, or move the file away to start with an empty workspace.',
      )
      return emptyWorkspace()
    }
    const parsed = WorkspaceData.safeParse(migration.data)
    if (!parsed.success) {
      this.#setAside(
        `does not have the shape Auth Flow Explorer expects: ${describeIssues(parsed.error)}`,
      )
      return emptyWorkspace()
    }
    if (migration.kind === 'migrated') this.#saveMigrated(parsed.data, migration, keep)
    return parsed.data
  }

  /** Replaces the file in one step, or throws STORE_WRITE_FAILED and leaves it as it was. */
  write(data: WorkspaceData): void {
    if (this.#refusal) {
      throw new AfxError('STORE_WRITE_FAILED', `Not saved: ${this.#refusal.message}`, {
        hint: this.#refusal.hint,
      })
    }
    try {
      mkdirSync(this.#dataDir, { recursive: true })
      writeFileAtomically(this.path, Buffer.from(`${JSON.stringify(data, null, 2)}\n`, 'utf8'))
    } catch (error) {
      throw new AfxError(
        'STORE_WRITE_FAILED',
        `Could not save ${this.path} (${codeOf(error)}). The file is as it was before this change.`,
        { hint: this.#hintFor(error), cause: error },
      )
    }
  }

  /**
   * Seals the secrets an old file held in clear, keeps the original beside it (a hard link, so no
   * second copy of its bytes is written), and saves the updated file in its place.
   */
  #saveMigrated(
    data: WorkspaceData,
    migration: { fromVersion: number; clearSecrets: ClearSecret[] },
    keep: KeepClearSecret,
  ): void {
    const homes = new Set<string>()
    for (const secret of migration.clearSecrets) {
      const client = data.profiles
        .find((profile) => profile.name === secret.profile)
        ?.clients.find((each) => each.clientId === secret.clientId)
      if (!client) continue
      client.secret = keep(secret)
      homes.add(HOME_WORDS[client.secret.home])
    }
    const keptAs = this.#freeName(`v${migration.fromVersion}`)
    const said = `${basename(this.path)} was in an older shape (version ${migration.fromVersion})`
    try {
      linkOrCopy(this.path, keptAs)
      this.write(data)
    } catch (error) {
      rmSync(keptAs, { force: true })
      const why =
        error instanceof AfxError
          ? `${error.message} ${error.hint ?? ''}`
          : `(${codeOf(error)}) ${this.#hintFor(error)}`
      this.#report({
        file: this.path,
        message: `${said}, and the updated one could not be saved; it is read the same way next time. ${why}`,
      })
      return
    }
    const secrets =
      migration.clearSecrets.length === 0
        ? ''
        : ` It held ${migration.clearSecrets.length} client secret(s) in clear: they are now kept in ${[...homes].join(' and ')}, and no longer in ${basename(this.path)}. The original still holds them: delete it once you no longer need it.`
    this.#report({
      file: this.path,
      keptAs,
      message: `${said} and was updated; the original is kept as ${basename(keptAs)}.${secrets}`,
    })
  }

  #readStore(): Record<string, unknown> {
    // conf reads the file when it is made; made again on the next read if that threw.
    this.#conf ??= new Conf<Record<string, unknown>>({
      cwd: this.#dataDir,
      configName: CONFIG_NAME,
      // Never let conf replace a file it cannot read: a person may have edited it by hand.
      clearInvalidConfig: false,
      deserialize: parseJsonObject,
    })
    return this.#conf.store
  }

  /** Renames the file to workspace.corrupt-<time>.json and says so; nothing is deleted. */
  #setAside(reason: string): void {
    const keptAs = this.#freeName('corrupt')
    try {
      renameSync(this.path, keptAs)
    } catch (error) {
      // Another window moved it already: the next read finds no file, which is fine.
      if (codeOf(error) === 'ENOENT') return
      this.#refuseWrites(
        `${this.path} ${reason}. It could not be set aside (${codeOf(error)}), so nothing is saved this session and it is not overwritten.`,
        this.#hintFor(error),
      )
      return
    }
    this.#report({
      file: this.path,
      keptAs,
      message: `${basename(this.path)} ${reason}. It was set aside as ${basename(keptAs)} and the workspace starts empty.`,
    })
  }

  /** workspace.<label>-<time>.json, beside the file, under a name nothing uses yet. */
  #freeName(label: string): string {
    const stamp = new Date(this.#now()).toISOString().replace(/[:.]/g, '-')
    let name = join(this.#dataDir, `${CONFIG_NAME}.${label}-${stamp}.json`)
    for (let n = 2; existsSync(name); n++) {
      name = join(this.#dataDir, `${CONFIG_NAME}.${label}-${stamp}-${n}.json`)
    }
    return name
  }

  /** Adds a problem once: a file that fails on every read is still one problem. */
  #report(problem: StoreProblem): void {
    if (this.#problems.some((known) => known.message === problem.message)) return
    this.#problems.push(problem)
  }

  #refuseWrites(message: string, hint: string): void {
    this.#refusal ??= { message, hint }
    this.#report({ file: this.path, message: `${message} ${hint}` })
  }

  #hintFor(error: unknown): string {
    switch (codeOf(error)) {
      case 'ENOSPC':
      case 'EDQUOT':
      case 'EFBIG':
        return `Free some disk space (or raise the file-size limit), then save again.`
      case 'EACCES':
      case 'EPERM':
      case 'EROFS':
        return `Check that you may write to ${this.#dataDir} (its permissions, a read-only disk), then save again.`
      default:
        return `Check the free space and the permissions of ${this.#dataDir}, then save again.`
    }
  }
}

/** conf's reader for workspace.json: JSON, and an object (an array or a number is damage too). */
function parseJsonObject(text: string): Record<string, unknown> {
  let value: unknown
  try {
    value = JSON.parse(text.replace(/^\uFEFF/, ''))
  } catch {
    // JSON.parse quotes the text around the fault, which could be a secret typed by hand.
    throw new SyntaxError('workspace.json is not valid JSON.')
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw new SyntaxError('workspace.json does not hold a JSON object.')
  }
  return value as Record<string, unknown>
}

const HOME_WORDS: Record<StoredSecret['home'], string> = {
  'os-keychain': 'the OS keychain',
  vault: 'the vault',
  session: "this session's memory only (create a vault to keep them)",
}

/** A second name for the same bytes; a copy where the file system has no hard links. */
function linkOrCopy(from: string, to: string): void {
  try {
    linkSync(from, to)
  } catch {
    copyFileSync(from, to)
  }
}

function codeOf(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code
  return typeof code === 'string' ? code : 'unknown error'
}
