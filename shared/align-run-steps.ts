// Lines up the steps of two runs so they can be read side by side: steps with the same title are
// paired in order (the longest common run of titles), and the steps between two such pairs are
// paired by position; what is left over is in one run only. Then says which facts differ.
import type { Step } from './run-model'

/** What the comparison shows of one step. */
export type StepFacts = {
  title: string
  kind: Step['kind']
  status: Step['status']
  /** The HTTP status of its answer; `no response` when the request got none; absent: no request. */
  httpStatus?: number | 'no response'
  durationMs?: number
  /** The codes of its diagnostics, in the order they were found. */
  diagnosticCodes: string[]
}

/** Duration is left out on purpose: it differs on every run and would flag every step. */
export type StepField = 'title' | 'kind' | 'status' | 'httpStatus' | 'diagnostics'

export type AlignedStep = {
  first?: StepFacts
  second?: StepFacts
  /** The facts that differ; empty when the step went the same way in both runs. */
  differences: StepField[]
}

/** Pairs the steps of two runs, in order, and lists what differs between each pair. */
export function alignRunSteps(first: readonly Step[], second: readonly Step[]): AlignedStep[] {
  const left = first.map(factsOf)
  const right = second.map(factsOf)
  const aligned: AlignedStep[] = []
  let i = 0
  let j = 0
  // Each anchor closes a gap; the sentinel at the end closes the last one.
  const anchors: [number, number][] = [...commonTitles(left, right), [left.length, right.length]]
  for (const [anchorI, anchorJ] of anchors) {
    const gapLeft = left.slice(i, anchorI)
    const gapRight = right.slice(j, anchorJ)
    for (let k = 0; k < Math.max(gapLeft.length, gapRight.length); k++) {
      aligned.push(pair(gapLeft[k], gapRight[k]))
    }
    if (anchorI < left.length) aligned.push(pair(left[anchorI], right[anchorJ]))
    i = anchorI + 1
    j = anchorJ + 1
  }
  return aligned
}

function factsOf(step: Step): StepFacts {
  const exchange = step.exchange
  const httpStatus = exchange ? (exchange.response?.status ?? 'no response') : undefined
  return {
    title: step.title,
    kind: step.kind,
    status: step.status,
    ...(httpStatus === undefined ? {} : { httpStatus }),
    ...(step.durationMs === undefined ? {} : { durationMs: step.durationMs }),
    diagnosticCodes: step.diagnostics.map((diagnostic) => diagnostic.code),
  }
}

function pair(first: StepFacts | undefined, second: StepFacts | undefined): AlignedStep {
  if (!first || !second) return { ...(first ? { first } : { second }), differences: [] }
  const differences: StepField[] = []
  if (first.title !== second.title) differences.push('title')
  if (first.kind !== second.kind) differences.push('kind')
  if (first.status !== second.status) differences.push('status')
  if (first.httpStatus !== second.httpStatus) differences.push('httpStatus')
  if (sortedCodes(first) !== sortedCodes(second)) differences.push('diagnostics')
  return { first, second, differences }
}

/** The same codes found in another order are the same findings. */
const sortedCodes = (facts: StepFacts) => [...facts.diagnosticCodes].sort().join('\n')

/** Index pairs of the longest common subsequence of step titles (runs are tens of steps long). */
function commonTitles(left: StepFacts[], right: StepFacts[]): [number, number][] {
  // lengths[a][b]: the longest common subsequence of left[a..] and right[b..].
  const lengths = Array.from({ length: left.length + 1 }, () =>
    new Array<number>(right.length + 1).fill(0),
  )
  for (let a = left.length - 1; a >= 0; a--) {
    for (let b = right.length - 1; b >= 0; b--) {
      const row = lengths[a] as number[]
      row[b] =
        left[a]?.title === right[b]?.title
          ? (lengths[a + 1]?.[b + 1] ?? 0) + 1
          : Math.max(lengths[a + 1]?.[b] ?? 0, row[b + 1] ?? 0)
    }
  }
  const anchors: [number, number][] = []
  let a = 0
  let b = 0
  while (a < left.length && b < right.length) {
    if (left[a]?.title === right[b]?.title) {
      anchors.push([a++, b++])
    } else if ((lengths[a + 1]?.[b] ?? 0) >= (lengths[a]?.[b + 1] ?? 0)) {
      a++
    } else {
      b++
    }
  }
  return anchors
}
