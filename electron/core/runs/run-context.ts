// What a flow uses to record itself as a run: one method per step kind. In step-by-step runs each
// step waits, prepared and visible, until the user advances (optionally editing what it sends).
import type {
  Diagnostic,
  InputField,
  InputValues,
  Step,
  StepEdits,
} from '../../../shared/run-model'
import { AfxError } from '../errors'
import { applyEditsToForm, applyEditsToUrl } from './apply-edits'
import { explainNetworkError } from './explain-network-error'
import { readBoundedBody } from './read-bounded-body'
import { redactExchange } from './redact-exchange'
import type { RunRecorder, StepMeta } from './run-recorder'
import type { SecretBox } from './secret-box'

export type RunContextOptions = {
  mode: 'auto' | 'step'
  recorder: RunRecorder
  secrets: SecretBox
  signal: AbortSignal
  /** The network, injectable for tests. */
  fetch: typeof fetch
  /** Hands an authorization URL to a browser (or to nobody, when the user drives it). */
  openBrowser: (url: URL) => Promise<void> | void
  httpTimeoutMs: number
  maxResponseBytes: number
}

type Advance = { resolve: (edits: StepEdits | undefined) => void; reject: (error: unknown) => void }
type PendingInput = { fields: InputField[]; resolve: (values: InputValues) => void }

export type FetchStepOptions = {
  /**
   * Recognises an error answer that is part of the protocol (a device poll still pending) and
   * returns the note to show: the step is then done, not failed.
   */
  expectedError?: (status: number, body: string) => Diagnostic | undefined
}

/** Shown in a step: long bodies are cut for display (the flow still gets the whole body). */
const DISPLAY_BODY_CHARS = 64_000

export class RunContext {
  readonly signal: AbortSignal
  readonly secrets: SecretBox
  readonly #options: RunContextOptions
  readonly #recorder: RunRecorder
  #advance: Advance | undefined
  #input: PendingInput | undefined
  #current: Step | undefined

  constructor(options: RunContextOptions) {
    this.#options = options
    this.#recorder = options.recorder
    this.signal = options.signal
    this.secrets = options.secrets
  }

  /** The step in progress, which an error ends as failed. */
  get currentStep(): Step | undefined {
    return this.#current
  }

  /** Resumes a step-by-step run paused before a step. */
  advance(edits?: StepEdits): void {
    const pending = this.#advance
    if (!pending) {
      throw new AfxError('RUN_NOT_PAUSED', 'This run is not waiting for you to advance it.', {
        hint: 'Only a step-by-step run that shows a prepared step can be advanced.',
      })
    }
    this.#advance = undefined
    pending.resolve(edits)
  }

  /** Answers the input step the run waits on; every field asked for must be given. */
  provideInput(values: InputValues): void {
    const pending = this.#input
    if (!pending) {
      throw new AfxError('RUN_NOT_WAITING_FOR_INPUT', 'This run is not asking for any input.', {
        hint: 'Input is given only while the run shows a question (an MFA code, a new password).',
      })
    }
    const missing = pending.fields.filter((field) => !values[field.name])
    if (missing.length > 0) {
      throw new AfxError(
        'RUN_INPUT_MISSING',
        `Missing: ${missing.map((field) => field.label).join(', ')}.`,
      )
    }
    this.#input = undefined
    pending.resolve(values)
  }

