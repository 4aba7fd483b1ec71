// The sandbox's stand-in for SMS and email delivery: codes land in an in-memory list and go to a
// listener (the app's Sandbox page, `afx sandbox --json`), never to a real phone or mailbox.
// @see https://docs.aws.amazon.com/cognito/latest/developerguide/user-pool-settings-mfa-sms-email-message.html
import { randomInt } from 'node:crypto'
import type { OutboxMessage } from '../../../../shared/sandbox-model'
import { LIMITS } from './pool-config'

export type { OutboxMessage }

/** Delivered messages, newest last, bounded; each also goes to the listener. */
export class Outbox {
  readonly messages: OutboxMessage[] = []
  readonly #onMessage: ((message: OutboxMessage) => void) | undefined
  readonly #now: () => number

  constructor(now: () => number, onMessage?: (message: OutboxMessage) => void) {
    this.#now = now
    this.#onMessage = onMessage
  }

  /** Records a message and hands it to the listener. */
  deliver(message: Omit<OutboxMessage, 'at'>): void {
    const full = { ...message, at: new Date(this.#now()).toISOString() }
    this.messages.push(full)
    if (this.messages.length > LIMITS.outboxMessages) this.messages.shift()
    try {
      this.#onMessage?.(full)
    } catch (error) {
      // A broken listener must not fail the sign-in that sent the code.
      console.error('Cognito sandbox outbox listener failed:', error)
    }
  }
}

/**
 * Six random digits, the shape of every Cognito SMS, email and sign-up code.
 * @see https://docs.aws.amazon.com/cognito/latest/developerguide/user-pool-settings-mfa-sms-email-message.html
 */
export function createOneTimeCode(): string {
  return randomInt(0, 1_000_000).toString().padStart(6, '0')
}
