// Builds the engine a face runs: the contract implementation, the event bus it reports on, the
// sandbox it manages and the runs it keeps. Every face (Electron, browser mode, CLI) starts here.
import type { ContractImpl, Face } from '../../shared/contract'
import { createContractImpl } from './contract-impl'
import { EventBus } from './event-bus'
import { join } from 'node:path'
import { LoopbackListener } from './loopback/loopback-listener'
import { fillProfileSettings } from './profiles/fill-profile-settings'
import { fillProfileSecret } from './profiles/fill-profile-secret'
import { fillProfileUser } from './profiles/fill-profile-user'
import { RunHistory } from './runs/run-history'
import { RunService } from './runs/run-service'
import { SandboxManager, type SandboxPorts } from './sandbox/sandbox-manager'
import { Workspace, type SecretCipher } from './store/workspace'

export type CoreOptions = {
  face: Face
  dataDir: string
  /** Asked each time: the OS keychain can become available after start-up (Linux keyrings). */
  canEncryptSecrets: () => boolean
  /** The OS keychain's cipher (Electron safeStorage), when there is one now. */
  osCipher?: () => SecretCipher | undefined
  /** Opens an authorization URL in the system browser (each face has its own way). */
  openBrowser: (url: URL) => Promise<void> | void
  sandboxPorts?: SandboxPorts
  /** The network; tests may pass another. */
  fetch?: typeof fetch
}

export type Core = {
  impl: ContractImpl
  events: EventBus
  sandbox: SandboxManager
  runs: RunService
  workspace: Workspace
  history: RunHistory
}

/** A provider that takes longer than this to answer one request is reported as stalled. */
const HTTP_TIMEOUT_MS = 30_000
/** OAuth answers are a few kilobytes; anything over 1 MB is refused unread. */
const MAX_RESPONSE_BYTES = 1_000_000

export function createCore(options: CoreOptions): Core {
  const events = new EventBus()
  const sandbox = new SandboxManager(events, options.sandboxPorts)
  const workspace = Workspace.open({ dataDir: options.dataDir, osCipher: options.osCipher })
  const history = RunHistory.open({
    dir: join(options.dataDir, 'history'),
    retention: () => workspace.settings(),
  })
  const runs = new RunService({
    events,
    history,
    prepareInput: (input) =>
      fillProfileSettings(
        fillProfileUser(
          fillProfileSecret(input, (profile, clientId) =>
            workspace.clientSecretOf(profile, clientId),
          ),
          (profile, username, field) => workspace.userSecretOf(profile, username, field),
        ),
        (profile, clientId) =>
          workspace.getProfile(profile).clients.find((client) => client.clientId === clientId)
            ?.cognitoSettings,
      ),
    deps: {
      fetch: options.fetch ?? fetch,
      openBrowser: options.openBrowser,
      openLoopback: (loopback) => LoopbackListener.open(loopback),
      httpTimeoutMs: HTTP_TIMEOUT_MS,
      maxResponseBytes: MAX_RESPONSE_BYTES,
    },
  })
  const impl = createContractImpl(options, { sandbox, runs, workspace, history })
  return { impl, events, sandbox, runs, workspace, history }
}
