// A run is one walk through a flow: an ordered list of steps, each with what went in, what came
// out, how long it took, and what was found wrong. Runs reach the renderer already redacted:
// every secret appears as a marker «secret:<id>:<label>», revealed only on request.
import { z } from 'zod'

export const RunId = z.string().regex(/^run-[\w-]{1,64}$/, 'A run id looks like run-…')
export type RunId = z.infer<typeof RunId>

export const StepKind = z.enum(['compute', 'http', 'browser', 'callback', 'input', 'check'])
export type StepKind = z.infer<typeof StepKind>

/** `ready`: prepared and waiting for the user to advance (step-by-step runs). */
export const StepStatus = z.enum(['ready', 'running', 'waiting', 'done', 'failed', 'cancelled'])
export type StepStatus = z.infer<typeof StepStatus>

export const Diagnostic = z.object({
  code: z.string(),
  severity: z.enum(['error', 'warning', 'info']),
  message: z.string(),
  hint: z.string().optional(),
  /** The rule it comes from, e.g. "RFC 6749 §4.1.2.1". */
  ref: z.string().optional(),
  expected: z.string().optional(),
  actual: z.string().optional(),
})
export type Diagnostic = z.infer<typeof Diagnostic>

export const HttpRequestRecord = z.object({
  method: z.string(),
  url: z.string(),
  headers: z.record(z.string(), z.string()),
  body: z.string().optional(),
})
export type HttpRequestRecord = z.infer<typeof HttpRequestRecord>

export const HttpExchange = z.object({
  request: HttpRequestRecord,
  response: z
    .object({
      status: z.number().int(),
      headers: z.record(z.string(), z.string()),
      body: z.string().optional(),
      /** The body was cut at the display limit. */
      bodyTruncated: z.boolean().optional(),
    })
    .optional(),
  /** Why no response came (refused, timed out, DNS, TLS), in words. */
  error: z.string().optional(),
  durationMs: z.number().nonnegative().optional(),
})
export type HttpExchange = z.infer<typeof HttpExchange>

export const Step = z.object({
  id: z.string(),
  kind: StepKind,
  title: z.string(),
  /** Key of the teaching text that says what this step does and why. */
  explain: z.string(),
  status: StepStatus,
  startedAt: z.string().optional(),
  durationMs: z.number().nonnegative().optional(),
  inputs: z.record(z.string(), z.unknown()),
  outputs: z.record(z.string(), z.unknown()),
  exchange: HttpExchange.optional(),
  diagnostics: z.array(Diagnostic),
})
export type Step = z.infer<typeof Step>

export const RunStatus = z.enum([
  'running',
  'paused',
  'waiting',
  'succeeded',
  'failed',
  'cancelled',
  /** The app stopped (closed, killed, crashed) while the run was going: found so on restart. */
  'interrupted',
])
export type RunStatus = z.infer<typeof RunStatus>

/** A run in one of these has ended and changes no more. */
export const isFinishedStatus = (status: RunStatus): boolean =>
  status === 'succeeded' ||
  status === 'failed' ||
  status === 'cancelled' ||
  status === 'interrupted'

export const RunToken = z.object({
  /** access_token, id_token, refresh_token. */
  name: z.string(),
  /** The redacted marker of the token's value (reveal it to inspect it). */
  value: z.string(),
})

export const Run = z.object({
  id: RunId,
  flow: z.string(),
  title: z.string(),
  mode: z.enum(['auto', 'step']),
  status: RunStatus,
  createdAt: z.string(),
  updatedAt: z.string(),
  steps: z.array(Step),
  tokens: z.array(RunToken),
  /** What ended the run, when it failed. */
  diagnostics: z.array(Diagnostic),
  /**
   * `live`: started by this session, its secrets revealable; `saved`: read back from history
   * after a restart, its secret values gone; `imported`: from a scenario file someone shared.
   */
  origin: z.enum(['live', 'saved', 'imported']),
  /** The saved profile the run was started from. */
  profile: z.string().optional(),
  /**
   * Counts the changes recorded so far, so a view told of the same run twice in one millisecond
   * (an event, then a call's late answer) keeps the newer. Absent in runs built by hand.
   */
  revision: z.number().int().nonnegative().optional(),
})
export type Run = z.infer<typeof Run>

export const RunSummary = Run.pick({
  id: true,
  flow: true,
  title: true,
  status: true,
  createdAt: true,
  updatedAt: true,
  origin: true,
  profile: true,
})
export type RunSummary = z.infer<typeof RunSummary>

/** Changes to the request a paused step is about to send: break a flow on purpose. */
export const StepEdits = z.object({
  /** Parameters to add or change (query for a URL, form fields for a body). */
  set: z.record(z.string().max(200), z.string().max(8000)).optional(),
  /** Parameters to remove. */
  remove: z.array(z.string().max(200)).max(50).optional(),
})
export type StepEdits = z.infer<typeof StepEdits>

/** What an input step asks a person for (an MFA code, a new password), field by field. */
export const InputField = z.object({
  name: z.string(),
  label: z.string(),
  /** Kept as a secret in the run (a password), not shown back. */
  secret: z.boolean(),
  hint: z.string().optional(),
  /**
   * A fixed set of answers (the first factors Cognito offers at SELECT_CHALLENGE): the UI shows
   * them as choices instead of a text box, the CLI lists them.
   */
  choices: z.array(z.string()).optional(),
})
export type InputField = z.infer<typeof InputField>

export const InputValues = z.record(z.string().max(100), z.string().max(4096))
export type InputValues = z.infer<typeof InputValues>

/** A secret inside run data: «secret:<id>:<label>». */
export const SECRET_MARKER = /«secret:([\w-]+):([^»]*)»/g

/** The id of the first secret marker in a value (a step output, a token), if it holds one. */
export const secretIdIn = (value: unknown): string | undefined =>
  typeof value === 'string' ? [...value.matchAll(SECRET_MARKER)][0]?.[1] : undefined
