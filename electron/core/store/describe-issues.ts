// Says what is wrong in a file a person can open and fix: each problem at the place it is, written
// the way one would point at it ("profiles[2].provider.issuer: Give a full … URL.").
import type { z } from 'zod'

/** The first few problems, one per clause; the rest are counted. */
export function describeIssues(error: z.ZodError, limit = 3): string {
  const shown = error.issues.slice(0, limit).map((issue) => {
    const at = placeOf(issue.path)
    return at ? `${at}: ${wordsFor(issue)}` : wordsFor(issue)
  })
  const more = error.issues.length - shown.length
  return shown.join('; ') + (more > 0 ? `; and ${more} more` : '')
}

/**
 * zod's own words for a wrong type are about its input ("received undefined"), not the file; a
 * schema's own words (e.g. "The client id is required.") are kept.
 */
function wordsFor(issue: z.core.$ZodIssue): string {
  if (issue.code !== 'invalid_type' || !issue.message.startsWith('Invalid input')) {
    return issue.message
  }
  const expected = withArticle(issue.expected)
  const received = /received (\w+)/.exec(issue.message)?.[1]
  if (received === 'undefined') return `Missing: ${expected} is expected here.`
  return received
    ? `Should be ${expected}, not ${withArticle(received)}.`
    : `Should be ${expected}.`
}

function withArticle(type: string): string {
  if (type === 'null') return type
  return `${/^[aeiou]/.test(type) ? 'an' : 'a'} ${type}`
}

/** ['profiles', 2, 'provider', 'issuer'] → "profiles[2].provider.issuer". */
export function placeOf(path: readonly PropertyKey[]): string {
  return path
    .map((part, index) => {
      if (typeof part === 'number') return `[${part}]`
      const name = String(part)
      return index === 0 ? name : `.${name}`
    })
    .join('')
}
