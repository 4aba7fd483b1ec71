// A real contract implementation for tests, with a temporary data folder.
import { createContractImpl } from '../../electron/core/contract-impl'
import type { Face } from '../../shared/contract'

export const testImpl = (face: Face = 'web') =>
  createContractImpl({ face, dataDir: '/tmp/afx-test-data', canEncryptSecrets: () => false })
