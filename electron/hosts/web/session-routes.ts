// Opening a session. `POST /api/session` trades the one-time code of a printed address for a
// session key; `POST /api/session/address` lets a session holder make a fresh one-time address
// (for another tab or browser, or a test's page). Both are JSON POSTs, so a foreign page cannot
// send them without a CORS preflight this host never approves.
import type { IncomingMessage, ServerResponse } from 'node:http'
import { fail, ok } from '../../../shared/result'
import type { WireError } from '../../../shared/wire-error'
import { readJsonRequest } from './read-json-request'
import { sendJson, sendText } from './respond'
import { BOOTSTRAP_CODE_TTL_MS, type CodeRefusal, type SessionKeys } from './session-keys'

/**
 * The address to open. The code rides in the fragment, which browsers never send to a server nor
 * put in a Referer.
 * @see RFC 3986 §3.5 https://www.rfc-editor.org/rfc/rfc3986#section-3.5
 * @see RFC 9110 §10.1.3 https://www.rfc-editor.org/rfc/rfc9110#section-10.1.3
 */
export const launchAddress = (port: number, code: string) => `http://127.0.0.1:${port}/#k=${code}`

export async function exchangeCode(
  keys: SessionKeys,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  if (req.method !== 'POST') return sendText(res, 405, 'Open a session with a POST request.')
  const body = await readJsonRequest(req, res)
  if (body === null) return
  const code = isRecord(body.input) ? body.input.code : undefined
  if (typeof code !== 'string') {
    return sendJson(
      res,
      400,
      fail({ code: 'IPC_INVALID_INPUT', message: 'Send the one-time code as {"code": "…"}.' }),
    )
  }
  const outcome = keys.exchange(code)
  if ('refused' in outcome) return sendJson(res, 401, fail(REFUSALS[outcome.refused]))
  sendJson(res, 200, ok({ session: outcome.session }))
}

/** Only for a request already holding a session key. */
export async function issueAddress(
  keys: SessionKeys,
  port: number,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  if (req.method !== 'POST') return sendText(res, 405, 'Ask for an address with a POST request.')
  if ((await readJsonRequest(req, res)) === null) return
  sendJson(res, 200, ok({ url: launchAddress(port, keys.issueCode()) }))
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null

const RESTART = 'Start "afx web" again for a fresh address.'

const REFUSALS: Record<CodeRefusal, WireError> = {
  unknown: {
    code: 'WEB_UNAUTHORIZED',
    message: 'Refused: this one-time code was not issued by this launch of Auth Flow Explorer.',
    hint: `Open the address afx printed at its latest launch. ${RESTART}`,
  },
  used: {
    code: 'WEB_UNAUTHORIZED',
    message: 'Refused: this one-time code was already used; each address afx prints opens one tab.',
    hint: `The tab it opened stays signed in, across reloads too. ${RESTART}`,
  },
  expired: {
    code: 'WEB_UNAUTHORIZED',
    message: `Refused: this one-time code expired; it works for ${BOOTSTRAP_CODE_TTL_MS / 60_000} minutes after afx prints it.`,
    hint: RESTART,
  },
}
