// A child process for process-killed-faults.test.ts: it saves one profile over and over, each
// version larger than a disk block, so a SIGKILL from the test lands in the middle of a write
// (the temporary file half written, or written and not yet renamed). Prints "saving" once the
// first version is on disk. Run with `node --import tsx`.
import { writeSync } from 'node:fs'
import { Workspace } from '../../electron/core/store/workspace'

const dataDir = process.argv[2] ?? ''
const workspace = Workspace.open({ dataDir })
const startAt = Number(process.argv[3] ?? '1')

const PADDING = Array.from({ length: 8 }, (_, i) => [`padding${i}`, 'p'.repeat(4000)])

const version = (n: number) => ({
  name: 'Kept',
  preset: 'generic' as const,
  provider: { kind: 'issuer' as const, issuer: 'https://login.example.com' },
  // About 32 KB, each value within what a profile may hold (4,000 characters).
  clients: [{ clientId: 'web', extraParams: Object.fromEntries(PADDING) }],
  notes: `version ${n}`,
})

// Saved as a change of "Kept": a new profile the first time, the next version after a restart.
workspace.saveProfile(version(startAt), 'Kept')
// Written at once: the loop below never yields, so a piped process.stdout would never flush.
writeSync(1, 'saving\n')
for (let n = startAt + 1; ; n++) workspace.saveProfile(version(n), 'Kept')
