// What faces are told of a run: its updates are coalesced (one per turn of the event loop, with
// the latest state), yet every state a person acts on arrives: each pause of a step-by-step run,
// the wait for the browser, and the end, before the run's `done` settles.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Run } from '../../shared/run-model'
import {
  startHostileProvider,
  type HostileProvider,
} from '../fixtures/hostile-provider/hostile-provider'
import { followAutoApproval } from '../helpers/follow-auto-approval'
import { hostileCodeFlow } from '../helpers/hostile-code-flow'
import { waitForRun } from '../helpers/run-events'
import { testCore } from '../helpers/test-impl'

const core = testCore()
let provider: HostileProvider

beforeAll(async () => {
  provider = await startHostileProvider()
})
afterAll(() => provider?.close())

const isFinished = (run: Run) => ['succeeded', 'failed', 'cancelled'].includes(run.status)
const readyStepOf = (run: Run) => run.steps.find((step) => step.status === 'ready')?.id

/** Every run.updated of `runId` a face receives from now on. */
function updatesOf(runId: string): Run[] {
  const updates: Run[] = []
  core.events.subscribe((event, payload) => {
    if (event === 'run.updated' && (payload as Run).id === runId) updates.push(payload as Run)
  })
  return updates
}

describe('run.updated', () => {
  it('tells of every pause, the wait and the end of a step-by-step run, coalescing the rest', async () => {
    const { run, done } = core.runs.start(hostileCodeFlow(provider, { mode: 'step' }))
    const updates = updatesOf(run.id)
    const lastToldAtEnd = done.then(() => updates.at(-1))
    const advanced: string[] = []
    const answers: Run[] = []
    let browserSent = false

    // A person at a face: advances each prepared step, plays the browser once it is asked for.
    for (;;) {
      const now = await waitForRun(
        core,
        run.id,
        (candidate) =>
          isFinished(candidate) ||
          (candidate.status === 'paused' && !advanced.includes(readyStepOf(candidate) ?? '')) ||
          (candidate.status === 'waiting' && !browserSent),
      )
      if (isFinished(now)) break
      if (now.status === 'paused') {
        advanced.push(readyStepOf(now) ?? '')
        answers.push(core.runs.advance(run.id))
        continue
      }
      browserSent = true
      const url = now.steps.find((step) => step.kind === 'browser')?.outputs.url
      await followAutoApproval(String(url))
    }
    const finished = await done

    expect(finished.status).toBe('succeeded')
    const pausesTold = updates.filter((update) => update.status === 'paused')
    expect(pausesTold.map(readyStepOf)).toEqual(advanced)
    expect(advanced.length).toBeGreaterThanOrEqual(5) // discovery … the token request, the keys
    const waitTold = updates.find((update) => update.status === 'waiting')
    expect(waitTold?.steps.at(-1)).toMatchObject({ kind: 'callback', status: 'waiting' })
    expect(await lastToldAtEnd).toEqual(finished)

    const revisions = updates.map((update) => update.revision ?? 0)
    expect(revisions).toEqual([...new Set(revisions)].sort((a, b) => a - b))
    expect(updates.length).toBeLessThan(finished.revision ?? 0) // coalesced, not one per change
    for (const answer of answers) {
      const toldBefore = updates.filter(
        (update) => (update.revision ?? 0) <= (answer.revision ?? 0),
      )
      expect(answer).toEqual(toldBefore.at(-1)) // the pause it resumed: nothing newer was hidden
    }
  })
})
