// A real engine for tests, with a fresh data folder of its own and a sandbox that only starts when
// asked.
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createCore } from '../../electron/core/create-core'
import type { Face } from '../../shared/contract'

export const testCore = (face: Face = 'web') =>
  testCoreIn(mkdtempSync(join(tmpdir(), 'afx-test-data-')), face)

/** An engine on a data folder that already exists: an app started again on what it left. */
export const testCoreIn = (dataDir: string, face: Face = 'web') =>
  createCore({
    face,
    dataDir,
    canEncryptSecrets: () => false,
    openBrowser: () => {
      throw new Error('tests drive the browser themselves: start flows with browser "none"')
    },
    sandboxPorts: { oidcPort: 0, cognitoPort: 0 },
  })

export const testImpl = (face: Face = 'web') => testCore(face).impl
