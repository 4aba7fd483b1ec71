// Loads app.info once; the shell shows the face and version, and marks itself ready for tests.
import { useEffect, useState } from 'react'
import type { AppInfo } from '../../shared/contract'
import type { WireError } from '../../shared/wire-error'
import { call } from '../client'

export type AppInfoState =
  | { status: 'loading' }
  | { status: 'ready'; info: AppInfo }
  | { status: 'failed'; error: WireError }

export function useAppInfo(): AppInfoState {
  const [state, setState] = useState<AppInfoState>({ status: 'loading' })
  useEffect(() => {
    let live = true
    void call('app.info', {}).then((result) => {
      if (!live) return
      setState(
        result.ok
          ? { status: 'ready', info: result.value }
          : { status: 'failed', error: result.error },
      )
    })
    return () => {
      live = false
    }
  }, [])
  return state
}
