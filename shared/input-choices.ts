// An input step's field may offer a fixed set of answers (the first factors Cognito offers at
// SELECT_CHALLENGE): the UI shows them as choices instead of a text box, the CLI lists them.
import type { InputField } from './run-model'

/** A field answered by picking one of `choices`. */
export type ChoiceField = InputField & { choices: string[] }

/** The answers a field offers, or undefined for a field answered in free text. */
export function choicesOf(field: InputField): string[] | undefined {
  const choices: unknown = (field as Partial<ChoiceField>).choices
  return Array.isArray(choices) && choices.every((choice) => typeof choice === 'string')
    ? choices
    : undefined
}
