// Starts, advances, cancels and keeps runs; reports every change as a run.updated event.
import { randomUUID } from 'node:crypto'
import {
  isFinishedStatus,
  type InputValues,
  type Run,
  type RunSummary,
  type StepEdits,
} from '../../../shared/run-model'
import { StartRunInput } from '../../../shared/flow-input'
import { describeForLog } from '../describe-for-log'
import { AfxError } from '../errors'
import type { EventBus } from '../event-bus'
import { describeRunFailure } from './describe-run-failure'
import { flowFor, type FlowDeps } from './flow-registry'
import { RunContext } from './run-context'
import type { RunHistory, RunRecord } from './run-history'
import { RunRecorder } from './run-recorder'
import { runMatches } from './run-search'
import { profileSecretField, redactStartInput, restoreStartInput } from './redact-start-input'
import { SecretBox } from './secret-box'

type LiveRun = {
  recorder: RunRecorder
  secrets: SecretBox
  context: RunContext
  controller: AbortController
  /** Settles when the flow has finished, whatever the outcome. */
  done: Promise<Run>
  /**
   * The input it started with, every secret a marker of this run. Made when asked, so the flow
   * has named its secrets first (`client_secret`, `id_token_hint`) and markers read the same.
   */
  recordInput: () => Record<string, unknown>
}

export type RunServiceOptions = {
  events: EventBus
  deps: FlowDeps
  now?: () => number
  /** Runs kept in memory; the oldest finished ones are dropped first. */
  maxRuns?: number
  /** Where finished runs are kept across sessions; none: memory only. */
  history?: RunHistory | undefined
  /** Completes an input before it runs (a saved profile's client secret). */
  prepareInput?: (input: StartRunInput) => StartRunInput
}

/** How long a run must stay stopped before history keeps it as it stands. */
const KEEP_STOP_AFTER_MS = 250

export class RunService {
  readonly #runs = new Map<string, LiveRun>()
  /** The pending write of each run stopped right now (see #keepWhileStopped). */
  readonly #stopSaves = new Map<string, NodeJS.Timeout>()
  readonly #options: Required<Omit<RunServiceOptions, 'deps' | 'events' | 'history'>> &
    Pick<RunServiceOptions, 'deps' | 'events' | 'history'>

