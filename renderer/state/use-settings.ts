// The workspace settings (history retention, trainer mode), read once and shared by every view;
// a change goes to the engine first and is shown only as the engine kept it.
import { useSyncExternalStore } from 'react'
import type { WireError } from '../../shared/wire-error'
import { DEFAULT_SETTINGS, type Settings } from '../../shared/workspace-model'
import { call } from '../client'

let current: Settings = DEFAULT_SETTINGS
let loading: Promise<void> | undefined
const listeners = new Set<() => void>()

function publish(settings: Settings): void {
  current = settings
  for (const listener of listeners) listener()
}

function subscribe(listener: () => void): () => void {
  loading ??= call('settings.get', {}).then((result) => {
    if (result.ok) publish(result.value)
  })
  listeners.add(listener)
  return () => listeners.delete(listener)
}

export function useSettings(): Settings {
  return useSyncExternalStore(subscribe, () => current)
}

/** Saves a change; answers with the engine's error, when it refused it. */
export async function updateSettings(change: Partial<Settings>): Promise<WireError | undefined> {
  const result = await call('settings.update', change)
  if (!result.ok) return result.error
  publish(result.value)
  return undefined
}
