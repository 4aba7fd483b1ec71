// Keeps finished runs on disk, one file per run, so history survives a restart. What is written
// is the run as faces see it (every secret already a marker) and its start input, redacted the
// same way: no secret value ever reaches these files. Retention follows the settings.
import { randomBytes } from 'node:crypto'
import { readdirSync, readFileSync, renameSync } from 'node:fs'
import { mkdir, rename, rm, unlink, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { z, ZodError } from 'zod'
import { isFinishedStatus, Run, type Step } from '../../../shared/run-model'
import type { StoreProblem } from '../../../shared/workspace-model'

/** A run as history keeps it: the record, and the input that started it (for replay, export). */
export type RunRecord = { run: Run; input?: Record<string, unknown> | undefined }

const HISTORY_FILE = z.object({
  schemaVersion: z.literal(1),
  run: Run,
  input: z.record(z.string(), z.unknown()).optional(),
  /** The process a run was going in, kept while it has not finished (see #load). */
  pid: z.number().int().positive().optional(),
})

export type RunHistoryOptions = {
  dir: string
  retention: () => { historyMaxRuns: number; historyMaxAgeDays: number }
  now?: () => number
}

const DAY_MS = 86_400_000

export class RunHistory {
  readonly #records = new Map<string, RunRecord>()
  readonly #problems: StoreProblem[] = []
  readonly #options: Required<RunHistoryOptions>
  /** The last file operation of each run, so a removal never overtakes the write before it. */
  readonly #pending = new Map<string, Promise<void>>()

  private constructor(options: RunHistoryOptions) {
    this.#options = { now: () => Date.now(), ...options }
  }

  /** Reads what earlier sessions kept; a file it cannot read is set aside and reported. */
  static open(options: RunHistoryOptions): RunHistory {
    const history = new RunHistory(options)
    history.#load()
    return history
  }

  get problems(): StoreProblem[] {
    return [...this.#problems]
  }

  get(runId: string): RunRecord | undefined {
    const record = this.#records.get(runId)
    return record && structuredClone(record)
  }

  /** Every kept run, newest first. */
  list(): Run[] {
    return [...this.#records.values()]
      .map((record) => record.run)
      .sort((a, b) => b.createdAt.localeCompare(a.createdAt))
  }

  /**
   * Keeps a finished run (again, when it was kept before) and drops what retention says to. The
   * record is kept as given, not copied: the caller hands over a record no one else holds (the run
   * service's fresh snapshot, an import's own copy) and must not change it afterwards.
   */
  save(record: RunRecord): void {
    this.#records.set(record.run.id, record)
    this.#enqueue(record.run.id, () => this.#write(record))
    this.#prune()
  }

  /** Resolves when every write started so far has settled. */
  async flush(): Promise<void> {
    await Promise.all([...this.#pending.values()])
  }

  #load(): void {
    let names: string[]
    try {
      names = namesIn(this.#options.dir)
    } catch (error) {
      const message = `The history folder cannot be read (${reasonOf(error)}); runs of this session are kept until the app closes.`
      this.#problems.push({ file: this.#options.dir, message })
      return
    }
    for (const name of names) {
      if (!/^run-[\w-]+\.json$/.test(name)) continue
      const file = join(this.#options.dir, name)
      let kept: z.infer<typeof HISTORY_FILE>
      try {
        kept = HISTORY_FILE.parse(JSON.parse(readFileSync(file, 'utf8')))
      } catch (error) {
        this.#setAside(file, error)
        continue
      }
      if (isFinishedStatus(kept.run.status) || isGoingElsewhere(kept.pid)) {
        // A run still going in another process (the app while an afx command starts) is that
        // process's to finish: shown as it stands, left as it is.
        this.#records.set(kept.run.id, { run: { ...kept.run, origin: 'saved' }, input: kept.input })
      } else {
        // Kept at a stop, never finished: the app that ran it stopped (closed, killed, crashed).
        this.save({ run: { ...markInterrupted(kept.run), origin: 'saved' }, input: kept.input })
      }
    }
    this.#prune()
  }

  #setAside(file: string, error: unknown): void {
    const keptAs = `${file}.unreadable`
    try {
      renameSync(file, keptAs)
      this.#problems.push({
        file,
        keptAs,
        message: `A run in history could not be read (${reasonOf(error)}); it was set aside.`,
      })
    } catch {
      this.#problems.push({ file, message: 'A run in history could not be read nor set aside.' })
    }
  }

  #prune(): void {
    const { historyMaxRuns, historyMaxAgeDays } = this.#options.retention()
    const oldest = new Date(this.#options.now() - historyMaxAgeDays * DAY_MS).toISOString()
    const newestFirst = this.list()
    for (const [index, run] of newestFirst.entries()) {
      if (index < historyMaxRuns && run.createdAt >= oldest) continue
      this.#records.delete(run.id)
      // A file that cannot be removed now is tried again at the next prune.
      this.#enqueue(run.id, () => rm(this.#fileOf(run.id), { force: true }).catch(() => undefined))
    }
  }

  /** Atomic: a crash or a full disk mid-write leaves the previous file whole. */
  async #write(record: RunRecord): Promise<void> {
    const file = this.#fileOf(record.run.id)
    const temporary = `${file}.${randomBytes(6).toString('hex')}.tmp`
    const pid = isFinishedStatus(record.run.status) ? {} : { pid: process.pid }
    const content = JSON.stringify({ schemaVersion: 1, ...record, ...pid }, null, 1)
    try {
      await mkdir(this.#options.dir, { recursive: true })
      await writeFile(temporary, content, { mode: 0o600 })
      await rename(temporary, file)
    } catch (error) {
      await unlink(temporary).catch(() => undefined)
      this.#problems.push({
        file,
        message: `A run could not be saved to history (${reasonOf(error)}). Free some disk space or check the folder's permissions; the run stays open until the app closes.`,
      })
    }
  }

  #fileOf(runId: string): string {
    return join(this.#options.dir, `${runId}.json`)
  }

  #enqueue(runId: string, operation: () => Promise<void>): void {
    const next = (this.#pending.get(runId) ?? Promise.resolve()).then(operation)
    this.#pending.set(runId, next)
    void next.then(() => {
      if (this.#pending.get(runId) === next) this.#pending.delete(runId)
    })
  }
}

/**
 * An unfinished run from an earlier session, as it ends now: interrupted, with whatever step was
 * still going cancelled, and the reason in words.
 */
function markInterrupted(run: Run): Run {
  return {
    ...run,
    status: 'interrupted',
    steps: run.steps.map((step) =>
      isFinishedStepStatus(step.status) ? step : { ...step, status: 'cancelled' },
    ),
    diagnostics: [
      ...run.diagnostics,
      {
        code: 'RUN_INTERRUPTED',
        severity: 'error',
        message: `The app stopped while this run was ${run.status === 'paused' ? 'paused' : 'waiting'}, so it never finished. It is kept as it was when the app stopped.`,
        hint: 'Replay it, or start the flow again: its listener went with the app, so a browser still on its way back finds nothing there.',
      },
    ],
  }
}

/**
 * Whether the process that kept an unfinished run is another one, still alive. This process's own
 * pid counts as gone: it is reading history afresh, as after a restart. A pid reused by an
 * unrelated process leaves the run waiting until that one ends; marking a live run interrupted
 * would be worse.
 */
function isGoingElsewhere(pid: number | undefined): boolean {
  if (pid === undefined || pid === process.pid) return false
  try {
    process.kill(pid, 0) // signal 0: nothing is sent, only whether the process exists is checked
    return true
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM' // alive, owned by another user
  }
}

const isFinishedStepStatus = (status: Step['status']) =>
  status === 'done' || status === 'failed' || status === 'cancelled'

/** The files of a folder; none when it does not exist yet (nothing was kept so far). */
function namesIn(dir: string): string[] {
  try {
    return readdirSync(dir)
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return []
    throw error
  }
}

/** Why a file could not be read or written, in a few words (no stack, no file contents). */
function reasonOf(error: unknown): string {
  if (error instanceof ZodError) {
    const issue = error.issues[0]
    return `${issue?.path.join('.') || 'the file'}: ${issue?.message ?? 'not a run'}`
  }
  if (error instanceof SyntaxError) return 'not valid JSON'
  const code = (error as NodeJS.ErrnoException | undefined)?.code
  return code ?? (error instanceof Error ? error.message : String(error))
}
