// `afx flow … --private-key FILE`: the option is documented, and what cannot work is a usage error
// (exit 2) before any request: private_key_jwt without a key, a file that cannot be read.
import { mkdtemp, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { runCliInProcess } from '../../helpers/run-cli-in-process'

async function afx(argv: string[]) {
  const run = runCliInProcess(argv)
  const code = await run.exitCode
  return { code, stdout: run.stdout.join('\n'), stderr: run.stderr.join('\n') }
}

const FLOW = ['flow', 'client-credentials', '--issuer', 'http://127.0.0.1:9', '--client-id', 'svc']

describe('afx flow --private-key', () => {
  it('is in the help, with private_key_jwt among the methods', async () => {
    const { stdout } = await afx(['--help'])
    expect(stdout).toContain('[--client-secret S | --private-key FILE]')
    expect(stdout).toContain('client_secret_basic|client_secret_post|private_key_jwt|none')
  })

  it('exits 2 when private_key_jwt is asked for without a key', async () => {
    const { code, stderr } = await afx([...FLOW, '--auth-method', 'private_key_jwt'])
    expect(code).toBe(2)
    expect(stderr).toMatch(/--auth-method private_key_jwt needs --private-key FILE/)
  })

  it('exits 2 naming the file it cannot read', async () => {
    const missing = join(tmpdir(), 'afx-no-such-key.json')
    const { code, stderr } = await afx([...FLOW, '--private-key', missing])
    expect(code).toBe(2)
    expect(stderr).toContain(`--private-key: cannot read ${missing} (ENOENT)`)
  })

  it('exits 1 with the engine’s words when the file holds a public key only', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'afx-key-'))
    const file = join(dir, 'public.json')
    await writeFile(file, '{"kty":"EC","crv":"P-256","x":"AAAA","y":"BBBB"}')
    const { code, stdout, stderr } = await afx([...FLOW, '--private-key', file])
    expect(code).toBe(1)
    expect(`${stdout}\n${stderr}`).toMatch(/public key only: it has no "d"/)
  })
})
