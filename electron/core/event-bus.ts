// Carries contract events from the engine to whichever faces are listening (IPC, the web host's
// event stream). Payloads are checked against the contract before they leave.
import { contract, type EventPayload } from '../../shared/contract'
import type { EventName } from '../../shared/contract-names'

export type EventListener = (event: EventName, payload: unknown) => void

export class EventBus {
  readonly #listeners = new Set<EventListener>()

  subscribe(listener: EventListener): () => void {
    this.#listeners.add(listener)
    return () => this.#listeners.delete(listener)
  }

  emit<E extends EventName>(event: E, payload: EventPayload<E>): void {
    const checked: unknown = contract.events[event].parse(payload)
    for (const listener of this.#listeners) {
      try {
        listener(event, checked)
      } catch (error) {
        // One broken face (a closed window, a dropped stream) must not silence the others.
        console.error(`[afx] a listener of ${event} failed:`, (error as Error)?.name)
      }
    }
  }
}
