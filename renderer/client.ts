// The one contract client the components use; they never know which face carries it.
import type { Client, MethodInput, MethodOutput } from '../shared/contract'
import type { MethodName } from '../shared/contract-names'
import { fail, type Result } from '../shared/result'
import { createWebClient, RESYNC_EVENT } from './web-client'

let client: Client | undefined

export function getClient(): Client {
  client ??= window.afx ?? createWebClient()
  return client
}

/** Calls one contract method: `call('tokens.decode', { token })`. */
export function call<M extends MethodName>(
  method: M,
  input: MethodInput<M>,
): Promise<Result<MethodOutput<M>>> {
  const invoke = getClient()[method] as (input: MethodInput<M>) => Promise<Result<MethodOutput<M>>>
  // A transport failure (a closed window's IPC, a value IPC cannot carry) becomes an answer too.
  return invoke(input).catch(() =>
    fail({
      code: 'HOST_UNREACHABLE',
      message: `Auth Flow Explorer's engine did not answer ${method}.`,
      hint: 'Try again; if it keeps failing, restart the app.',
    }),
  )
}

/**
 * Runs `listener` whenever the event stream (re)connects, so a view can re-read state it may have
 * missed events about. Only browser mode reconnects; under Electron this never fires.
 */
export function onResync(listener: () => void): () => void {
  window.addEventListener(RESYNC_EVENT, listener)
  return () => window.removeEventListener(RESYNC_EVENT, listener)
}