  /** Asks a person for values (a code, a password) and waits for them; secrets stay redacted. */
  async input(meta: Omit<StepMeta, 'kind'>, fields: InputField[]): Promise<InputValues> {
    const step = this.#begin({ ...meta, kind: 'input' }, { fields })
    this.#recorder.updateStep(step, { status: 'waiting' })
    this.#recorder.setStatus('waiting')
    const values = await this.#untilAborted<InputValues>((resolve) => {
      this.#input = { fields, resolve }
    })
    const shown: InputValues = {}
    for (const field of fields) {
      const value = values[field.name] ?? ''
      shown[field.name] = field.secret ? this.secrets.add(value, field.name) : value
    }
    this.#recorder.setStatus('running')
    this.#finish(step, { outputs: shown })
    return values
  }

  /** A local computation (PKCE pair, state, nonce, a signature), its inputs and outputs shown. */
  async compute<T>(
    meta: Omit<StepMeta, 'kind'>,
    inputs: Record<string, unknown>,
    work: () => T | Promise<T>,
    describe: (result: T) => Record<string, unknown>,
  ): Promise<T> {
    const step = this.#begin({ ...meta, kind: 'compute' }, inputs)
    await this.#gate(step)
    const result = await work()
    this.#finish(step, { outputs: describe(result) })
    return result
  }

  /**
   * A fetch for one protocol request: each call becomes an http step, recorded (redacted) and, in
   * step-by-step runs, held until the user advances, with their edits applied.
   */
  fetchFor(meta: Omit<StepMeta, 'kind'>, options: FetchStepOptions = {}): typeof fetch {
    return async (input, init) => {
      const request = new Request(input, init)
      const headers = Object.fromEntries(request.headers)
      const body =
        request.method === 'GET' || request.method === 'HEAD' ? undefined : await request.text()
      const step = this.#begin({ ...meta, kind: 'http' })
      const asked = { method: request.method, url: request.url, headers, body }
      this.#recordExchange(step, { request: asked })
      const edits = await this.#gate(step)
      if (!edits) return this.#send(step, asked, options) // sent as recorded: no second record
      const isForm = (headers['content-type'] ?? '').startsWith('application/x-www-form-urlencoded')
      const url = isForm ? new URL(request.url) : applyEditsToUrl(new URL(request.url), edits)
      const sentBody = body !== undefined && isForm ? applyEditsToForm(body, edits) : body
      const sent = { method: request.method, url: url.href, headers, body: sentBody }
      this.#recordExchange(step, { request: sent })
      return this.#send(step, sent, options)
    }
  }

  /**
   * Hands the authorization URL to the system browser, or only shows it when someone else drives
   * the browser (`open: false`). `beforeOpen` runs once the URL is final and before any browser
   * can answer (to start listening for that very request). `outputs` adds what the person at the
   * browser needs besides the URL (a device flow's user_code). Returns the URL as sent.
   */
  async browser(
    meta: Omit<StepMeta, 'kind'>,
    url: URL,
    options: {
      open: boolean
      beforeOpen?: (sent: URL) => void
      outputs?: Record<string, unknown>
    },
  ): Promise<URL> {
    const step = this.#begin({ ...meta, kind: 'browser' }, { url: url.href })
    const edits = await this.#gate(step)
    const sent = applyEditsToUrl(url, edits)
    options.beforeOpen?.(sent)
    if (options.open) await this.#options.openBrowser(sent)
    this.#finish(step, {
      outputs: {
        url: sent.href,
        opened: options.open ? 'system browser' : 'not opened',
        ...options.outputs,
      },
    })
    return sent
  }

  /** Waits for something from outside: the browser's callback, a person's input. */
  async wait<T>(
    meta: StepMeta,
    arrival: () => Promise<T>,
    describe: (result: T) => Record<string, unknown>,
  ): Promise<T> {
    const step = this.#begin(meta)
    this.#recorder.updateStep(step, { status: 'waiting' })
    this.#recorder.setStatus('waiting')
    const result = await arrival()
    this.#recorder.setStatus('running')
    this.#finish(step, { outputs: describe(result) })
    return result
  }

  /** Records checks; the step fails when any is an error. Returns whether all passed. */
  check(
    meta: Omit<StepMeta, 'kind'>,
    diagnostics: Diagnostic[],
    outputs: Record<string, unknown> = {},
  ): boolean {
    const step = this.#begin({ ...meta, kind: 'check' })
    this.#recorder.addDiagnostics(step, diagnostics)
    const passed = !diagnostics.some((diagnostic) => diagnostic.severity === 'error')
    this.#finish(step, { outputs, status: passed ? 'done' : 'failed' })
    return passed
  }

  /** Keeps a token the run obtained, as a secret the inspector can be given. */
  keepToken(name: string, value: string): void {
    this.#recorder.addToken(name, value)
  }

  /**
   * Adds what `judge` finds in the body of the last answer received to that step. For what a
   * client library smooths over before the flow sees it (a string expires_in made a number).
   */
  noteOnLastAnswer(judge: (body: string) => Diagnostic[]): void {
    const step = this.#recorder.lastStep
    const body = step?.kind === 'http' ? step.exchange?.response?.body : undefined
    if (step === undefined || body === undefined) return
    const notes = judge(body)
    if (notes.length > 0) this.#recorder.addDiagnostics(step, notes)
  }

  async #send(
    step: Step,
    sent: {
      method: string
      url: string
      headers: Record<string, string>
      body?: string | undefined
    },
    options: FetchStepOptions,
  ) {
    const started = performance.now()
    const timeout = AbortSignal.timeout(this.#options.httpTimeoutMs)
    let response: Response
    let text: string
    try {
      response = await this.#options.fetch(sent.url, {
        method: sent.method,
        headers: sent.headers,
        body: sent.body,
        redirect: 'manual', // a redirect from an OAuth endpoint is shown, never followed silently
        signal: AbortSignal.any([this.signal, timeout]),
      })
      text = await readBoundedBody(response, this.#options.maxResponseBytes)
    } catch (error) {
      if (this.signal.aborted) throw error
      const diagnostic =
        error instanceof AfxError
          ? {
              code: error.code,
              severity: 'error' as const,
              message: error.message,
              hint: error.hint,
            }
          : explainNetworkError(error, this.#options.httpTimeoutMs)
      this.#recordExchange(step, {
        request: sent,
        error: diagnostic.message,
        durationMs: performance.now() - started,
      })
      this.#recorder.addDiagnostics(step, [diagnostic])
      throw new AfxError('RUN_STEP_FAILED', diagnostic.message, { hint: diagnostic.hint })
    }
    this.#recordExchange(step, {
      request: sent,
      response: {
        status: response.status,
        headers: Object.fromEntries(response.headers),
        body: text.slice(0, DISPLAY_BODY_CHARS),
        ...(text.length > DISPLAY_BODY_CHARS ? { bodyTruncated: true } : {}),
      },
      durationMs: performance.now() - started,
    })
    const note = response.ok ? undefined : options.expectedError?.(response.status, text)
    if (note) this.#recorder.addDiagnostics(step, [note])
    this.#finish(step, { status: response.ok || note ? 'done' : 'failed' })
    // 204, 205 and 304 carry no body, and the Response constructor refuses one for them.
    const body = [204, 205, 304].includes(response.status) ? null : text
    return new Response(body, { status: response.status, headers: response.headers })
  }

  #recordExchange(step: Step, exchange: NonNullable<Step['exchange']>): void {
    this.#recorder.updateStep(step, { exchange: redactExchange(exchange, this.secrets) })
  }

  #begin(meta: StepMeta, inputs: Record<string, unknown> = {}): Step {
    if (this.signal.aborted) throw new AfxError('RUN_CANCELLED', 'The run was cancelled.')
    this.#current = this.#recorder.addStep(meta, inputs)
    return this.#current
  }

  #finish(step: Step, change: Partial<Step>): void {
    this.#recorder.updateStep(step, { status: 'done', ...change })
    if (this.#current === step) this.#current = undefined
  }

  /** In step-by-step runs: shows the step as prepared and waits for advance(). */
  async #gate(step: Step): Promise<StepEdits | undefined> {
    if (this.#options.mode === 'auto') return undefined
    this.#recorder.updateStep(step, { status: 'ready' })
    this.#recorder.setStatus('paused')
    const edits = await this.#untilAborted<StepEdits | undefined>((resolve, reject) => {
      this.#advance = { resolve, reject }
    })
    this.#recorder.updateStep(step, { status: 'running' })
    this.#recorder.setStatus('running')
    return edits
  }

  /**
   * Waits for what `register` hands out to be resolved, or for the run to be cancelled. The abort
   * listener goes when the wait ends: a long step-by-step run must not pile them up.
   */
  #untilAborted<T>(
    register: (resolve: (value: T) => void, reject: (error: unknown) => void) => void,
  ): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      const onAbort = () => reject(this.signal.reason)
      this.signal.addEventListener('abort', onAbort, { once: true })
      const settle =
        <A>(finish: (arg: A) => void) =>
        (arg: A) => {
          this.signal.removeEventListener('abort', onAbort)
          finish(arg)
        }
      register(settle(resolve), settle(reject))
    })
  }
}
