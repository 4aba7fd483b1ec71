import { describe, expect, it } from 'vitest'
import { exportRun } from '../../../electron/core/export/export-run'
import { readScenario } from '../../../electron/core/export/run-scenario'
import { recordCodeFlowRun } from './recorded-run'

const { run } = recordCodeFlowRun()
const creator = { name: 'Auth Flow Explorer', version: '0.9.0' }
const input = { flow: 'code', client: { clientId: 'afx-web-post' } }

describe('exportRun', () => {
  it.each([
    ['curl', 'afx-run-code-2026-11-23-1005.sh', 'text/x-shellscript', /^#!\/bin\/sh\n/],
    [
      'har',
      'afx-run-code-2026-11-23-1005.har',
      'application/json',
      /^\{\n {2}"log": \{\n {4}"version": "1.2"/,
    ],
    [
      'json',
      'afx-run-code-2026-11-23-1005.json',
      'application/json',
      /^\{\n {2}"format": "afx-scenario"/,
    ],
  ] as const)('exports %s as %s (%s)', (format, filename, mediaType, start) => {
    const file = exportRun(run, input, format, creator)
    expect(file.filename).toBe(filename)
    expect(file.mediaType).toBe(mediaType)
    expect(file.content).toMatch(start)
  })

  it('writes a scenario that reads back with the run and its input', () => {
    const file = exportRun(run, input, 'json', creator, { now: () => Date.UTC(2027, 0, 1) })
    expect(JSON.parse(file.content).exportedAt).toBe('2027-01-01T00:00:00.000Z')
    expect(readScenario(file.content, () => 'run-again').input).toEqual(input)
  })

  it('names the file from the flow and start time in UTC, safe for any file system', () => {
    const odd = {
      ...run,
      flow: 'client_credentials/../../etc passwd',
      createdAt: '2026-02-03T04:05:59.999Z',
    }
    expect(exportRun(odd, undefined, 'har', creator).filename).toBe(
      'afx-run-client-credentials-etc-passwd-2026-02-03-0405.har',
    )
  })
})
