// Reads the JSON input of a state-changing request, or answers why it cannot (415, 413, 400).
import type { IncomingMessage, ServerResponse } from 'node:http'
import { fail } from '../../../shared/result'
import { toWireError } from '../../core/to-wire-error'
import { readJsonBody } from './read-json-body'
import { sendJson } from './respond'

/** The parsed body, or null once the answer has been sent. */
export async function readJsonRequest(
  req: IncomingMessage,
  res: ServerResponse,
): Promise<{ input: unknown } | null> {
  // Requiring JSON makes any cross-site call a CORS preflight, which this host never approves.
  if (!(req.headers['content-type'] ?? '').startsWith('application/json')) {
    sendJson(
      res,
      415,
      fail({ code: 'IPC_INVALID_INPUT', message: 'Send the input as application/json.' }),
    )
    return null
  }
  try {
    return { input: await readJsonBody(req) }
  } catch (error) {
    const wire = toWireError(error)
    if (wire.code === 'WEB_BODY_TOO_LARGE') res.setHeader('Connection', 'close')
    sendJson(res, wire.code === 'WEB_BODY_TOO_LARGE' ? 413 : 400, fail(wire))
    return null
  }
}
