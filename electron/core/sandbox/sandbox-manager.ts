// Runs the sandbox (the OpenID provider and the Cognito-compatible pool, both on loopback) for the
// faces: start, stop and status, with every change and every outbox message sent as an event.
import type { SandboxStatus } from '../../../shared/sandbox-model'
import type { EventBus } from '../event-bus'
import { describeForLog } from '../describe-for-log'
import { toWireError } from '../to-wire-error'
import { startCognitoSandbox, type CognitoSandbox } from './cognito/cognito-pool-server'
import { startOidcSandbox, type OidcSandbox } from './oidc/oidc-sandbox'

export type SandboxPorts = {
  /** Default 9400; another free port when taken. */
  oidcPort?: number
  /** Default 9401; another free port when taken. */
  cognitoPort?: number
}

type Running = { oidc: OidcSandbox; cognito: CognitoSandbox }

export class SandboxManager {
  readonly #events: EventBus
  readonly #ports: SandboxPorts
  #running: Running | undefined
  #transition: Promise<unknown> = Promise.resolve()
  #status: Omit<SandboxStatus, 'outbox'> = { state: 'stopped' }

  constructor(events: EventBus, ports: SandboxPorts = {}) {
    this.#events = events
    this.#ports = ports
  }

  /** The outbox is the pool's own (bounded) list, read fresh each time. */
  status(): SandboxStatus {
    return { ...this.#status, outbox: [...(this.#running?.cognito.outbox ?? [])] }
  }

  /** Starts both servers; a second call while running changes nothing. */
  start(): Promise<SandboxStatus> {
    return this.#serialize(async () => {
      if (this.#running) return this.status()
      this.#setStatus({ state: 'starting' })
      let oidc: OidcSandbox | undefined
      try {
        oidc = await startOidcSandbox({ port: this.#ports.oidcPort })
        const cognito = await startCognitoSandbox({
          port: this.#ports.cognitoPort,
          onMessage: (message) => this.#events.emit('sandbox.messageSent', message),
        })
        this.#running = { oidc, cognito }
        this.#setStatus({ state: 'running', oidc: oidc.description, cognito: cognito.description })
      } catch (error) {
        await oidc?.close() // never leave half a sandbox listening
        const wire = toWireError(error)
        if (wire.code === 'INTERNAL_ERROR')
          console.error(`[afx] sandbox failed to start: ${describeForLog(error)}`)
        this.#setStatus({ state: 'failed', error: wire })
      }
      return this.status()
    })
  }

  /** Stops both servers and forgets everything they held. */
  stop(): Promise<SandboxStatus> {
    return this.#serialize(async () => {
      const running = this.#running
      this.#running = undefined
      if (running) await Promise.all([running.oidc.close(), running.cognito.close()])
      this.#setStatus({ state: 'stopped' })
      return this.status()
    })
  }

  #setStatus(status: Omit<SandboxStatus, 'outbox'>): void {
    this.#status = status
    this.#events.emit('sandbox.changed', this.status())
  }

  // Start and stop clicked in quick succession must run one after the other, never interleaved.
  #serialize<T>(work: () => Promise<T>): Promise<T> {
    const next = this.#transition.then(work)
    this.#transition = next.catch(() => undefined)
    return next
  }
}
