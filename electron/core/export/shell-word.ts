// Writes text into a POSIX shell script without letting it run: every literal part single-quoted
// (nothing expands inside single quotes), every secret marker a double-quoted variable reference.
// @see POSIX.1-2017 XCU §2.2.2 (single quotes), §2.2.3 (double quotes), §2.6.2 (parameter expansion)
import { SECRET_MARKER } from '../../../shared/run-model'
import type { SecretVariable } from './secret-variables'

/** 'it'\''s': a single quote cannot appear inside single quotes, so it is closed, escaped, reopened. */
export function singleQuote(text: string): string {
  return `'${text.replaceAll("'", `'\\''`)}'`
}

/**
 * One shell word that expands to `text` with each marker replaced by its variable's value:
 * `'client_secret='"$CLIENT_SECRET"`. Double quotes keep the value one word, unsplit, unglobbed.
 */
export function shellWord(text: string, variables: Map<string, SecretVariable>): string {
  const parts: string[] = []
  let at = 0
  for (const match of text.matchAll(SECRET_MARKER)) {
    if (match.index > at) parts.push(singleQuote(text.slice(at, match.index)))
    parts.push(`"$${nameOf(variables, match[1] ?? '')}"`)
    at = match.index + match[0].length
  }
  if (at < text.length || parts.length === 0) parts.push(singleQuote(text.slice(at)))
  return parts.join('')
}

/** Text for a `#` comment: markers as $NAME, and no line break or control character to end it. */
export function commentText(text: string, variables: Map<string, SecretVariable>): string {
  return text
    .replace(SECRET_MARKER, (_marker, id: string) => `$${nameOf(variables, id)}`)
    .replace(/[\p{Cc}\u2028\u2029]+/gu, ' ')
}

function nameOf(variables: Map<string, SecretVariable>, id: string): string {
  const variable = variables.get(id)
  // Every marker of the export was named before any text is written; a miss is a bug here.
  if (variable === undefined) throw new Error(`no shell variable was named for secret ${id}`)
  return variable.name
}
