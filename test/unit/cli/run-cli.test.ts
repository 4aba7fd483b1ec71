import { describe, expect, it } from 'vitest'
import { makeUnsignedJwt } from '../../helpers/make-jwt'
import { runCliInProcess } from '../../helpers/run-cli-in-process'

const NOW = Date.UTC(2026, 10, 23, 12, 0, 0)

async function afx(argv: string[], stdin = '') {
  const run = runCliInProcess(argv, { stdin, now: NOW })
  const code = await run.exitCode
  return { code, stdout: run.stdout.join('\n'), stderr: run.stderr.join('\n') }
}

const token = makeUnsignedJwt({ alg: 'RS256', kid: 'k1' }, { sub: 'alice', exp: NOW / 1000 + 300 })

describe('afx', () => {
  it('prints help with exit code 0', async () => {
    const { code, stdout } = await afx(['--help'])
    expect(code).toBe(0)
    expect(stdout).toContain('afx decode <jwt> [--json]')
  })

  it('decodes a token: header, payload and times in words', async () => {
    const { code, stdout } = await afx(['decode', token])
    expect(code).toBe(0)
    expect(stdout).toContain('"sub": "alice"')
    expect(stdout).toMatch(/exp\s+2026-11-23 12:05:00 UTC {2}\(expires in 5 minutes\)/)
  })

  it('reads the token from stdin with "-" and prints JSON with --json', async () => {
    const { code, stdout } = await afx(['decode', '-', '--json'], `${token}\n`)
    expect(code).toBe(0)
    expect(JSON.parse(stdout)).toMatchObject({ ok: true, value: { header: { kid: 'k1' } } })
  })

  it('exits 1 with one readable line on stderr for a token that is not a JWT', async () => {
    const { code, stdout, stderr } = await afx(['decode', 'abc.def'])
    expect(code).toBe(1)
    expect(stdout).toBe('')
    expect(stderr.split('\n')).toHaveLength(1)
    expect(stderr).toMatch(/^afx: This is not a JWT: it has 2 parts/)
  })

  it.each([
    [['decode'], /decode takes exactly one token/],
    [['decode', 'a', 'b'], /decode takes exactly one token/],
    [['frobnicate'], /"frobnicate" is not an afx command/],
    [['decode', token, '--colour'], /Unknown option '--colour'\. Run "afx --help"/],
    [['web', '--port', 'eighty'], /--port takes a number from 0 to 65535, not "eighty"/],
  ])('exits 2 on a usage error: %j', async (argv, message) => {
    const { code, stderr } = await afx(argv)
    expect(code).toBe(2)
    expect(stderr.split('\n')).toHaveLength(1)
    expect(stderr).toMatch(message)
  })
})

describe('afx output is safe for a terminal', () => {
  it('escapes C1 controls and bidi overrides that a token carries', async () => {
    const hostile = makeUnsignedJwt({ alg: 'none' }, { name: 'a\u009b31mred\u202eevil' }, '')
    const { code, stdout } = await afx(['decode', hostile])
    expect(code).toBe(0)
    expect(stdout).toContain('a\\u009b31mred\\u202eevil')
    expect(stdout).not.toMatch(/[\u009b\u202e]/)
  })
})

describe('afx port options', () => {
  it.each([['--oidc-port'], ['--cognito-port']])(
    '%s refuses a port that is not a number',
    async (flag) => {
      const { code, stderr } = await afx(['sandbox', flag, '99999'])
      expect(code).toBe(2)
      expect(stderr).toContain(`${flag} takes a number from 0 to 65535, not "99999".`)
    },
  )
})