  constructor(options: RunServiceOptions) {
    this.#options = {
      now: () => Date.now(),
      maxRuns: 200,
      prepareInput: (input) => input,
      ...options,
    }
  }

  /** Starts a run and returns at once; progress arrives as run.updated events. */
  start(given: StartRunInput): { run: Run; done: Promise<Run> } {
    const input = this.#options.prepareInput(given)
    const flow = flowFor(input.flow)
    const now = this.#options.now
    const id = `run-${randomUUID()}`
    const createdAt = new Date(now()).toISOString()
    const secrets = new SecretBox()
    const recorder = new RunRecorder(
      {
        id,
        flow: input.flow,
        title: flow.title(input),
        mode: input.mode,
        status: 'running',
        createdAt,
        updatedAt: createdAt,
        steps: [],
        tokens: [],
        diagnostics: [],
        origin: 'live',
        ...(input.profile === undefined ? {} : { profile: input.profile }),
        revision: 0,
      },
      secrets,
      (run) => {
        this.#options.events.emit('run.updated', run)
        this.#keepWhileStopped(run)
      },
      now,
    )
    const recordInput = () => redactStartInput(input, secrets)
    const controller = new AbortController()
    const context = new RunContext({
      mode: input.mode,
      recorder,
      secrets,
      signal: controller.signal,
      fetch: this.#options.deps.fetch,
      openBrowser: this.#options.deps.openBrowser,
      httpTimeoutMs: this.#options.deps.httpTimeoutMs,
      maxResponseBytes: this.#options.deps.maxResponseBytes,
    })
    const done = flow
      .run(context, input, this.#options.deps)
      .then(
        (outcome) => recorder.setStatus(outcome.failed ? 'failed' : 'succeeded'),
        (error: unknown) => this.#fail(recorder, context, controller, error),
      )
      .catch((error: unknown) => {
        // Recording the failure itself failed (a bug): say so, and never leave a rejection
        // nobody awaits, which would end the host process.
        console.error(`[afx] run ${id} could not record its end: ${describeForLog(error)}`)
      })
      .then(() => {
        const finished = recorder.snapshot()
        // History keeps its own snapshot (it keeps what it is given), the caller gets `finished`.
        this.#options.history?.save({ run: recorder.snapshot(), input: recordInput() })
        return finished
      })
    this.#runs.set(id, { recorder, secrets, context, controller, done, recordInput })
    this.#forgetOldRuns()
    return { run: recorder.snapshot(), done }
  }

  advance(runId: string, edits?: StepEdits): Run {
    const live = this.#live(runId)
    live.context.advance(edits)
    return live.recorder.snapshot()
  }

  provideInput(runId: string, values: InputValues): Run {
    const live = this.#live(runId)
    live.context.provideInput(values)
    return live.recorder.snapshot()
  }

  async cancel(runId: string): Promise<Run> {
    const live = this.#live(runId)
    live.controller.abort(new AfxError('RUN_CANCELLED', 'The run was cancelled.'))
    return live.done
  }

  /** A run of this session, or one kept in history. */
  get(runId: string): Run {
    // A live run's snapshot alone: its redacted input is not needed here, and a face asks for the
    // run on every update it waits on.
    const live = this.#runs.get(runId)
    return live ? live.recorder.snapshot() : this.record(runId).run
  }

  /** A run with the input it started with (redacted), for exports and replay. */
  record(runId: string): RunRecord {
    const live = this.#runs.get(runId)
    if (live) return { run: live.recorder.snapshot(), input: live.recordInput() }
    const kept = this.#options.history?.get(runId)
    if (kept) return kept
    throw runNotFound(runId)
  }

  /** This session's runs and history's, newest first; `query` keeps those it matches. */
  list(query = ''): RunSummary[] {
    const live = [...this.#runs.values()].map(({ recorder }) => recorder.snapshot())
    const kept = (this.#options.history?.list() ?? []).filter((run) => !this.#runs.has(run.id))
    return [...live, ...kept]
      .filter((run) => runMatches(run, query))
      .sort((a, b) => b.createdAt.localeCompare(a.createdAt))
      .map(({ id, flow, title, status, createdAt, updatedAt, origin, profile }) => ({
        id,
        flow,
        title,
        status,
        createdAt,
        updatedAt,
        origin,
        ...(profile === undefined ? {} : { profile }),
      }))
  }

  /** Adds a run someone shared (a scenario file) to history, as it was. */
  import(record: RunRecord): Run {
    if (!this.#options.history) {
      throw new AfxError('IMPORT_INVALID', 'This face keeps no history to import a run into.')
    }
    // History keeps what it is given; the caller keeps `record`, so history gets its own copy.
    this.#options.history.save(structuredClone(record))
    return record.run
  }

  /**
   * The input to start a run again with: the same flow, options and secrets. A secret an earlier
   * session held is gone, except what its profile still keeps (a client secret, a test user's
   * password or TOTP secret), filled at start.
   */
  replayInput(runId: string): StartRunInput {
    const { run, input } = this.record(runId)
    if (!input) {
      throw new AfxError('RUN_REPLAY_UNAVAILABLE', `"${run.title}" did not keep its input.`, {
        hint: 'Start the flow again from the Flows page.',
      })
    }
    const live = this.#runs.get(runId)
    const restored = restoreStartInput(input, (id) => live?.secrets.reveal(id))
    const missing = restored.missing.filter(
      (label) => profileSecretField(input, label) === undefined,
    )
    if (missing.length > 0) {
      throw new AfxError(
        'RUN_REPLAY_UNAVAILABLE',
        `"${run.title}" cannot be replayed: its ${missing.join(', ')} ${missing.length === 1 ? 'was' : 'were'} not kept after the app restarted.`,
        { hint: 'Start the flow again from the Flows page and enter it there.' },
      )
    }
    return StartRunInput.parse(withoutProfileSecrets(restored.input, restored.missing))
  }

  /** The clear value of a secret in a run, for a person who asked to see it. */
  revealSecret(runId: string, secretId: string): string {
    const { run } = this.record(runId)
    if (run.origin !== 'live' || !this.#runs.has(runId)) {
      throw new AfxError(
        'RUN_SECRET_NOT_FOUND',
        'Secret values are never written to disk, so a run from history or a shared scenario holds none.',
        { hint: 'Replay the run to get fresh values you can reveal.' },
      )
    }
    const value = this.#live(runId).secrets.reveal(secretId)
    if (value === undefined) {
      throw new AfxError('RUN_SECRET_NOT_FOUND', `This run holds no secret "${secretId}".`)
    }
    return value
  }

  /**
   * The fingerprints of a live run's tokens, for exports; undefined for a run from history or a
   * shared scenario, whose values are gone.
   */
  tokenFingerprints(runId: string): ((secretId: string) => string | undefined) | undefined {
    const live = this.#runs.get(runId)
    return live && ((secretId) => live.secrets.fingerprint(secretId))
  }

  /** Cancels every run still going (the app is closing). */
  async cancelAll(): Promise<void> {
    const going = [...this.#runs.keys()].filter(
      (id) => !isFinishedStatus(this.#live(id).recorder.status),
    )
    await Promise.all(going.map((id) => this.cancel(id)))
  }

  #fail(recorder: RunRecorder, context: RunContext, controller: AbortController, error: unknown) {
    const cancelled = controller.signal.aborted
    // No step in progress: what failed was the processing of the last exchange's answer (openid-
    // client refusing a token response), so that exchange is where the failure belongs.
    const last = recorder.lastStep
    const step = context.currentStep ?? (!cancelled && last?.kind === 'http' ? last : undefined)
    const described = cancelled ? [] : describeRunFailure(error, step?.exchange?.response)
    // A failed exchange already explained itself on its step: the run says the same, once.
    const own = step?.diagnostics.filter((diagnostic) => diagnostic.severity === 'error') ?? []
    const diagnostics = described[0]?.code === 'RUN_STEP_FAILED' && own.length > 0 ? own : described
    if (step) {
      recorder.addDiagnostics(
        step,
        diagnostics.filter((d) => !step.diagnostics.some((s) => s.code === d.code)),
      )
      recorder.updateStep(step, { status: cancelled ? 'cancelled' : 'failed' })
    }
    recorder.setStatus(cancelled ? 'cancelled' : 'failed', diagnostics)
  }

  /**
   * Keeps a run in history where it stops (for the browser, a person, the next step), which is
   * where a run spends nearly all its time: if the app is killed there, the next start finds it
   * unfinished and marks it interrupted (security.md #165). The finished run replaces it.
   */
  #keepWhileStopped(run: Run): void {
    clearTimeout(this.#stopSaves.get(run.id))
    this.#stopSaves.delete(run.id)
    if (run.status !== 'paused' && run.status !== 'waiting') return
    // Only a stop that lasts is written: a browser answered by a script, or a question answered
    // at once, would cost a write per stop for nothing.
    const timer = setTimeout(() => {
      this.#stopSaves.delete(run.id)
      // History keeps what it is given, and `run` also went to every listener. With the input, an
      // interrupted run can be replayed.
      const input = this.#runs.get(run.id)?.recordInput()
      this.#options.history?.save({ run: structuredClone(run), input })
    }, KEEP_STOP_AFTER_MS)
    timer.unref() // a run's stop never keeps the process alive
    this.#stopSaves.set(run.id, timer)
  }

  #live(runId: string): LiveRun {
    const live = this.#runs.get(runId)
    if (!live) throw runNotFound(runId)
    return live
  }

  #forgetOldRuns(): void {
    for (const [id, live] of this.#runs) {
      if (this.#runs.size <= this.#options.maxRuns) return
      if (isFinishedStatus(live.recorder.status)) this.#runs.delete(id)
    }
  }
}

const runNotFound = (runId: string) =>
  new AfxError('RUN_NOT_FOUND', `There is no run "${runId}".`, {
    hint: 'It may have been dropped from history; start the flow again.',
  })

/** What the profile keeps, left as a marker, is dropped, so the profile fills it in at start. */
function withoutProfileSecrets(input: Record<string, unknown>, missing: string[]) {
  const copy = structuredClone(input)
  for (const label of missing) {
    const field = profileSecretField(input, label)
    if (field === undefined) continue
    delete copy[field] // Cognito's input
    delete (copy.client as Record<string, unknown> | undefined)?.[field] // an OAuth client's
  }
  return copy
}
