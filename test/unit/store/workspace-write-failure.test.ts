// A real failed write, not a mock: the tests run as root, where permissions block nothing, so a
// child process gets a file-size limit (prlimit) too small for the save, and the kernel refuses
// the write with EFBIG, as it would refuse one on a full disk with ENOSPC.
import { execFileSync, spawn } from 'node:child_process'
import { readdirSync, readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { bigProfile, SIZE_LIMIT_BYTES } from './size-limit-profiles'
import { makeDataDir, openWorkspace, workspaceFileOf } from './temp-workspace'

const CHILD = fileURLToPath(new URL('./save-under-size-limit.ts', import.meta.url))
/** Where `--import tsx` is resolved from. */
const REPO_ROOT = fileURLToPath(new URL('../../..', import.meta.url))

function hasPrlimit(): boolean {
  try {
    execFileSync('prlimit', ['--version'], { stdio: 'ignore' })
    return true
  } catch {
    return false
  }
}

type ChildReport = {
  error?: { code: string; message: string; hint?: string }
  secret?: string
  fileBefore: string
}

/** Runs the child: it saves, the limit is lowered, it tries the large save and reports. */
function saveUnderSizeLimit(dataDir: string): Promise<ChildReport> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', CHILD, dataDir], {
      cwd: REPO_ROOT,
      stdio: ['pipe', 'pipe', 'pipe'],
    })
    let out = ''
    let err = ''
    let fileBefore = ''
    child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()))
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString()
      if (fileBefore === '' && out.includes('ready\n')) {
        fileBefore = readFileSync(workspaceFileOf(dataDir), 'utf8')
        const limit = `--fsize=${SIZE_LIMIT_BYTES}:${SIZE_LIMIT_BYTES}`
        execFileSync('prlimit', ['--pid', String(child.pid), limit])
        child.stdin.write('go\n')
      }
    })
    child.on('error', reject)
    child.on('exit', (code, signal) => {
      const last = out.trim().split('\n').at(-1) ?? ''
      if (code !== 0 || !last.startsWith('{')) {
        reject(new Error(`The child ended with ${code ?? signal}: ${out}${err}`))
        return
      }
      resolve({ ...(JSON.parse(last) as Omit<ChildReport, 'fileBefore'>), fileBefore })
    })
  })
}

describe('a save the disk refuses', () => {
  it('fits when nothing limits it (so the limit below is what fails it)', () => {
    const dir = makeDataDir()
    openWorkspace(dir).saveProfile(bigProfile('any-secret-value'))
    expect(readFileSync(workspaceFileOf(dir)).length).toBeGreaterThan(2 * SIZE_LIMIT_BYTES)
  })

  it.skipIf(!hasPrlimit())(
    'throws STORE_WRITE_FAILED naming the file and leaves the previous file intact',
    async () => {
      const dir = makeDataDir()

      const report = await saveUnderSizeLimit(dir)

      expect(report.error?.code).toBe('STORE_WRITE_FAILED')
      expect(report.error?.message).toContain(workspaceFileOf(dir))
      expect(report.error?.message).toContain('EFBIG')
      expect(report.error?.hint).toMatch(/disk space/)
      expect(report.error?.message).not.toContain('second-secret-value')
      // Byte for byte the file it had, and no temporary file left beside it.
      expect(readFileSync(workspaceFileOf(dir), 'utf8')).toBe(report.fileBefore)
      expect(readdirSync(dir)).toEqual(['workspace.json'])
      // The secret of the failed save was not kept in memory either: memory follows the file.
      expect(report.secret).toBe('first-secret-value')
    },
    30_000,
  )
})
