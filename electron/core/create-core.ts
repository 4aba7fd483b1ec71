// Builds the engine a face runs: the contract implementation, the event bus it reports on, and
// the sandbox it manages. Every face (Electron, browser mode, CLI) starts here.
import type { ContractImpl, Face } from '../../shared/contract'
import { createContractImpl } from './contract-impl'
import { EventBus } from './event-bus'
import { SandboxManager, type SandboxPorts } from './sandbox/sandbox-manager'

export type CoreOptions = {
  face: Face
  dataDir: string
  /** Asked each time: the OS keychain can become available after start-up (Linux keyrings). */
  canEncryptSecrets: () => boolean
  sandboxPorts?: SandboxPorts
}

export type Core = { impl: ContractImpl; events: EventBus; sandbox: SandboxManager }

export function createCore(options: CoreOptions): Core {
  const events = new EventBus()
  const sandbox = new SandboxManager(events, options.sandboxPorts)
  return { impl: createContractImpl(options, sandbox), events, sandbox }
}
