// Every step the engine records names an `explain` key; each key must have its teaching text, and
// no text may outlive the step it was written for. The keys are read from the engine's source.
import { readdir, readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { CognitoAuthFlow } from '../../../shared/cognito-flow-input'
import { explanationOf, STEP_EXPLANATIONS } from '../../../shared/step-explanations'

const ENGINE = join(import.meta.dirname, '../../../electron/core')

/**
 * Keys built at run time, by the source text of their template: what each one can become.
 * A new template fails the test until its expansions are listed here.
 */
const TEMPLATE_KEYS: Record<string, string[]> = {
  // start-sign-in.ts: one text per InitiateAuth flow a person can choose.
  'cognito.initiate-auth.${flow.toLowerCase()}': CognitoAuthFlow.options.map(
    (flow) => `cognito.initiate-auth.${flow.toLowerCase()}`,
  ),
  // mfa-code-challenges.ts: the challenges of CODE_FIELDS, each asking for its code.
  'cognito.${name.toLowerCase()}': [
    'cognito.sms_mfa',
    'cognito.email_otp',
    'cognito.software_token_mfa',
  ],
}

async function sourceFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true })
  return entries
    .filter((entry) => entry.isFile() && entry.name.endsWith('.ts'))
    .map((entry) => join(entry.parentPath, entry.name))
}

/** The keys one `explain:` value can take: its string literals, or a known template's keys. */
function keysOf(expression: string, where: string): string[] {
  const template = /^`([^`]*)`/.exec(expression)
  if (template) {
    const keys = TEMPLATE_KEYS[template[1] ?? '']
    if (!keys) throw new Error(`${where}: explain key template ${template[0]} is not listed`)
    return keys
  }
  const literals = [...expression.matchAll(/'([^']+)'/g)].map((match) => match[1] ?? '')
  if (literals.length === 0)
    throw new Error(`${where}: explain key is not a literal: ${expression}`)
  return literals
}

async function engineKeys(): Promise<Map<string, string>> {
  const keys = new Map<string, string>()
  for (const file of await sourceFiles(ENGINE)) {
    const text = await readFile(file, 'utf8')
    for (const match of text.matchAll(/\bexplain:\s*([^\n,}]+(?:}[^\n,]*)?)/g)) {
      const where = `${file.slice(ENGINE.length + 1)}:${text.slice(0, match.index).split('\n').length}`
      for (const key of keysOf((match[1] ?? '').trim(), where)) keys.set(key, where)
    }
  }
  return keys
}

describe('teaching texts of the steps', () => {
  it('has a text for every explain key the engine uses', async () => {
    const keys = await engineKeys()
    expect(keys.size).toBeGreaterThan(40)
    const missing = [...keys]
      .filter(([key]) => !explanationOf(key))
      .map(([key, at]) => `${key} (${at})`)
    expect(missing).toEqual([])
  })

  it('keeps no text for a key the engine no longer uses', async () => {
    const keys = await engineKeys()
    expect(Object.keys(STEP_EXPLANATIONS).filter((key) => !keys.has(key))).toEqual([])
  })

  it.each(Object.entries(STEP_EXPLANATIONS))(
    '%s: two or three sentences and a linked rule',
    (_key, explanation) => {
      const sentences = explanation.text.split(/(?<=[.!?])\s+(?=[A-Za-z"])/)
      expect(sentences.length).toBeGreaterThanOrEqual(2)
      expect(sentences.length).toBeLessThanOrEqual(3)
      expect(explanation.ref).not.toBe('')
      expect(new URL(explanation.url).protocol).toBe('https:')
    },
  )

  it('answers nothing for an unknown key, even one Object.prototype has', () => {
    expect(explanationOf('oauth.unknown')).toBeUndefined()
    expect(explanationOf('constructor')).toBeUndefined()
  })
})
