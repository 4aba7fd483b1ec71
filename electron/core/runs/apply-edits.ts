// Applies a user's edits to the request a paused step is about to send: parameters added, changed
// or removed, in the URL's query or in a form body, so a flow can be broken on purpose.
import type { StepEdits } from '../../../shared/run-model'

export function applyEditsToUrl(url: URL, edits: StepEdits | undefined): URL {
  if (!edits) return url
  const edited = new URL(url)
  applyToParams(edited.searchParams, edits)
  return edited
}

/** Edits a form body; any other body is left as it is (edits then go to the URL). */
export function applyEditsToForm(body: string, edits: StepEdits | undefined): string {
  if (!edits) return body
  const params = new URLSearchParams(body)
  applyToParams(params, edits)
  return params.toString()
}

function applyToParams(params: URLSearchParams, edits: StepEdits): void {
  for (const name of edits.remove ?? []) params.delete(name)
  for (const [name, value] of Object.entries(edits.set ?? {})) params.set(name, value)
}
