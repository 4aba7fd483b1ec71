// The one door between the renderer and the engine: every contract method is registered here, in
// one loop, and nowhere else. Each call is checked for its sender before anything else happens.
// @see https://www.electronjs.org/docs/latest/tutorial/security#17-validate-the-sender-of-all-ipc-messages
import type { IpcMain, IpcMainInvokeEvent, WebFrameMain } from 'electron'
import type { ContractImpl } from '../../shared/contract'
import { channelOf, methodNames } from '../../shared/contract-names'
import { fail } from '../../shared/result'
import { dispatchCall } from '../core/dispatch-call'

export type SenderCheck = (frame: WebFrameMain | null) => boolean

export function bindContract(
  ipcMain: Pick<IpcMain, 'handle'>,
  impl: ContractImpl,
  isTrustedSender: SenderCheck,
): void {
  for (const method of methodNames) {
    ipcMain.handle(channelOf(method), async (event: IpcMainInvokeEvent, rawInput: unknown) => {
      // A frame we did not load (an iframe, a navigated-away page) must not reach the engine.
      if (!isTrustedSender(event.senderFrame)) {
        return fail({
          code: 'IPC_UNTRUSTED_SENDER',
          message: `${method} was refused: the request did not come from Auth Flow Explorer's own window.`,
        })
      }
      return dispatchCall(impl, method, rawInput)
    })
  }
}
