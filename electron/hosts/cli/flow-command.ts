// `afx flow <name>`: runs one OAuth flow straight through and prints its steps, or the whole run
// as JSON. Exit 0 when it succeeded, 1 when the provider refused or a check failed.
import type { StartRunInput } from '../../../shared/flow-input'
import type { Diagnostic, InputField, InputValues, Run, Step } from '../../../shared/run-model'
import { SECRET_MARKER } from '../../../shared/run-model'
import { formatDuration } from '../../core/loopback/callback-registry'
import type { CliContext } from './cli-context'
import { readFlowInput, type FlowOptions } from './flow-input-from-options'
import { terminalSafe } from './terminal-safe'
import { EXIT } from './usage-error'

export type FlowCommandOptions = Omit<FlowOptions, 'profile'> & {
  /** --profile NAME: a saved profile supplies what the options leave out. */
  profileName: string | undefined
  json: boolean
  /** Print tokens in clear (they are redacted otherwise). */
  reveal: boolean
}

export async function flowCommand(options: FlowCommandOptions, ctx: CliContext): Promise<number> {
  const profile = options.profileName
    ? ctx.core.workspace.getProfile(options.profileName)
    : undefined
  return runAndPrint(await readFlowInput({ ...options, profile }, ctx.readStdin), options, ctx)
}

/**
 * Runs a flow to its end at the terminal: says where to act in a browser, asks for what a step
 * needs from a person (an MFA code), then prints the run. Exit 0 when it succeeded.
 */
export async function runAndPrint(
  input: StartRunInput,
  options: { json: boolean; reveal: boolean },
  ctx: CliContext,
): Promise<number> {
  const { runs, events } = ctx.core
  let announced = false
  let toldWait = false
  const asked = new Set<string>()
  const { run, done } = runs.start(input)
  const unsubscribe = events.subscribe((event, payload) => {
    const updated = payload as Run
    if (event !== 'run.updated' || updated.id !== run.id) return
    const question = updated.steps.at(-1)
    if (updated.status === 'waiting' && question?.kind === 'input' && !asked.has(question.id)) {
      asked.add(question.id)
      void answer(question, run.id, ctx)
    }
    // Whoever has to act in a browser is told where, on stderr, as soon as it is known.
    const step = updated.steps.find((s) => s.kind === 'browser' && s.status === 'done')
    if (step && !announced) {
      announced = true
      const line = announcement(input, step, (id) => runs.revealSecret(run.id, id))
      if (line !== undefined) ctx.stderr(terminalSafe(line))
    }
    // Then how long the run waits for the browser to come back: with no terminal to interrupt
    // it, a script learns that the wait ends, and how to change it.
    const waiting = updated.steps.some((s) => s.kind === 'callback' && s.status === 'waiting')
    if (waiting && !toldWait && 'callbackTimeoutMs' in input) {
      toldWait = true
      const wait = formatDuration(input.callbackTimeoutMs)
      ctx.stderr(`Waiting up to ${wait} for the browser to come back (${TIMEOUT} to change it).`)
    }
  })
  const finished = await done.finally(unsubscribe)
  const shown = options.reveal
    ? revealAll(finished, (id) => runs.revealSecret(run.id, id))
    : finished
  ctx.stdout(terminalSafe(options.json ? JSON.stringify(shown, null, 2) : formatRun(shown)))
  const timedOut = callbackTimeoutOf(input, finished)
  if (timedOut) {
    // The engine says what did not arrive; how to wait longer is this command's own option.
    ctx.stderr(terminalSafe(`afx: ${timedOut.message} To wait longer, run again with ${TIMEOUT}.`))
  }
  return finished.status === 'succeeded' ? EXIT.ok : EXIT.bad
}

const TIMEOUT = '--timeout SECONDS'

/**
 * What to tell the person at the terminal once the browser step is done, if anything. The URL is
 * given whole: it is theirs to open (a logout URL carries the ID token as id_token_hint).
 */
function announcement(
  input: StartRunInput,
  step: Step,
  reveal: (id: string) => string,
): string | undefined {
  const { url, user_code: userCode, verification_uri: page } = step.outputs
  if (input.flow === 'device') return `On any device, open ${page} and enter the code ${userCode}`
  if (!('browser' in input) || input.browser !== 'none' || typeof url !== 'string') return undefined
  const action = input.flow === 'logout' ? 'sign out' : 'sign in'
  return `Open this URL to ${action}: ${revealText(url, reveal)}`
}

/** The diagnostic of a browser flow that failed because the browser never came back in time. */
function callbackTimeoutOf(input: StartRunInput, run: Run): Diagnostic | undefined {
  if (!('callbackTimeoutMs' in input) || run.status !== 'failed') return undefined
  return [...run.steps.flatMap((step) => step.diagnostics), ...run.diagnostics].find(
    (diagnostic) => diagnostic.code === 'LOOPBACK_TIMEOUT',
  )
}

function formatRun(run: Run): string {
  const lines = [`${run.title}: ${run.status}`]
  for (const step of run.steps) lines.push(...formatStep(step))
  // What ended the run, unless a step already said it (a refusal after its request finished).
  const said = new Set(run.steps.flatMap((step) => step.diagnostics.map((d) => d.code)))
  for (const diagnostic of run.diagnostics.filter((d) => !said.has(d.code))) {
    lines.push(...formatDiagnostic(diagnostic, '  '))
  }
  for (const token of run.tokens) lines.push(`  ${token.name}: ${token.value}`)
  return lines.join('\n')
}

function formatStep(step: Step): string[] {
  const mark = { done: '✓', failed: '✗', cancelled: '–' }[step.status as string] ?? '…'
  const time = step.durationMs === undefined ? '' : `  ${Math.round(step.durationMs)} ms`
  const status = step.exchange?.response ? `  HTTP ${step.exchange.response.status}` : ''
  const lines = [`${mark} ${step.title}${status}${time}`]
  // An http step shows its exchange in --json; the other steps' outputs are what they found.
  if (step.kind !== 'http') {
    for (const [name, value] of Object.entries(step.outputs)) {
      lines.push(`    ${name}: ${typeof value === 'string' ? value : JSON.stringify(value)}`)
    }
  }
  for (const diagnostic of step.diagnostics) lines.push(...formatDiagnostic(diagnostic, '    '))
  return lines
}

function formatDiagnostic(diagnostic: Diagnostic, indent: string): string[] {
  const lines = [`${indent}${diagnostic.code}: ${diagnostic.message}`]
  if (diagnostic.hint) lines.push(`${indent}${diagnostic.hint}`)
  return lines
}

/** Replaces every secret marker with its value, for a user who asked with --reveal. */
function revealAll(run: Run, reveal: (id: string) => string): Run {
  return JSON.parse(
    revealText(JSON.stringify(run), (id) => JSON.stringify(reveal(id)).slice(1, -1)),
  )
}

const revealText = (text: string, reveal: (id: string) => string) =>
  text.replace(SECRET_MARKER, (_marker, id: string) => reveal(id))

/** Asks each field of an input step at the terminal; no answer (stdin closed) cancels the run. */
async function answer(step: Step, runId: string, ctx: CliContext): Promise<void> {
  const values: InputValues = {}
  try {
    for (const field of (step.inputs.fields ?? []) as InputField[]) {
      values[field.name] = (await ctx.ask(terminalSafe(`${field.label}: `))).trim()
    }
    ctx.core.runs.provideInput(runId, values)
  } catch {
    await ctx.core.runs.cancel(runId)
  }
}
