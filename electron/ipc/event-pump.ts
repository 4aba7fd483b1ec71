// Sends the engine's events to the app window, each on its own channel (see preload.ts).
import type { WebContents } from 'electron'
import { eventChannelOf } from '../../shared/contract-names'
import type { EventBus } from '../core/event-bus'

export function pumpEvents(events: EventBus, contents: WebContents): void {
  const unsubscribe = events.subscribe((event, payload) => {
    if (!contents.isDestroyed()) contents.send(eventChannelOf(event), payload)
  })
  contents.once('destroyed', unsubscribe)
}
