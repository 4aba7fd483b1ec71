// A real engine for tests, with a made-up data folder and a sandbox that only starts when asked.
import { createCore } from '../../electron/core/create-core'
import type { Face } from '../../shared/contract'

export const testCore = (face: Face = 'web') =>
  createCore({
    face,
    dataDir: '/tmp/afx-test-data',
    canEncryptSecrets: () => false,
    openBrowser: () => {
      throw new Error('tests drive the browser themselves: start flows with browser "none"')
    },
    sandboxPorts: { oidcPort: 0, cognitoPort: 0 },
  })

export const testImpl = (face: Face = 'web') => testCore(face).impl
