// The saved profiles, read from the engine when the page opens and again after each change.
import { useCallback, useEffect, useState } from 'react'
import type { WireError } from '../../shared/wire-error'
import type { Profile } from '../../shared/workspace-model'
import { call, onResync } from '../client'

export type ProfilesView = {
  /** Undefined until the first answer. */
  profiles: Profile[] | undefined
  error: WireError | undefined
  reload: () => void
}

export function useProfiles(): ProfilesView {
  const [profiles, setProfiles] = useState<Profile[]>()
  const [error, setError] = useState<WireError>()

  const reload = useCallback(() => {
    void call('profiles.list', {}).then((result) => {
      setError(result.ok ? undefined : result.error)
      if (result.ok) setProfiles(result.value)
    })
  }, [])

  useEffect(() => {
    reload()
    return onResync(reload)
  }, [reload])

  return { profiles, error, reload }
}
