import { describe, expect, it } from 'vitest'
import { findJsonSyntaxError } from '../../../electron/core/export/json-syntax-error'

const isJson = (text: string) => {
  try {
    JSON.parse(text)
    return true
  } catch {
    return false
  }
}

describe('findJsonSyntaxError', () => {
  it.each([
    '{}',
    '[]',
    '[[[]]]',
    '{"a":[1,{"b":null}],"c":"\\u00e9\\n","d":-1.5e+3,"e":true,"f":false}',
    ' \n\t"just a string" \r\n',
    '{"a":}',
    '{"a":1,}',
    '[1,]',
    '[1 2]',
    '{a:1}',
    '{"a":01}',
    '{"a":"\\q"}',
    '{"a":"\\u12"}',
    '"line\nbreak"',
    '1.',
    '-',
    '{"a":1} trailing',
    '',
  ])('agrees with JSON.parse on whether %j is JSON', (text) => {
    expect(findJsonSyntaxError(text) === undefined).toBe(isJson(text))
  })

  it.each([
    ['{\n  "a": [1,\n   2,,\n]}', 3, 6, 'expected a value'],
    ['{"a" 1}', 1, 6, "expected ':' after the property name"],
    ['{"a":"x\ny"}', 1, 8, 'a line break or control character inside a string (write it as \\n)'],
    ['{"a":1', 1, 7, "the text ends too early: expected ',' or '}'"],
    ['{"a":"open', 1, 11, 'a string is not closed'],
  ])('says where %j stops being JSON, as an editor counts', (text, line, column, problem) => {
    expect(findJsonSyntaxError(text)).toEqual({ line, column, problem })
  })

  it('walks a million open brackets without overflowing the stack', () => {
    expect(findJsonSyntaxError('['.repeat(1_000_000))).toEqual({
      line: 1,
      column: 1_000_001,
      problem: 'the text ends where a value should be',
    })
  })
})
