// Keeps one run's record up to date and reports its changes. Everything written here has already
// been redacted: the record is what faces, exports and history see.
import type { Diagnostic, Run, RunStatus, Step } from '../../../shared/run-model'
import type { SecretBox } from './secret-box'

export type StepMeta = Pick<Step, 'kind' | 'title' | 'explain'>

/**
 * Reports go out coalesced: a flow changes its record a few dozen times per run, mostly several
 * times in one turn of the event loop (a step added, its request, its answer), and copying the
 * whole run for each change was a large share of the engine's own cost. Changes made in one turn
 * are reported once, with the latest state, from `setImmediate`: that runs before the loop looks
 * for more I/O, so any state the run stays in while it waits on the network, a timer or a person
 * is reported. A run that stops (a pause, a question, the end) is reported at once, so a face
 * that acts on it, and whoever awaits the run's end, has always been told first; going on again
 * is reported with what the run does next.
 */
export class RunRecorder {
  readonly #run: Run
  readonly #secrets: SecretBox
  readonly #onChange: (run: Run) => void
  readonly #now: () => number
  /** The report scheduled for the changes not yet reported. */
  #pending: NodeJS.Immediate | undefined

  constructor(run: Run, secrets: SecretBox, onChange: (run: Run) => void, now: () => number) {
    this.#run = run
    this.#secrets = secrets
    this.#onChange = onChange
    this.#now = now
  }

  /** A deep copy, so no caller can change the record behind the recorder's back. */
  snapshot(): Run {
    return copyPlain(this.#run)
  }

  get status(): RunStatus {
    return this.#run.status
  }

  /** The step recorded last, live (for marking it failed when processing its answer fails). */
  get lastStep(): Step | undefined {
    return this.#run.steps.at(-1)
  }

  addStep(meta: StepMeta, inputs: Record<string, unknown> = {}): Step {
    const step: Step = {
      id: `step-${this.#run.steps.length + 1}`,
      ...meta,
      status: 'running',
      startedAt: new Date(this.#now()).toISOString(),
      inputs: this.#secrets.redactDeep(inputs) as Record<string, unknown>,
      outputs: {},
      diagnostics: [],
    }
    this.#run.steps.push(step)
    this.#changed()
    return step
  }

  /** Applies a change to a step (redacting what it adds) and reports it. */
  updateStep(step: Step, change: Partial<Omit<Step, 'id' | 'kind'>>): void {
    Object.assign(step, this.#secrets.redactDeep(change))
    if (change.status === 'done' || change.status === 'failed' || change.status === 'cancelled') {
      step.durationMs =
        this.#now() - Date.parse(step.startedAt ?? new Date(this.#now()).toISOString())
    }
    this.#changed()
  }

  addDiagnostics(step: Step, diagnostics: Diagnostic[]): void {
    step.diagnostics.push(...(this.#secrets.redactDeep(diagnostics) as Diagnostic[]))
    this.#changed()
  }

  addToken(name: string, value: string): void {
    this.#run.tokens.push({ name, value: this.#secrets.add(value, name) })
    this.#changed()
  }

  /** Sets the run's status; a run that stops (to pause, to ask, at its end) is reported at once. */
  setStatus(status: RunStatus, diagnostics: Diagnostic[] = []): void {
    this.#run.status = status
    this.#run.diagnostics.push(...(this.#secrets.redactDeep(diagnostics) as Diagnostic[]))
    this.#changed()
    if (status !== 'running') this.#report()
  }

  #changed(): void {
    this.#run.revision = (this.#run.revision ?? 0) + 1 // runs start at 0
    this.#run.updatedAt = new Date(this.#now()).toISOString()
    this.#pending ??= setImmediate(() => this.#report())
  }

  #report(): void {
    if (this.#pending === undefined) return
    clearImmediate(this.#pending)
    this.#pending = undefined
    this.#onChange(this.snapshot())
  }
}

/**
 * Copies plain data, which is all the record holds: its own fields are strings and arrays, and
 * whatever it is given goes through SecretBox.redactDeep, which rebuilds plain objects, arrays and
 * primitives. Several times faster than structuredClone, which Node 20 runs through its message
 * serializer.
 */
function copyPlain<T>(value: T): T {
  if (typeof value !== 'object' || value === null) return value
  if (Array.isArray(value)) return value.map(copyPlain) as T
  const copy: Record<string, unknown> = {}
  for (const [key, item] of Object.entries(value)) copy[key] = copyPlain(item)
  return copy as T
}
