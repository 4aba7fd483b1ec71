import { describe, expect, it } from 'vitest'
import { alignRunSteps } from '../../../shared/align-run-steps'
import { exchange, step } from './run-fixtures'

const discovery = (status: number) =>
  step('d', { title: 'Read discovery', exchange: exchange('GET', 'https://a/', { status }) })
const token = (status?: number) =>
  step('t', {
    title: 'Exchange the code',
    exchange: exchange('POST', 'https://a/token', status ? { status } : undefined),
  })
const check = (codes: string[]) =>
  step('c', {
    kind: 'check',
    title: 'Check the ID token',
    diagnostics: codes.map((code) => ({ code, severity: 'error', message: code })),
  })

const titles = (rows: ReturnType<typeof alignRunSteps>) =>
  rows.map((row) => [row.first?.title ?? null, row.second?.title ?? null])

describe('alignRunSteps', () => {
  it('pairs the same steps of two runs and finds nothing different when they went alike', () => {
    const rows = alignRunSteps([discovery(200), token(200)], [discovery(200), token(200)])

    expect(titles(rows)).toEqual([
      ['Read discovery', 'Read discovery'],
      ['Exchange the code', 'Exchange the code'],
    ])
    expect(rows.every((row) => row.differences.length === 0)).toBe(true)
  })

  it('flags a different HTTP status, a missing response and different diagnostics', () => {
    const rows = alignRunSteps(
      [discovery(200), token(200), check([])],
      [discovery(500), token(), check(['ID_TOKEN_EXPIRED'])],
    )

    expect(rows.map((row) => row.differences)).toEqual([
      ['httpStatus'],
      ['httpStatus'],
      ['diagnostics'],
    ])
    expect(rows[1]?.second?.httpStatus).toBe('no response')
  })

  it('keeps the steps in step with each other when one run has an extra step', () => {
    const mfa = step('m', { kind: 'input', title: 'Ask for the MFA code' })
    const rows = alignRunSteps([discovery(200), token(200)], [discovery(200), mfa, token(200)])

    expect(titles(rows)).toEqual([
      ['Read discovery', 'Read discovery'],
      [null, 'Ask for the MFA code'],
      ['Exchange the code', 'Exchange the code'],
    ])
    expect(rows[1]?.second?.kind).toBe('input')
    expect(rows[2]?.differences).toEqual([])
  })

  it('pairs steps of different titles by position, and marks the title and status as different', () => {
    const rows = alignRunSteps(
      [discovery(200), step('x', { title: 'Send the request', status: 'done' })],
      [discovery(200), step('y', { title: 'Send the edited request', status: 'failed' })],
    )

    expect(titles(rows)[1]).toEqual(['Send the request', 'Send the edited request'])
    expect(rows[1]?.differences).toEqual(['title', 'status'])
  })

  it('lists the steps of a run that stopped early as in the other run only', () => {
    const rows = alignRunSteps([discovery(200)], [discovery(200), token(200), check([])])

    expect(titles(rows)).toEqual([
      ['Read discovery', 'Read discovery'],
      [null, 'Exchange the code'],
      [null, 'Check the ID token'],
    ])
  })

  it('treats the same diagnostics found in another order as the same', () => {
    const [row] = alignRunSteps([check(['A', 'B'])], [check(['B', 'A'])])

    expect(row?.differences).toEqual([])
  })
})
