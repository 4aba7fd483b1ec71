// One contract call over HTTP: `POST /api/call/<method>` with the input as JSON, answered with the
// Result envelope, through the same dispatch every face uses.
import type { IncomingMessage, ServerResponse } from 'node:http'
import type { ContractImpl } from '../../../shared/contract'
import { isMethodName } from '../../../shared/contract-names'
import { fail } from '../../../shared/result'
import { dispatchCall } from '../../core/dispatch-call'
import { readJsonRequest } from './read-json-request'
import { sendJson, sendText } from './respond'

export async function handleCall(
  impl: ContractImpl,
  method: string,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  if (req.method !== 'POST') return sendText(res, 405, 'Contract calls are POST requests.')
  if (!isMethodName(method)) {
    return sendJson(
      res,
      404,
      fail({ code: 'IPC_UNKNOWN_METHOD', message: `There is no method named "${method}".` }),
    )
  }
  const body = await readJsonRequest(req, res)
  if (body !== null) sendJson(res, 200, await dispatchCall(impl, method, body.input))
}
