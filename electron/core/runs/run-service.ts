// Starts, advances, cancels and keeps runs; reports every change as a run.updated event.
import { randomUUID } from 'node:crypto'
import type { InputValues, Run, RunStatus, RunSummary, StepEdits } from '../../../shared/run-model'
import type { StartRunInput } from '../../../shared/flow-input'
import { describeForLog } from '../describe-for-log'
import { AfxError } from '../errors'
import type { EventBus } from '../event-bus'
import { describeRunFailure } from './describe-run-failure'
import { flowFor, type FlowDeps } from './flow-registry'
import { RunContext } from './run-context'
import { RunRecorder } from './run-recorder'
import { SecretBox } from './secret-box'

type LiveRun = {
  recorder: RunRecorder
  secrets: SecretBox
  context: RunContext
  controller: AbortController
  /** Settles when the flow has finished, whatever the outcome. */
  done: Promise<Run>
}

export type RunServiceOptions = {
  events: EventBus
  deps: FlowDeps
  now?: () => number
  /** Runs kept in memory; the oldest finished ones are dropped first. */
  maxRuns?: number
}

export class RunService {
  readonly #runs = new Map<string, LiveRun>()
  readonly #options: Required<Omit<RunServiceOptions, 'deps' | 'events'>> &
    Pick<RunServiceOptions, 'deps' | 'events'>

  constructor(options: RunServiceOptions) {
    this.#options = { now: () => Date.now(), maxRuns: 200, ...options }
  }

  /** Starts a run and returns at once; progress arrives as run.updated events. */
  start(input: StartRunInput): { run: Run; done: Promise<Run> } {
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
      },
      secrets,
      (run) => this.#options.events.emit('run.updated', run),
      now,
    )
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
      .then(() => recorder.snapshot())
    this.#runs.set(id, { recorder, secrets, context, controller, done })
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

  get(runId: string): Run {
    return this.#live(runId).recorder.snapshot()
  }

  list(): RunSummary[] {
    return [...this.#runs.values()]
      .map(({ recorder }) => recorder.snapshot())
      .map(({ id, flow, title, status, createdAt, updatedAt }) => ({
        id,
        flow,
        title,
        status,
        createdAt,
        updatedAt,
      }))
      .reverse()
  }

  /** The clear value of a secret in a run, for a person who asked to see it. */
  revealSecret(runId: string, secretId: string): string {
    const value = this.#live(runId).secrets.reveal(secretId)
    if (value === undefined) {
      throw new AfxError('RUN_SECRET_NOT_FOUND', `This run holds no secret "${secretId}".`)
    }
    return value
  }

  /** Cancels every run still going (the app is closing). */
  async cancelAll(): Promise<void> {
    const going = [...this.#runs.keys()].filter((id) => !isFinished(this.#live(id).recorder.status))
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

  #live(runId: string): LiveRun {
    const live = this.#runs.get(runId)
    if (!live) {
      throw new AfxError('RUN_NOT_FOUND', `There is no run "${runId}".`, {
        hint: 'It may have been dropped from history; start the flow again.',
      })
    }
    return live
  }

  #forgetOldRuns(): void {
    for (const [id, live] of this.#runs) {
      if (this.#runs.size <= this.#options.maxRuns) return
      if (isFinished(live.recorder.status)) this.#runs.delete(id)
    }
  }
}

const isFinished = (status: RunStatus) =>
  status === 'succeeded' || status === 'failed' || status === 'cancelled'
