// The recorder reports a run's changes coalesced: once per turn of the event loop with the latest
// state, at once on a change of status, and always before the run waits on anything outside.
import { readFile } from 'node:fs/promises'
import { describe, expect, it } from 'vitest'
import { RunRecorder } from '../../../electron/core/runs/run-recorder'
import { SecretBox } from '../../../electron/core/runs/secret-box'
import type { Run } from '../../../shared/run-model'

const STARTED = '2026-11-23T10:00:00.000Z'
const STEP = { kind: 'http', title: 'Discover the provider', explain: 'oidc.discovery' } as const

/** A recorder over a fresh run, and every report it made so far. */
function recording() {
  const reports: Run[] = []
  const recorder = new RunRecorder(
    {
      id: 'run-recorder-test',
      flow: 'code',
      title: 'test',
      mode: 'step',
      status: 'running',
      createdAt: STARTED,
      updatedAt: STARTED,
      steps: [],
      tokens: [],
      diagnostics: [],
      origin: 'live',
      revision: 0,
    },
    new SecretBox(),
    (run) => reports.push(run),
    () => Date.parse(STARTED),
  )
  return { recorder, reports }
}

const nextTurn = () => new Promise((resolve) => setImmediate(resolve))

describe('RunRecorder reports', () => {
  it('changes made in one turn once, with the latest state', async () => {
    const { recorder, reports } = recording()
    const step = recorder.addStep(STEP)
    recorder.updateStep(step, { outputs: { issuer: 'http://127.0.0.1:9400' } })
    recorder.updateStep(step, { status: 'done' })
    expect(reports).toHaveLength(0)

    await nextTurn()

    expect(reports).toHaveLength(1)
    expect(reports[0]).toMatchObject({ revision: 3, steps: [{ status: 'done' }] })
    await nextTurn()
    expect(reports).toHaveLength(1) // nothing changed since: nothing more to say
  })

  it('nothing to a snapshot, which holds the changes not reported yet (runs.get, call answers)', () => {
    const { recorder, reports } = recording()
    recorder.addStep(STEP)

    expect(recorder.snapshot()).toMatchObject({ revision: 1, steps: [{ title: STEP.title }] })
    expect(reports).toHaveLength(0)
  })

  it('a change of status at once, with every change before it, and not again later', async () => {
    const { recorder, reports } = recording()
    const step = recorder.addStep(STEP)
    recorder.updateStep(step, { status: 'ready' })
    recorder.setStatus('paused')

    expect(reports).toHaveLength(1)
    expect(reports[0]).toMatchObject({ status: 'paused', steps: [{ status: 'ready' }] })
    await nextTurn()
    expect(reports).toHaveLength(1)
  })

  it('going on again together with what the run does next', async () => {
    const { recorder, reports } = recording()
    recorder.setStatus('paused')
    recorder.setStatus('running')
    recorder.addStep(STEP)
    expect(reports.map((run) => run.status)).toEqual(['paused'])

    await nextTurn()

    expect(reports.at(-1)).toMatchObject({ status: 'running', steps: [{ status: 'running' }] })
    expect(reports).toHaveLength(2)
  })

  it('the end of a run at once, so whoever awaits the end has been told', () => {
    const { recorder, reports } = recording()
    recorder.addToken('access_token', 'at-1234567890')
    recorder.setStatus('succeeded')

    expect(reports.at(-1)).toMatchObject({
      status: 'succeeded',
      tokens: [{ name: 'access_token' }],
    })
    expect(reports.at(-1)).toEqual(recorder.snapshot())
  })

  it('the state a run waits in before anything from outside comes back', async () => {
    const { recorder, reports } = recording()
    recorder.addStep(STEP) // its request is on its way

    await readFile(import.meta.filename) // the network, a timer or a person: anything outside

    expect(reports).toHaveLength(1)
    expect(reports[0]?.steps[0]).toMatchObject({ title: STEP.title, status: 'running' })
  })

  it('copies: changing what it reported changes neither the record nor later reports', async () => {
    const { recorder, reports } = recording()
    const step = recorder.addStep(STEP, { url: 'http://127.0.0.1:9400' })
    await nextTurn()
    const reported = reports[0]!
    reported.steps[0]!.inputs.url = 'http://attacker.example'
    reported.steps.push({ ...reported.steps[0]! })

    recorder.updateStep(step, { status: 'done' })
    await nextTurn()

    expect(recorder.snapshot().steps).toHaveLength(1)
    expect(reports[1]?.steps).toEqual([
      expect.objectContaining({ status: 'done', inputs: { url: 'http://127.0.0.1:9400' } }),
    ])
  })
})
