// Where the workspace keeps its data and secrets, the vault's state and any file it could not read:
// read when a page opens; the vault calls answer with the new status, which replaces it.
import { useCallback, useEffect, useState } from 'react'
import type { WireError } from '../../../shared/wire-error'
import type { WorkspaceStatus } from '../../../shared/workspace-model'
import { call, onResync } from '../../client'

export type WorkspaceStatusView = {
  status: WorkspaceStatus | undefined
  error: WireError | undefined
  /** Takes the status a vault call answered with. */
  replace: (status: WorkspaceStatus) => void
}

export function useWorkspaceStatus(): WorkspaceStatusView {
  const [status, setStatus] = useState<WorkspaceStatus>()
  const [error, setError] = useState<WireError>()

  const load = useCallback(() => {
    void call('workspace.status', {}).then((result) => {
      setError(result.ok ? undefined : result.error)
      if (result.ok) setStatus(result.value)
    })
  }, [])

  useEffect(() => {
    load()
    return onResync(load)
  }, [load])

  return { status, error, replace: setStatus }
}
