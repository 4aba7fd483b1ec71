// Tokens in a HAR read as a fingerprint, the same for the same token (security.md §7 #155); any
// other secret stays a bare "[redacted: label]", and a run from history (no values) is unchanged.
import { createHash } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { exportRun } from '../../../electron/core/export/export-run'
import { withTokenFingerprints } from '../../../electron/core/export/token-fingerprints'
import { SecretBox } from '../../../electron/core/runs/secret-box'
import type { Run } from '../../../shared/run-model'

const ACCESS_TOKEN = 'eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJhbGljZSJ9.c2lnbmF0dXJlLW9mLWEtdG9rZW4'
const PASSWORD = 'correct horse battery staple'
const sha = (value: string) => createHash('sha256').update(value).digest('hex').slice(0, 12)
const creator = { name: 'Auth Flow Explorer', version: '0.0.0-test' }

function liveRun(): { run: Run; secrets: SecretBox } {
  const secrets = new SecretBox()
  const token = secrets.add(ACCESS_TOKEN, 'access_token')
  const password = secrets.add(PASSWORD, 'password')
  const run: Run = {
    id: 'run-fingerprints',
    flow: 'code',
    title: 'Authorization code',
    mode: 'auto',
    status: 'succeeded',
    createdAt: '2026-11-23T09:00:00.000Z',
    updatedAt: '2026-11-23T09:00:01.000Z',
    steps: [
      {
        id: 'step-1',
        kind: 'http',
        title: 'Ask userinfo, with the access token',
        explain: 'oidc.userinfo',
        status: 'done',
        inputs: {},
        outputs: {},
        exchange: {
          request: {
            method: 'POST',
            url: 'http://127.0.0.1:9400/me',
            headers: { authorization: `Bearer ${token}` },
            body: `password=${password}`,
          },
          response: { status: 200, headers: {}, body: `{"echo":"${token}"}` },
        },
        diagnostics: [],
      },
    ],
    tokens: [{ name: 'access_token', value: token }],
    diagnostics: [],
    origin: 'live',
  }
  return { run, secrets }
}

describe('token fingerprints', () => {
  it('are the first 48 bits of SHA-256, for tokens only', () => {
    const { secrets } = liveRun()
    expect(secrets.fingerprint('s1')).toBe(`sha256 ${sha(ACCESS_TOKEN)}`)
    expect(secrets.fingerprint('s2')).toBeUndefined() // a password: its hash could be guessed
    expect(secrets.fingerprint('s9')).toBeUndefined()
  })

  it('read the same wherever one token went, in a HAR that holds no value', () => {
    const { run, secrets } = liveRun()
    const har = exportRun(run, undefined, 'har', creator, {
      fingerprintOf: (id) => secrets.fingerprint(id),
    }).content
    const marked = `[redacted: access_token, sha256 ${sha(ACCESS_TOKEN)}]`
    expect(har.split(marked)).toHaveLength(3) // the Authorization header and the echo
    expect(har).toContain('[redacted: password]')
    expect(har).not.toContain(ACCESS_TOKEN)
    expect(har).not.toContain(PASSWORD)
    expect(har).not.toContain(sha(PASSWORD))
  })

  it('leave a run from history as it was, and the run given untouched', () => {
    const { run, secrets } = liveRun()
    const before = JSON.stringify(run)
    const har = exportRun(run, undefined, 'har', creator).content
    expect(har).toContain('[redacted: access_token]')
    expect(har).not.toContain('sha256')
    withTokenFingerprints(run, (id) => secrets.fingerprint(id))
    expect(JSON.stringify(run)).toBe(before)
  })
})
