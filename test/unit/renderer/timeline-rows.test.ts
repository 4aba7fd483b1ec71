import { describe, expect, it } from 'vitest'
import { statusClassOf } from '../../../shared/http-status-class'
import {
  buildTimelineRows,
  filterTimelineRows,
  timelineChoices,
} from '../../../shared/timeline-rows'
import { exchange, run, step } from './run-fixtures'

const login = run(
  'run-login',
  [
    step('step-1', { kind: 'compute', title: 'Make PKCE verifier' }),
    step('step-2', {
      title: 'Read discovery',
      startedAt: '2026-01-01T10:00:01.000Z',
      exchange: exchange('get', 'https://Idp.example:8443/.well-known/openid-configuration', {
        status: 200,
      }),
    }),
    step('step-3', {
      title: 'Exchange the code',
      startedAt: '2026-01-01T10:00:03.000Z',
      durationMs: 40,
      exchange: exchange(
        'POST',
        'https://idp.example:8443/token?x=«secret:s1:code»',
        { status: 400 },
        { durationMs: 35 },
      ),
    }),
  ],
  { title: 'Login at idp' },
)
const userinfo = run(
  'run-userinfo',
  [
    step('step-1', {
      title: 'Ask userinfo',
      startedAt: '2026-01-01T10:00:02.000Z',
      exchange: exchange('GET', 'http://127.0.0.1:9/userinfo', undefined, {
        error: 'Connection refused',
      }),
    }),
  ],
  { title: 'Userinfo', origin: 'saved' },
)

describe('buildTimelineRows', () => {
  it('lists every request of every run, newest first, and skips steps that sent none', () => {
    const rows = buildTimelineRows([login, userinfo])

    expect(rows.map((row) => row.stepTitle)).toEqual([
      'Exchange the code',
      'Ask userinfo',
      'Read discovery',
    ])
  })

  it('shows host and path without the query, keeping markers out of the row', () => {
    const [token, refused, discovery] = buildTimelineRows([login, userinfo])

    expect(token).toMatchObject({
      runTitle: 'Login at idp',
      method: 'POST',
      host: 'idp.example:8443',
      path: '/token',
      statusClass: '4xx',
      durationMs: 35,
    })
    expect(discovery).toMatchObject({ method: 'GET', path: '/.well-known/openid-configuration' })
    expect(refused).toMatchObject({ statusClass: 'none', runOrigin: 'saved' })
    expect(refused?.exchange.error).toBe('Connection refused')
  })

  it('orders the steps of one run that share a time by their place in the run, last first', () => {
    const sameTime = run('run-same', [
      step('step-1', { title: 'first', exchange: exchange('GET', 'https://a.example/1') }),
      step('step-2', { title: 'second', exchange: exchange('GET', 'https://a.example/2') }),
    ])

    expect(buildTimelineRows([sameTime]).map((row) => row.stepTitle)).toEqual(['second', 'first'])
  })

  it('falls back to the step duration when the exchange has none', () => {
    const timed = run('run-timed', [
      step('step-1', { durationMs: 12, exchange: exchange('GET', 'https://a.example/') }),
    ])

    expect(buildTimelineRows([timed])[0]?.durationMs).toBe(12)
  })
})

describe('filterTimelineRows', () => {
  const rows = buildTimelineRows([login, userinfo])

  it('keeps only the rows that match every filter set', () => {
    expect(filterTimelineRows(rows, { host: 'idp.example:8443' }).map((r) => r.path)).toEqual([
      '/token',
      '/.well-known/openid-configuration',
    ])
    expect(filterTimelineRows(rows, { host: 'idp.example:8443', statusClass: '2xx' })).toHaveLength(
      1,
    )
    expect(filterTimelineRows(rows, { statusClass: 'none' })[0]?.runId).toBe('run-userinfo')
    expect(filterTimelineRows(rows, { runId: 'run-login', stepKind: 'compute' })).toEqual([])
  })

  it('lets everything through when no filter is set', () => {
    expect(filterTimelineRows(rows, {})).toHaveLength(3)
  })
})

describe('timelineChoices', () => {
  it('offers only the runs, hosts and kinds present in the rows', () => {
    const choices = timelineChoices(buildTimelineRows([login, userinfo]))

    expect(choices.runs.map((choice) => choice.title)).toEqual(['Login at idp', 'Userinfo'])
    expect(choices.hosts).toEqual(['127.0.0.1:9', 'idp.example:8443'])
    expect(choices.stepKinds).toEqual(['http'])
  })
})

describe('statusClassOf', () => {
  it.each([
    [200, '2xx'],
    [302, '3xx'],
    [401, '4xx'],
    [503, '5xx'],
  ] as const)('puts %i in %s', (status, statusClass) => {
    expect(statusClassOf({ response: { status, headers: {} } })).toBe(statusClass)
  })

  it('says "none" when no answer came', () => {
    expect(statusClassOf({})).toBe('none')
  })
})
