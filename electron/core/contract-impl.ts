// Implements every contract method by calling the core modules. Faces bind this, never the modules.
import type { ContractImpl, Face } from '../../shared/contract'
import { decodeJwt } from './tokens/decode-jwt'
import { PRODUCT_NAME } from './app/data-dir'
import packageJson from '../../package.json' with { type: 'json' }

export type CoreContext = {
  face: Face
  dataDir: string
  /** Asked each time: the OS keychain can become available after start-up (Linux keyrings). */
  canEncryptSecrets: () => boolean
}

export function createContractImpl(context: CoreContext): ContractImpl {
  return {
    'app.info': async () => ({
      name: PRODUCT_NAME,
      version: packageJson.version,
      face: context.face,
      dataDir: context.dataDir,
      canEncryptSecrets: context.canEncryptSecrets(),
    }),
    'tokens.decode': async ({ token }) => decodeJwt(token),
  }
}
