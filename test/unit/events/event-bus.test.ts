// The event bus refuses a payload that does not match the contract, so drift between the core and
// the contract fails loudly instead of reaching a face. Run updates are checked when their run is
// first seen and at each change of status; the updates between are handed on as they are.
import { describe, expect, it } from 'vitest'
import { EventBus } from '../../../electron/core/event-bus'
import type { EventName } from '../../../shared/contract-names'
import type { Run } from '../../../shared/run-model'

const STARTED = '2026-11-23T10:00:00.000Z'

const run = (change: Partial<Run> = {}): Run => ({
  id: 'run-event-bus-test',
  flow: 'code',
  title: 'Authorization code + PKCE (afx-native)',
  mode: 'auto',
  status: 'running',
  createdAt: STARTED,
  updatedAt: STARTED,
  steps: [],
  tokens: [],
  diagnostics: [],
  origin: 'live',
  revision: 1,
  ...change,
})

/** A run shaped as no version of the contract allows: a step kind that does not exist. */
const drifted = (change: Partial<Run> = {}): Run =>
  ({
    ...run(change),
    steps: [{ id: 'step-1', kind: 'teleport', title: 'x', explain: 'x', status: 'done' }],
  }) as unknown as Run

/** A bus and what its one listener received. */
function listening() {
  const bus = new EventBus()
  const received: Array<[EventName, unknown]> = []
  bus.subscribe((event, payload) => received.push([event, payload]))
  return { bus, received }
}

describe('EventBus', () => {
  it('refuses a run it sees for the first time when it does not match the contract', () => {
    const { bus, received } = listening()

    expect(() => bus.emit('run.updated', drifted())).toThrow(/kind/)
    expect(received).toEqual([])
  })

  it('refuses a run whose status changed when it does not match the contract', () => {
    const { bus, received } = listening()
    bus.emit('run.updated', run())

    expect(() => bus.emit('run.updated', drifted({ status: 'succeeded' }))).toThrow(/kind/)
    expect(received).toHaveLength(1)
  })

  it('hands on the updates between two statuses as they are, and checks the end', () => {
    const { bus, received } = listening()
    bus.emit('run.updated', run())
    bus.emit('run.updated', drifted({ revision: 2 })) // still running: not checked

    expect(received).toHaveLength(2)
    expect(() => bus.emit('run.updated', drifted({ status: 'failed' }))).toThrow(/kind/)
  })

  it('checks a run again when it shows up after it finished', () => {
    const { bus } = listening()
    bus.emit('run.updated', run({ status: 'succeeded' }))

    expect(() => bus.emit('run.updated', drifted({ status: 'succeeded' }))).toThrow(/kind/)
  })

  it('checks every sandbox event', () => {
    const { bus, received } = listening()
    bus.emit('sandbox.changed', { state: 'stopped', outbox: [] })

    expect(() =>
      bus.emit('sandbox.changed', { state: 'exploded' } as unknown as {
        state: 'stopped'
        outbox: []
      }),
    ).toThrow(/state/)
    expect(received).toHaveLength(1)
  })

  it('keeps telling the other faces when one listener throws', () => {
    const bus = new EventBus()
    bus.subscribe(() => {
      throw new Error('window closed')
    })
    const received: unknown[] = []
    bus.subscribe((_event, payload) => received.push(payload))

    bus.emit('run.updated', run())

    expect(received).toHaveLength(1)
  })
})
