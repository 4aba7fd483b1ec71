// Carries contract events from the engine to whichever faces are listening (IPC, the web host's
// event stream). Payloads are checked against the contract before they leave (see #isCheckpoint).
import { contract, type EventPayload } from '../../shared/contract'
import type { EventName } from '../../shared/contract-names'
import { isFinishedStatus, type Run, type RunStatus } from '../../shared/run-model'

export type EventListener = (event: EventName, payload: unknown) => void

/** A run in one of these statuses changes no more: the bus forgets it. */

export class EventBus {
  readonly #listeners = new Set<EventListener>()
  /** The status of each unfinished run as its last checked run.updated gave it. */
  readonly #checkedStatus = new Map<string, RunStatus>()

  subscribe(listener: EventListener): () => void {
    this.#listeners.add(listener)
    return () => this.#listeners.delete(listener)
  }

  /** Hands `payload` to every listener; refuses (throws, sends nothing) an invalid checked one. */
  emit<E extends EventName>(event: E, payload: EventPayload<E>): void {
    const checked: unknown = this.#isCheckpoint(event, payload)
      ? contract.events[event].parse(payload)
      : payload
    if (event === 'run.updated') this.#remember(payload as Run)
    for (const listener of this.#listeners) {
      try {
        listener(event, checked)
      } catch (error) {
        // One broken face (a closed window, a dropped stream) must not silence the others.
        console.error(`[afx] a listener of ${event} failed:`, (error as Error)?.name)
      }
    }
  }

  /**
   * The check exists to catch drift between the core and the contract, and parsing a whole run
   * on each of its updates was a large share of the engine's own cost. So a run.updated is checked
   * the first time its run is seen and whenever its status changes (a pause, a question, the end),
   * and the updates between are not: the last one checked, the finished run, holds every step in
   * its final shape, and a paused run every step in its prepared one. Other events are rare and
   * always checked.
   */
  #isCheckpoint(event: EventName, payload: unknown): boolean {
    if (event !== 'run.updated') return true
    const { id, status } = payload as Run
    return !this.#checkedStatus.has(id) || this.#checkedStatus.get(id) !== status
  }

  #remember({ id, status }: Run): void {
    if (isFinishedStatus(status)) this.#checkedStatus.delete(id)
    else this.#checkedStatus.set(id, status)
  }
}
