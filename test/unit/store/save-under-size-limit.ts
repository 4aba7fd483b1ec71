// A child process for workspace-write-failure.test.ts: it saves a profile, says "ready", and
// waits while the test lowers its file-size limit (prlimit); on "go" it tries a save too large
// for that limit and prints what happened as JSON. Run with `node --import tsx`.
import { AfxError } from '../../../electron/core/errors'
import { Workspace } from '../../../electron/core/store/workspace'
import { bigProfile, smallProfile } from './size-limit-profiles'

const dataDir = process.argv[2] ?? ''
const workspace = Workspace.open({ dataDir })
workspace.saveProfile(smallProfile('first-secret-value'))
process.stdout.write('ready\n')

process.stdin.once('data', () => {
  let error: { code: string; message: string; hint: string | undefined } | undefined
  try {
    workspace.saveProfile(bigProfile('second-secret-value'), 'Limited')
  } catch (caught) {
    if (!(caught instanceof AfxError)) throw caught
    error = { code: caught.code, message: caught.message, hint: caught.hint }
  }
  const secret = workspace.clientSecretOf('Limited', 'confidential')
  process.stdout.write(`${JSON.stringify({ error, secret })}\n`)
  process.exit(0)
})
