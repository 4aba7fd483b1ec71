// The kind of a step in words, for lists and filters.
import type { StepKind } from '../../shared/run-model'

export const STEP_KIND_LABEL: Record<StepKind, string> = {
  compute: 'Compute',
  http: 'HTTP',
  browser: 'Browser',
  callback: 'Callback',
  input: 'Input',
  check: 'Check',
}
