// History on disk: a finished run comes back after a restart as it was (redacted), retention drops
// what the settings say, and a file someone broke is set aside and reported, not lost.
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { RunHistory } from '../../../electron/core/runs/run-history'
import { runMatches } from '../../../electron/core/runs/run-search'
import type { Run } from '../../../shared/run-model'

const DAY = 86_400_000
const NOW = Date.parse('2026-11-23T10:00:00Z')

function runAt(
  id: string,
  createdAt: string,
  title = 'Authorization code + PKCE (afx-native)',
): Run {
  return {
    id,
    flow: 'code',
    title,
    mode: 'auto',
    status: 'succeeded',
    createdAt,
    updatedAt: createdAt,
    steps: [
      {
        id: 'step-1',
        kind: 'http',
        title: 'Exchange the code for tokens',
        explain: 'oauth.token-code',
        status: 'done',
        inputs: {},
        outputs: {},
        exchange: {
          request: {
            method: 'POST',
            url: 'http://127.0.0.1:9400/token',
            headers: { authorization: '«secret:s1:Authorization»' },
            body: 'grant_type=authorization_code&code=«secret:s2:code»',
          },
          response: { status: 400, headers: {}, body: '{"error":"invalid_grant"}' },
        },
        diagnostics: [
          { code: 'OAUTH_INVALID_GRANT', severity: 'error', message: 'The code was used before.' },
        ],
      },
    ],
    tokens: [],
    diagnostics: [],
    origin: 'live',
  }
}

const retention =
  (historyMaxRuns = 200, historyMaxAgeDays = 30) =>
  () => ({
    historyMaxRuns,
    historyMaxAgeDays,
  })

const freshDir = () => join(mkdtempSync(join(tmpdir(), 'afx-history-')), 'history')

describe('RunHistory', () => {
  it('gives a run back after a restart, marked as saved, with its redacted input', async () => {
    const dir = freshDir()
    const first = RunHistory.open({ dir, retention: retention(), now: () => NOW })
    const input = {
      flow: 'code',
      client: { clientId: 'afx-native', clientSecret: '«secret:s3:clientSecret»' },
    }
    first.save({ run: runAt('run-a', '2026-11-23T09:00:00.000Z'), input })
    await first.flush()

    const second = RunHistory.open({ dir, retention: retention(), now: () => NOW })
    const kept = second.get('run-a')
    expect(kept?.run.origin).toBe('saved')
    expect(kept?.run.steps[0]?.exchange?.request.body).toContain('«secret:s2:code»')
    expect(kept?.input).toEqual(input)
    expect(second.problems).toEqual([])
  })

  it('keeps at most historyMaxRuns, the newest, and nothing older than historyMaxAgeDays', async () => {
    const dir = freshDir()
    const history = RunHistory.open({ dir, retention: retention(2, 7), now: () => NOW })
    history.save({ run: runAt('run-old', new Date(NOW - 8 * DAY).toISOString()) })
    history.save({ run: runAt('run-1', new Date(NOW - 3 * DAY).toISOString()) })
    history.save({ run: runAt('run-2', new Date(NOW - 2 * DAY).toISOString()) })
    history.save({ run: runAt('run-3', new Date(NOW - 1 * DAY).toISOString()) })
    await history.flush()
    expect(history.list().map((run) => run.id)).toEqual(['run-3', 'run-2'])
    expect(readdirSync(dir).sort()).toEqual(['run-2.json', 'run-3.json'])
  })

  it('sets an unreadable file aside, reports it, and still reads the others', async () => {
    const dir = freshDir()
    const history = RunHistory.open({ dir, retention: retention(), now: () => NOW })
    history.save({ run: runAt('run-good', '2026-11-23T09:00:00.000Z') })
    await history.flush()
    const broken = join(dir, 'run-broken.json')
    writeFileSync(broken, '{"schemaVersion":1,"run":{"id":"run-broken"')

    const reopened = RunHistory.open({ dir, retention: retention(), now: () => NOW })
    expect(reopened.list().map((run) => run.id)).toEqual(['run-good'])
    expect(reopened.problems).toEqual([
      expect.objectContaining({ file: broken, keptAs: `${broken}.unreadable` }),
    ])
    expect(readFileSync(`${broken}.unreadable`, 'utf8')).toBe(
      '{"schemaVersion":1,"run":{"id":"run-broken"',
    )
  })

  it('reports a run it could not write, in words, instead of failing the run', async () => {
    const dir = freshDir()
    // A file where the history folder should be: every write fails, as on a broken disk.
    writeFileSync(dir, 'not a folder')
    const history = RunHistory.open({
      dir: join(dir, 'inner'),
      retention: retention(),
      now: () => NOW,
    })
    history.save({ run: runAt('run-x', '2026-11-23T09:00:00.000Z') })
    await history.flush()
    expect(history.problems.map((problem) => problem.message)).toContainEqual(
      expect.stringMatching(/could not be saved to history \(ENOTDIR\)\. Free some disk space/),
    )
    // Still there for this session.
    expect(history.get('run-x')?.run.id).toBe('run-x')
  })
})

