// Implements every contract method by calling the core modules. Faces bind this, never the modules.
import type { ContractImpl } from '../../shared/contract'
import packageJson from '../../package.json' with { type: 'json' }
import { PRODUCT_NAME } from './app/data-dir'
import type { CoreOptions } from './create-core'
import type { RunService } from './runs/run-service'
import type { SandboxManager } from './sandbox/sandbox-manager'
import { decodeJwt } from './tokens/decode-jwt'
import { inspectToken } from './tokens/inspect-token'

export function createContractImpl(
  options: CoreOptions,
  parts: { sandbox: SandboxManager; runs: RunService },
): ContractImpl {
  const { sandbox, runs } = parts
  return {
    'app.info': async () => ({
      name: PRODUCT_NAME,
      version: packageJson.version,
      face: options.face,
      dataDir: options.dataDir,
      canEncryptSecrets: options.canEncryptSecrets(),
    }),
    'tokens.decode': async ({ token }) => decodeJwt(token),
    'tokens.inspect': (input) => inspectToken(input, { fetch: options.fetch ?? fetch }),
    'sandbox.status': async () => sandbox.status(),
    'sandbox.start': () => sandbox.start(),
    'sandbox.stop': () => sandbox.stop(),
    'runs.start': async (input) => runs.start(input).run,
    'runs.advance': async ({ runId, edits }) => runs.advance(runId, edits),
    'runs.provideInput': async ({ runId, values }) => runs.provideInput(runId, values),
    'runs.cancel': ({ runId }) => runs.cancel(runId),
    'runs.get': async ({ runId }) => runs.get(runId),
    'runs.list': async () => runs.list(),
    'runs.revealSecret': async ({ runId, secretId }) => ({
      value: runs.revealSecret(runId, secretId),
    }),
  }
}
