// Keeps one run's record up to date and reports every change. Everything written here has already
// been redacted: the record is what faces, exports and history see.
import type { Diagnostic, Run, RunStatus, Step } from '../../../shared/run-model'
import type { SecretBox } from './secret-box'

export type StepMeta = Pick<Step, 'kind' | 'title' | 'explain'>

export class RunRecorder {
  readonly #run: Run
  readonly #secrets: SecretBox
  readonly #onChange: (run: Run) => void
  readonly #now: () => number

  constructor(run: Run, secrets: SecretBox, onChange: (run: Run) => void, now: () => number) {
    this.#run = run
    this.#secrets = secrets
    this.#onChange = onChange
    this.#now = now
  }

  /** A deep copy, so no caller can change the record behind the recorder's back. */
  snapshot(): Run {
    return structuredClone(this.#run)
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

  setStatus(status: RunStatus, diagnostics: Diagnostic[] = []): void {
    this.#run.status = status
    this.#run.diagnostics.push(...(this.#secrets.redactDeep(diagnostics) as Diagnostic[]))
    this.#changed()
  }

  #changed(): void {
    this.#run.revision = (this.#run.revision ?? 0) + 1 // runs start at 0
    this.#run.updatedAt = new Date(this.#now()).toISOString()
    this.#onChange(this.snapshot())
  }
}
