// Which page the shell shows, kept outside it so a page can send the user to another page with
// what that page should open (a run's token to the Tokens page). The shell reads it; any page may
// call navigate. What a page is opened with lives only until the next navigation.
import { useSyncExternalStore } from 'react'

export type Navigation = {
  /** Undefined until the first navigation: the shell shows its first page. */
  pageId: string | undefined
  /** What the page was asked to open; the page checks its shape before using it. */
  payload?: unknown
}

let current: Navigation = { pageId: undefined }
const listeners = new Set<() => void>()

/** Shows a page; the payload, if any, replaces whatever the previous navigation carried. */
export function navigate(pageId: string, payload?: unknown): void {
  current = payload === undefined ? { pageId } : { pageId, payload }
  for (const listener of listeners) listener()
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener)
  return () => listeners.delete(listener)
}

export function useNavigation(): Navigation {
  return useSyncExternalStore(subscribe, () => current)
}