describe('runMatches', () => {
  const run = runAt('run-s', '2026-11-23T09:00:00.000Z')
  it.each([
    ['afx-native', true],
    ['PKCE 127.0.0.1:9400', true],
    ['grant_type', false], // bodies are not searched; the diagnostics that explain them are
    ['used before', true],
    ['oauth_invalid_grant', true],
    ['succeeded code', true],
    ['device', false],
    ['', true],
  ])('%j → %s', (query, expected) => {
    expect(runMatches(run, query)).toBe(expected)
  })
})

describe('RunHistory, a run the app never finished (#165)', () => {
  const waitingRun = (): Run => {
    const run = runAt('run-w', '2026-11-23T09:30:00.000Z')
    run.status = 'waiting'
    run.steps.push({
      id: 'step-2',
      kind: 'callback',
      title: 'Wait for the browser to come back',
      explain: 'oauth.callback',
      status: 'waiting',
      inputs: {},
      outputs: {},
      diagnostics: [],
    })
    return run
  }

  it('comes back interrupted, its waiting step cancelled, the reason in words, and stays so', async () => {
    const dir = freshDir()
    const killed = RunHistory.open({ dir, retention: retention(), now: () => NOW })
    killed.save({ run: waitingRun() })
    await killed.flush()

    const restarted = RunHistory.open({ dir, retention: retention(), now: () => NOW })
    const { run } = restarted.get('run-w')!
    expect(run.status).toBe('interrupted')
    expect(run.origin).toBe('saved')
    expect(run.steps.map((step) => step.status)).toEqual(['done', 'cancelled'])
    expect(run.diagnostics).toEqual([
      expect.objectContaining({
        code: 'RUN_INTERRUPTED',
        severity: 'error',
        message: expect.stringMatching(
          /^The app stopped while this run was waiting, so it never finished/,
        ),
      }),
    ])
    await restarted.flush()

    // Written back: a third start reads it interrupted, once, not marked a second time.
    const file = JSON.parse(readFileSync(join(dir, 'run-w.json'), 'utf8')) as { run: Run }
    expect(file.run.status).toBe('interrupted')
    const third = RunHistory.open({ dir, retention: retention(), now: () => NOW })
    expect(third.get('run-w')?.run.diagnostics).toHaveLength(1)
  })

  it('leaves a run still going in another live process as it is (the app, while afx starts)', async () => {
    const dir = freshDir()
    const file = join(dir, 'run-w.json')
    const history = RunHistory.open({ dir, retention: retention(), now: () => NOW })
    history.save({ run: waitingRun() })
    await history.flush()
    // As the app would have written it: the pid of the process the run is going in.
    const kept = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>
    expect(kept.pid).toBe(process.pid)
    writeFileSync(file, JSON.stringify({ ...kept, pid: process.ppid }))

    const other = RunHistory.open({ dir, retention: retention(), now: () => NOW })
    expect(other.get('run-w')?.run).toMatchObject({ status: 'waiting', diagnostics: [] })
    await other.flush()
    expect(JSON.parse(readFileSync(file, 'utf8')).run.status).toBe('waiting')
  })

  it('leaves a finished run as it was', async () => {
    const dir = freshDir()
    const first = RunHistory.open({ dir, retention: retention(), now: () => NOW })
    first.save({ run: runAt('run-f', '2026-11-23T09:30:00.000Z') })
    await first.flush()
    const again = RunHistory.open({ dir, retention: retention(), now: () => NOW })
    expect(again.get('run-f')?.run).toMatchObject({ status: 'succeeded', diagnostics: [] })
  })
})
