// The sandbox as the engine reports it: loaded once, then kept current by its events.
import { useCallback, useEffect, useState } from 'react'
import type { SandboxStatus } from '../../shared/sandbox-model'
import type { WireError } from '../../shared/wire-error'
import { call, getClient, onResync } from '../client'

export type SandboxView = {
  status: SandboxStatus | undefined
  /** The last failed call (start, stop), in words. */
  callError: WireError | undefined
  start: () => void
  stop: () => void
}

export function useSandbox(): SandboxView {
  const [status, setStatus] = useState<SandboxStatus>()
  const [callError, setCallError] = useState<WireError>()

  useEffect(() => {
    const client = getClient()
    const offChanged = client.on('sandbox.changed', setStatus)
    const offMessage = client.on('sandbox.messageSent', (message) =>
      setStatus((current) => current && { ...current, outbox: [...current.outbox, message] }),
    )
    const load = () =>
      void call('sandbox.status', {}).then((result) =>
        result.ok ? setStatus(result.value) : setCallError(result.error),
      )
    load()
    const offResync = onResync(load)
    return () => {
      offChanged()
      offMessage()
      offResync()
    }
  }, [])

  const run = useCallback((method: 'sandbox.start' | 'sandbox.stop') => {
    setCallError(undefined)
    void call(method, {}).then((result) =>
      result.ok ? setStatus(result.value) : setCallError(result.error),
    )
  }, [])

  return {
    status,
    callError,
    start: () => run('sandbox.start'),
    stop: () => run('sandbox.stop'),
  }
}
