// Names a shell variable for each secret of an export, so a script reads its secrets from the
// environment instead of holding them: the label in snake_case capitals (clientSecret and
// client_secret both CLIENT_SECRET), numbered when two secrets share it.
import { SECRET_MARKER } from '../../../shared/run-model'

export type SecretVariable = {
  id: string
  label: string
  /** The label as a snake_case field name: clientSecret → client_secret. */
  field: string
  name: string
}

/** Names the shell sets or reads itself: a secret must never overwrite one of them. */
const SHELL_NAMES = new Set([
  'CDPATH',
  'ENV',
  'HOME',
  'IFS',
  'LANG',
  'LINENO',
  'OLDPWD',
  'OPTARG',
  'OPTIND',
  'PATH',
  'PPID',
  'PS1',
  'PS2',
  'PS4',
  'PWD',
  'SHELL',
  'TERM',
  'USER',
])

/** True when the text holds at least one secret marker. */
export const hasSecretMarker = (text: string): boolean => text.search(SECRET_MARKER) !== -1

/**
 * One variable per secret id, in order of first appearance in `texts`: the same secret twice
 * reads one variable, two secrets with one label read CODE and CODE_2.
 */
export function nameSecretVariables(texts: Iterable<string>): Map<string, SecretVariable> {
  const variables = new Map<string, SecretVariable>()
  const taken = new Set<string>()
  for (const text of texts) {
    for (const [, id = '', label = ''] of text.matchAll(SECRET_MARKER)) {
      if (variables.has(id)) continue
      const field = label.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toLowerCase()
      const base = variableNameOf(field)
      let name = base
      for (let n = 2; taken.has(name); n++) name = `${base}_${n}`
      taken.add(name)
      variables.set(id, { id, label, field, name })
    }
  }
  return variables
}

/** "client_secret" → CLIENT_SECRET; anything outside [A-Z0-9_] becomes "_". */
function variableNameOf(field: string): string {
  const name = field
    .toUpperCase()
    .replace(/[^A-Z0-9_]+/g, '_')
    .replace(/^_+|_+$/g, '')
  if (name === '') return 'SECRET'
  if (/^\d/.test(name)) return `SECRET_${name}`
  return SHELL_NAMES.has(name) ? `${name}_VALUE` : name
}
