// Implements every contract method by calling the core modules. Faces bind this, never the modules.
import { randomUUID } from 'node:crypto'
import type { ContractImpl } from '../../shared/contract'
import type { WorkspaceStatus } from '../../shared/workspace-model'
import packageJson from '../../package.json' with { type: 'json' }
import { PRODUCT_NAME } from './app/data-dir'
import type { CoreOptions } from './create-core'
import { describeAppClient } from './cognito/describe-app-client'
import { exportRun } from './export/export-run'
import { readScenario } from './export/run-scenario'
import { generateClientKey } from './oauth/generate-client-key'
import { discoverProfile } from './profiles/discover-profile'
import type { RunHistory } from './runs/run-history'
import type { RunService } from './runs/run-service'
import type { SandboxManager } from './sandbox/sandbox-manager'
import type { Workspace } from './store/workspace'
import { decodeJwt } from './tokens/decode-jwt'
import { inspectToken } from './tokens/inspect-token'

export function createContractImpl(
  options: CoreOptions,
  parts: { sandbox: SandboxManager; runs: RunService; workspace: Workspace; history: RunHistory },
): ContractImpl {
  const { sandbox, runs, workspace, history } = parts
  const fetchFn = options.fetch ?? fetch
  const workspaceStatus = (status: WorkspaceStatus): WorkspaceStatus => ({
    ...status,
    problems: [...status.problems, ...history.problems],
  })
  return {
    'app.info': async () => ({
      name: PRODUCT_NAME,
      version: packageJson.version,
      face: options.face,
      dataDir: options.dataDir,
      canEncryptSecrets: options.canEncryptSecrets(),
    }),
    'tokens.decode': async ({ token }) => decodeJwt(token),
    'tokens.inspect': (input) => inspectToken(input, { fetch: fetchFn }),
    'sandbox.status': async () => sandbox.status(),
    'sandbox.start': () => sandbox.start(),
    'sandbox.stop': () => sandbox.stop(),
    'runs.start': async (input) => runs.start(input).run,
    'runs.advance': async ({ runId, edits }) => runs.advance(runId, edits),
    'runs.provideInput': async ({ runId, values }) => runs.provideInput(runId, values),
    'runs.cancel': ({ runId }) => runs.cancel(runId),
    'runs.get': async ({ runId }) => runs.get(runId),
    'runs.list': async ({ query }) => runs.list(query),
    'runs.revealSecret': async ({ runId, secretId }) => ({
      value: runs.revealSecret(runId, secretId),
    }),
    'runs.export': async ({ runId, format }) => {
      const { run, input } = runs.record(runId)
      return exportRun(
        run,
        input,
        format,
        { name: PRODUCT_NAME, version: packageJson.version },
        { fingerprintOf: runs.tokenFingerprints(runId) },
      )
    },
    'runs.import': async ({ content }) =>
      runs.import(readScenario(content, () => `run-${randomUUID()}`)),
    'runs.replay': async ({ runId }) => runs.start(runs.replayInput(runId)).run,
    'workspace.status': async () => workspaceStatus(workspace.status()),
    'settings.get': async () => workspace.settings(),
    'settings.update': async (change) => workspace.updateSettings(change),
    'vault.create': async ({ passphrase }) => workspaceStatus(workspace.createVault(passphrase)),
    'vault.unlock': async ({ passphrase }) => workspaceStatus(workspace.unlockVault(passphrase)),
    'vault.lock': async () => workspaceStatus(workspace.lockVault()),
    'profiles.list': async () => workspace.listProfiles(),
    'profiles.save': async ({ profile, previousName, basedOn }) =>
      workspace.saveProfile(profile, previousName, basedOn),
    'profiles.remove': async ({ name }) => ({ removed: workspace.removeProfile(name) }),
    'profiles.discover': ({ url }) => discoverProfile(url, { fetch: fetchFn }),
    'profiles.export': async ({ names, passphrase }) => workspace.exportProfiles(names, passphrase),
    'profiles.import': async ({ content, passphrase }) =>
      workspace.importProfiles(content, passphrase),
    'keys.generate': ({ alg }) => generateClientKey(alg),
    'cognito.describeClient': (target) => describeAppClient(target),
  }
}
