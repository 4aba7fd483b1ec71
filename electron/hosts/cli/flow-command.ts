// `afx flow <name>`: runs one OAuth flow straight through and prints its steps, or the whole run
// as JSON. Exit 0 when it succeeded, 1 when the provider refused or a check failed.
import { StartRunInput } from '../../../shared/flow-input'
import type { Run, Step } from '../../../shared/run-model'
import { SECRET_MARKER } from '../../../shared/run-model'
import type { CliContext } from './cli-context'
import { terminalSafe } from './terminal-safe'
import { EXIT, UsageError } from './usage-error'

export type FlowCommandOptions = {
  flow: string | undefined
  issuer: string | undefined
  clientId: string | undefined
  clientSecret: string | undefined
  authMethod: string | undefined
  scope: string | undefined
  pkce: string | undefined
  responseMode: string | undefined
  redirectHost: string | undefined
  port: number | undefined
  params: string[]
  browser: string | undefined
  json: boolean
  /** Print tokens in clear (they are redacted otherwise). */
  reveal: boolean
}

const FLOW_NAMES: Record<string, string> = {
  code: 'code',
  'client-credentials': 'client_credentials',
}

export async function flowCommand(options: FlowCommandOptions, ctx: CliContext): Promise<number> {
  const input = parseFlowInput(options)
  const { runs, events } = ctx.core
  let announced = false
  const { run, done } = runs.start(input)
  // With --browser none, someone else signs in: say where, on stderr, as soon as it is known.
  const unsubscribe = events.subscribe((event, payload) => {
    const updated = payload as Run
    if (event !== 'run.updated' || updated.id !== run.id || announced) return
    const url = updated.steps.find((step) => step.kind === 'browser' && step.status === 'done')
      ?.outputs.url
    if (typeof url === 'string' && input.flow === 'code' && input.browser === 'none') {
      announced = true
      ctx.stderr(terminalSafe(`Open this URL to sign in: ${url}`))
    }
  })
  const finished = await done.finally(unsubscribe)
  const shown = options.reveal
    ? revealAll(finished, (id) => runs.revealSecret(run.id, id))
    : finished
  ctx.stdout(terminalSafe(options.json ? JSON.stringify(shown, null, 2) : formatRun(shown)))
  return finished.status === 'succeeded' ? EXIT.ok : EXIT.bad
}

function parseFlowInput(options: FlowCommandOptions): StartRunInput {
  const flow = FLOW_NAMES[options.flow ?? '']
  if (!flow) {
    throw new UsageError(`flow takes one of ${Object.keys(FLOW_NAMES).join(', ')}.`)
  }
  if (!options.issuer) throw new UsageError('flow needs --issuer URL.')
  if (!options.clientId) throw new UsageError('flow needs --client-id ID.')
  const extraParams = Object.fromEntries(
    options.params.map((param) => {
      const at = param.indexOf('=')
      if (at < 1) throw new UsageError(`--param takes name=value, not "${param}".`)
      return [param.slice(0, at), param.slice(at + 1)]
    }),
  )
  const parsed = StartRunInput.safeParse({
    flow,
    provider: { issuer: options.issuer },
    client: {
      clientId: options.clientId,
      clientSecret: options.clientSecret,
      authMethod: options.authMethod,
      scope: options.scope,
      extraParams,
    },
    mode: 'auto',
    ...(flow === 'code'
      ? {
          pkce: options.pkce,
          responseMode: options.responseMode,
          redirect: { host: options.redirectHost, port: options.port, path: undefined },
          browser: options.browser,
        }
      : {}),
  })
  if (!parsed.success) {
    const issue = parsed.error.issues[0]
    throw new UsageError(`${issue?.path.join('.') || 'input'}: ${issue?.message}`)
  }
  return parsed.data
}

function formatRun(run: Run): string {
  const lines = [`${run.title}: ${run.status}`]
  for (const step of run.steps) lines.push(...formatStep(step))
  for (const token of run.tokens) lines.push(`  ${token.name}: ${token.value}`)
  return lines.join('\n')
}

function formatStep(step: Step): string[] {
  const mark = { done: '✓', failed: '✗', cancelled: '–' }[step.status as string] ?? '…'
  const time = step.durationMs === undefined ? '' : `  ${Math.round(step.durationMs)} ms`
  const status = step.exchange?.response ? `  HTTP ${step.exchange.response.status}` : ''
  const lines = [`${mark} ${step.title}${status}${time}`]
  for (const diagnostic of step.diagnostics) {
    lines.push(`    ${diagnostic.code}: ${diagnostic.message}`)
    if (diagnostic.hint) lines.push(`    ${diagnostic.hint}`)
  }
  return lines
}

/** Replaces every secret marker with its value, for a user who asked with --reveal. */
function revealAll(run: Run, reveal: (id: string) => string): Run {
  return JSON.parse(
    JSON.stringify(run).replace(SECRET_MARKER, (_marker, id: string) =>
      JSON.stringify(reveal(id)).slice(1, -1),
    ),
  ) as Run
}
