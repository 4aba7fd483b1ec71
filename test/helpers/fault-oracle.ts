// What every fault case asserts about what a person is shown (reference/security.md §7.0, O1 and
// O3): words, not a stack trace or an object dump, and no planted secret in any form.
import { randomUUID } from 'node:crypto'
import { expect } from 'vitest'
import type { Diagnostic, Run } from '../../shared/run-model'

/** Unique secrets planted in each fault run; none may come back out. */
export const CANARY = {
  clientId: 'afx-fault-client',
  clientSecret: `CANARY-CS-${randomUUID()}`,
  refreshToken: `CANARY-RT-${randomUUID()}`,
  accessToken: `CANARY-AT-${randomUUID()}`,
}

/** Each canary as it could leak: raw, URL-encoded, base64, base64url, and inside Basic auth. */
const leakForms = (): string[] => {
  const values = [CANARY.clientSecret, CANARY.refreshToken, CANARY.accessToken]
  const basic = Buffer.from(`${CANARY.clientId}:${CANARY.clientSecret}`).toString('base64')
  return [
    ...values.flatMap((value) => [
      value,
      encodeURIComponent(value),
      Buffer.from(value).toString('base64'),
      Buffer.from(value).toString('base64url'),
    ]),
    basic,
  ]
}

/** Text shown to a person: no stack frame, no object dump, no canary. */
export function expectPlainWords(text: string): void {
  expect(text).not.toMatch(/\n\s+at /)
  expect(text).not.toMatch(/\.(ts|js|mjs):\d+/)
  expect(text).not.toMatch(/node:internal|\[object \w+\]/)
  for (const form of leakForms()) expect(text).not.toContain(form)
}

/** Every diagnostic of a run: the run's own and each step's. */
export const diagnosticsOf = (run: Run): Diagnostic[] => [
  ...run.diagnostics,
  ...run.steps.flatMap((step) => step.diagnostics),
]

/**
 * What the person is told ended the run: the failing step's first diagnostic (the specific one,
 * such as HTTP_TIMEOUT), else the run's.
 */
export const failureOf = (run: Run): Diagnostic | undefined =>
  run.steps.find((step) => step.status === 'failed' && step.diagnostics.length > 0)
    ?.diagnostics[0] ?? run.diagnostics[0]

/** O1 + O3 + O6: failed, in time, in plain words, with no secret anywhere in the run record. */
export function expectCleanFailure(run: Run, elapsedMs: number, deadlineMs: number): void {
  expect(run.status).toBe('failed')
  expect(elapsedMs).toBeLessThan(deadlineMs)
  const diagnostics = diagnosticsOf(run)
  expect(diagnostics.length).toBeGreaterThan(0)
  for (const diagnostic of diagnostics) {
    expect(diagnostic.code).not.toBe('INTERNAL_ERROR')
    expectPlainWords(`${diagnostic.message}\n${diagnostic.hint ?? ''}`)
  }
  for (const step of run.steps) expectPlainWords(step.exchange?.error ?? '')
  expectPlainWords(JSON.stringify(run))
}
