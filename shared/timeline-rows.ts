// Every HTTP exchange of every run as one list, newest first, with the facts the timeline shows
// and filters by: when, which run, method, host and path, status class, step kind.
import { statusClassOf, type StatusClass } from './http-status-class'
import type { HttpExchange, Run, StepKind } from './run-model'

export type TimelineRow = {
  /** Unique across runs: `<runId>/<stepId>`. */
  key: string
  runId: string
  runTitle: string
  runOrigin: Run['origin']
  stepTitle: string
  stepKind: StepKind
  /** When the step that sent the request started (the run's start when it has no time). */
  at: string
  method: string
  /** host[:port], lower-case; empty when the URL has no authority. */
  host: string
  /** The path without query or fragment, secret markers left as they are. */
  path: string
  statusClass: StatusClass
  durationMs?: number
  exchange: HttpExchange
}

export type TimelineFilters = {
  runId?: string
  host?: string
  statusClass?: StatusClass
  stepKind?: StepKind
}

/** One row per step that sent a request, newest first; within a run, later steps first. */
export function buildTimelineRows(runs: readonly Run[]): TimelineRow[] {
  const rows = runs.flatMap((run) =>
    run.steps.flatMap((step, index) => {
      const exchange = step.exchange
      if (!exchange) return []
      const durationMs = exchange.durationMs ?? step.durationMs
      const row: TimelineRow = {
        key: `${run.id}/${step.id}`,
        runId: run.id,
        runTitle: run.title,
        runOrigin: run.origin,
        stepTitle: step.title,
        stepKind: step.kind,
        at: step.startedAt ?? run.createdAt,
        method: exchange.request.method.toUpperCase(),
        ...splitUrl(exchange.request.url),
        statusClass: statusClassOf(exchange),
        ...(durationMs === undefined ? {} : { durationMs }),
        exchange,
      }
      return [{ row, index }]
    }),
  )
  return rows
    .sort(
      (a, b) =>
        timeOf(b.row.at) - timeOf(a.row.at) ||
        (a.row.runId === b.row.runId ? b.index - a.index : a.row.runId.localeCompare(b.row.runId)),
    )
    .map(({ row }) => row)
}

/** The rows that pass every filter set; an unset filter lets everything through. */
export function filterTimelineRows(
  rows: readonly TimelineRow[],
  filters: TimelineFilters,
): TimelineRow[] {
  return rows.filter(
    (row) =>
      (filters.runId === undefined || row.runId === filters.runId) &&
      (filters.host === undefined || row.host === filters.host) &&
      (filters.statusClass === undefined || row.statusClass === filters.statusClass) &&
      (filters.stepKind === undefined || row.stepKind === filters.stepKind),
  )
}

export type TimelineChoices = {
  /** Runs that sent at least one request, newest first. */
  runs: { id: string; title: string; at: string }[]
  hosts: string[]
  stepKinds: StepKind[]
}

/** What the filters can offer, built from the rows themselves so no choice leads to nothing. */
export function timelineChoices(rows: readonly TimelineRow[]): TimelineChoices {
  const runs = new Map<string, { id: string; title: string; at: string }>()
  // Rows come newest first, so a run's first row is its latest request.
  for (const row of rows) {
    if (!runs.has(row.runId))
      runs.set(row.runId, { id: row.runId, title: row.runTitle, at: row.at })
  }
  return {
    runs: [...runs.values()],
    // No empty choice: a filter set to '' means every host.
    hosts: [...new Set(rows.map((row) => row.host))].filter((host) => host !== '').sort(),
    stepKinds: [...new Set(rows.map((row) => row.stepKind))].sort(),
  }
}

/** Read with a pattern, not `new URL`, so markers in the path are not percent-encoded. */
function splitUrl(url: string): { host: string; path: string } {
  const match = /^[a-z][\w+.-]*:\/\/([^/?#]*)([^?#]*)/i.exec(url)
  if (!match) return { host: '', path: url.split(/[?#]/)[0] ?? url }
  const authority = match[1] ?? ''
  return {
    host: authority.slice(authority.lastIndexOf('@') + 1).toLowerCase(),
    path: match[2] || '/',
  }
}

/** An unreadable time sorts last rather than breaking the order of the rest. */
function timeOf(iso: string): number {
  const time = Date.parse(iso)
  return Number.isNaN(time) ? -Infinity : time
}
