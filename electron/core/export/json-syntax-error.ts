// Says where a text stops being JSON and what was expected there, in the same words on every
// engine (V8's JSON.parse names a position for some errors only). It walks the text without
// recursion, so a file of a million "[" cannot overflow the stack.
// @see RFC 8259 §2–§7 (the JSON grammar)

export type JsonSyntaxError = {
  /** 1-based, as editors count. */
  line: number
  column: number
  problem: string
}

class Stop extends Error {
  constructor(readonly at: number) {
    super('stop')
  }
}

const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y
const ESCAPES = '"\\/bfnrt'

/** The first place `text` breaks the JSON grammar, or undefined when it is JSON. */
export function findJsonSyntaxError(text: string): JsonSyntaxError | undefined {
  let at = 0
  let problem = ''
  const stop: (words: string) => never = (words) => {
    problem = words
    throw new Stop(at)
  }
  const skipSpace = () => {
    while (at < text.length && ' \t\n\r'.includes(text[at] ?? '')) at++
  }
  const expect = (char: string, words: string) => {
    skipSpace()
    if (text[at] !== char) stop(words)
    at++
  }
  const readString = () => {
    at++ // the opening quote
    for (;;) {
      const char = text[at]
      if (char === undefined) stop('a string is not closed')
      if (char === '"') return void at++
      if (char < ' ') stop('a line break or control character inside a string (write it as \\n)')
      if (char === '\\') {
        const next = text[at + 1] ?? ''
        if (next === 'u' && /^[0-9a-fA-F]{4}$/.test(text.slice(at + 2, at + 6))) at += 4
        else if (!ESCAPES.includes(next) || next === '')
          stop('a backslash escape JSON does not know')
        at++
      }
      at++
    }
  }
  const readKey = () => {
    skipSpace()
    if (text[at] !== '"') stop('expected a property name in double quotes')
    readString()
    expect(':', "expected ':' after the property name")
  }
  /**
   * Reads one value. An open container is left on the stack, its first member read, for the main
   * loop to carry on after it: no recursion.
   */
  const readValue = (open: string[]) => {
    skipSpace()
    let char = text[at]
    while (char === '{' || char === '[') {
      at++
      skipSpace()
      if (text[at] === (char === '{' ? '}' : ']')) return void at++
      open.push(char)
      if (char === '{') readKey()
      skipSpace()
      char = text[at]
    }
    if (char === '"') return readString()
    for (const word of ['true', 'false', 'null']) {
      if (text.startsWith(word, at)) return void (at += word.length)
    }
    NUMBER.lastIndex = at
    if (char !== undefined && NUMBER.test(text)) return void (at = NUMBER.lastIndex)
    stop(char === undefined ? 'the text ends where a value should be' : 'expected a value')
  }

  try {
    const open: string[] = []
    readValue(open)
    for (;;) {
      skipSpace()
      const container = open.at(-1)
      if (container === undefined) {
        if (at < text.length) stop('unexpected text after the end of the JSON')
        return undefined
      }
      const close = container === '{' ? '}' : ']'
      if (text[at] === close) {
        at++
        open.pop()
      } else if (text[at] === ',') {
        at++
        if (container === '{') readKey()
        readValue(open)
      } else {
        stop(`expected ',' or '${close}'`)
      }
    }
  } catch (error) {
    if (!(error instanceof Stop)) throw error
    const before = text.slice(0, error.at)
    const line = before.split('\n').length
    const cutShort = error.at >= text.length && problem.startsWith('expected')
    return {
      line,
      column: error.at - before.lastIndexOf('\n'),
      problem: cutShort ? `the text ends too early: ${problem}` : problem,
    }
  }
}
