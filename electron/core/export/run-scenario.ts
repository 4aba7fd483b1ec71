// A scenario: a run a trainer exports for a room to open, and that file read back as an imported
// run. Markers stay as they are (a marker names a secret, it holds none); a file read back is
// checked field by field, and refused with words saying where and what, before any of it is used.
import { z } from 'zod'
import { Run } from '../../../shared/run-model'
import { AfxError } from '../errors'
import { findJsonSyntaxError } from './json-syntax-error'

const FORMAT = 'afx-scenario'
const VERSION = 1

const Scenario = z.object({
  format: z.literal(FORMAT),
  version: z.literal(VERSION),
  exportedAt: z.string(),
  run: Run,
  input: z.record(z.string(), z.unknown()).optional(),
})

export type ScenarioRecord = { run: Run; input?: Record<string, unknown> }

/** Issues listed in a refusal; the rest are counted. */
const MAX_ISSUES_SHOWN = 3

const HINT = 'Export the run again from Auth Flow Explorer, or correct the file where it says.'

/**
 * The run and the input it started from, as a scenario file (JSON). `input` is already
 * redacted: its secrets are markers, like the run's.
 */
export function runToScenario(
  run: Run,
  input: Record<string, unknown> | undefined,
  now: () => number = Date.now,
): string {
  const scenario: z.input<typeof Scenario> = {
    format: FORMAT,
    version: VERSION,
    exportedAt: new Date(now()).toISOString(),
    run,
    ...(input === undefined ? {} : { input }),
  }
  return `${JSON.stringify(scenario, null, 2)}\n`
}

/**
 * Reads a scenario file back: the run gets a fresh id from `newId` and `origin: 'imported'`.
 * Throws IMPORT_INVALID saying where the file is wrong.
 */
export function readScenario(content: string, newId: () => string): ScenarioRecord {
  const data = parseJson(content.replace(/^\uFEFF/, ''))
  if (data === null || typeof data !== 'object' || Array.isArray(data) || !('format' in data)) {
    throw invalid('This is not an Auth Flow Explorer scenario (format is missing).')
  }
  if (data.format !== FORMAT) {
    throw invalid(`This is not an Auth Flow Explorer scenario (format is not "${FORMAT}").`)
  }
  if ('version' in data && typeof data.version === 'number' && data.version > VERSION) {
    throw invalid(
      `This scenario is version ${data.version}; this Auth Flow Explorer reads version ${VERSION}.`,
      'Open it with a newer Auth Flow Explorer.',
    )
  }
  const parsed = Scenario.safeParse(data)
  if (!parsed.success) {
    const issues = parsed.error.issues
    const shown = issues.slice(0, MAX_ISSUES_SHOWN).map((issue) => {
      return `${pathText(issue.path)}: ${issue.message}`
    })
    const more = issues.length - shown.length
    throw invalid(
      `This scenario cannot be read: ${shown.join('; ')}${more > 0 ? ` (and ${more} more)` : ''}.`,
    )
  }
  const { run, input } = parsed.data
  return {
    run: { ...run, id: newId(), origin: 'imported' },
    ...(input === undefined ? {} : { input }),
  }
}

function parseJson(content: string): unknown {
  try {
    return JSON.parse(content)
  } catch {
    // Our own words and position: the engine's message quotes the file's text, which may be
    // anything someone pasted.
    const found = findJsonSyntaxError(content)
    throw invalid(
      found === undefined
        ? 'This scenario is not valid JSON.'
        : `This scenario is not valid JSON: line ${found.line}, column ${found.column}: ${found.problem}.`,
    )
  }
}

/** ["run", "steps", 3, "status"] → run.steps[3].status; a name from the file is quoted and cut. */
function pathText(path: PropertyKey[]): string {
  return (
    path
      .map((key, index) => {
        if (typeof key === 'number') return `[${key}]`
        const name = String(key)
        if (/^[A-Za-z_$][\w$]*$/.test(name)) return index === 0 ? name : `.${name}`
        return `[${JSON.stringify(name.length > 40 ? `${name.slice(0, 40)}…` : name)}]`
      })
      .join('') || 'the file'
  )
}

function invalid(message: string, hint = HINT): AfxError {
  return new AfxError('IMPORT_INVALID', message, { hint })
}
