import { describe, expect, it } from 'vitest'
import { readScenario, runToScenario } from '../../../electron/core/export/run-scenario'
import { AfxError } from '../../../electron/core/errors'
import { PLANTED, plantedSpellings, recordCodeFlowRun } from './recorded-run'

const { run } = recordCodeFlowRun()
const input = {
  flow: 'code',
  provider: { issuer: 'http://127.0.0.1:9400' },
  client: { clientId: 'afx-web-post', clientSecret: '«secret:s1:clientSecret»' },
  pkce: 'S256',
}
const EXPORTED_AT = Date.UTC(2026, 10, 24, 9, 0, 0)
const content = runToScenario(run, input, () => EXPORTED_AT)
const newId = () => 'run-imported-1'

/** The refusal readScenario throws for `text`. */
function refusalOf(text: string): AfxError {
  try {
    readScenario(text, newId)
  } catch (error) {
    if (error instanceof AfxError) return error
    throw error
  }
  throw new Error('the scenario was accepted')
}

type Edit = [path: (string | number)[], value: unknown]
type Node = Record<string | number, unknown>

/** The scenario with values set at JSON paths (undefined: the field removed). */
function changed(...edits: Edit[]): string {
  const scenario = JSON.parse(content) as Node
  for (const [path, value] of edits) {
    const parent = path.slice(0, -1).reduce<Node>((node, key) => node[key] as Node, scenario)
    const key = path.at(-1)!
    if (value === undefined) delete parent[key]
    else parent[key] = value
  }
  return JSON.stringify(scenario, null, 2)
}

describe('runToScenario', () => {
  it('writes the run and its input with the format, version and export time, markers kept', () => {
    const scenario = JSON.parse(content)
    expect(scenario).toEqual({
      format: 'afx-scenario',
      version: 1,
      exportedAt: '2026-11-24T09:00:00.000Z',
      run,
      input,
    })
    expect(content).toContain('«secret:')
    for (const planted of plantedSpellings(Object.values(PLANTED))) {
      expect(content).not.toContain(planted)
    }
  })

  it('leaves input out when the run has none', () => {
    expect(JSON.parse(runToScenario(run, undefined, () => EXPORTED_AT))).not.toHaveProperty('input')
  })
})

describe('readScenario', () => {
  it('gives back the run with a fresh id, as imported, and the input as it was', () => {
    const read = readScenario(content, newId)
    expect(read.run).toEqual({ ...run, id: 'run-imported-1', origin: 'imported' })
    expect(read.input).toEqual(input)
  })

  it('reads a file saved with a byte order mark', () => {
    expect(readScenario(`\uFEFF${content}`, newId).run.id).toBe('run-imported-1')
  })

  it.each([
    [
      '{\n  "format": "afx-scenario",\n  "version": 1,\n  "run": }',
      'line 4, column 10: expected a value',
    ],
    [
      '{"format": "afx-scenario", "version": 1,}',
      'line 1, column 41: expected a property name in double quotes',
    ],
    [
      '{"format": "afx-scenario", "run": {"id": "run-1"',
      "line 1, column 49: the text ends too early: expected ',' or '}'",
    ],
    ['', 'line 1, column 1: the text ends where a value should be'],
  ])('refuses text that is not JSON, saying where: %j', (text, where) => {
    const refusal = refusalOf(text)
    expect(refusal.code).toBe('IMPORT_INVALID')
    expect(refusal.message).toBe(`This scenario is not valid JSON: ${where}.`)
  })

  it.each([
    ['[1, 2]', '(format is missing)'],
    ['{"run": {}}', '(format is missing)'],
    ['{"format": "har", "log": {}}', '(format is not "afx-scenario")'],
  ])('refuses JSON that is no scenario: %s', (text, why) => {
    expect(refusalOf(text).message).toBe(`This is not an Auth Flow Explorer scenario ${why}.`)
  })

  it('refuses a scenario from a newer version, saying what to do', () => {
    const refusal = refusalOf(changed([['version'], 2]))
    expect(refusal.message).toBe(
      'This scenario is version 2; this Auth Flow Explorer reads version 1.',
    )
    expect(refusal.hint).toBe('Open it with a newer Auth Flow Explorer.')
  })

  it('names the field that is wrong, with its path', () => {
    const refusal = refusalOf(changed([['run', 'steps', 3, 'status'], 'exploded']))
    expect(refusal.message).toMatch(
      /^This scenario cannot be read: run\.steps\[3\]\.status: Invalid option: expected one of "ready"\|.*\.$/,
    )
    expect(refusal.hint).toMatch(/Export the run again/)
  })

  it('lists three problems and counts the rest', () => {
    const refusal = refusalOf(
      changed(
        [['run', 'title'], undefined],
        [['run', 'steps', 0, 'exchange', 'request', 'headers', 'x-odd name'], 42],
        [['run', 'tokens'], 'none'],
        [['run', 'mode'], 'fast'],
        [['input'], []],
      ),
    )
    expect(refusal.message).toContain(
      'run.title: Invalid input: expected string, received undefined',
    )
    expect(refusal.message).toContain('run.mode: Invalid option')
    expect(refusal.message).toMatch(/\(and 2 more\)\.$/)
  })

  it('quotes a field name from the file in its path, cut short', () => {
    const refusal = refusalOf(
      changed([
        ['run', 'steps', 0, 'exchange', 'request', 'headers', `x-${'long'.repeat(20)}`],
        42,
      ]),
    )
    expect(refusal.message).toContain(
      'run.steps[0].exchange.request.headers["x-longlonglonglonglonglonglonglonglonglo…"]: Invalid input: expected string, received number',
    )
  })

  it('keeps a secret that was pasted into a broken file out of its words', () => {
    const refusal = refusalOf(`{"format": "afx-scenario", "note": "${PLANTED.accessToken}" oops}`)
    expect(refusal.message).not.toContain(PLANTED.accessToken)
    expect(refusal.message).toMatch(/^This scenario is not valid JSON: line 1, column \d+/)
  })
})
