// Small runs and steps for the renderer's pure logic: only the fields each test cares about set.
import type { HttpExchange, Run, Step } from '../../../shared/run-model'

export function step(id: string, change: Partial<Step> = {}): Step {
  return {
    id,
    kind: 'http',
    title: id,
    explain: 'test',
    status: 'done',
    inputs: {},
    outputs: {},
    diagnostics: [],
    ...change,
  }
}

export function exchange(
  method: string,
  url: string,
  response?: { status: number; body?: string },
  extra: Partial<HttpExchange> = {},
): HttpExchange {
  return {
    request: { method, url, headers: {} },
    ...(response ? { response: { headers: {}, ...response } } : {}),
    ...extra,
  }
}

export function run(id: string, steps: Step[], change: Partial<Run> = {}): Run {
  return {
    id,
    flow: 'authorization-code',
    title: id,
    mode: 'auto',
    status: 'succeeded',
    createdAt: '2026-01-01T10:00:00.000Z',
    updatedAt: '2026-01-01T10:00:05.000Z',
    steps,
    tokens: [],
    diagnostics: [],
    origin: 'live',
    ...change,
  }
}
