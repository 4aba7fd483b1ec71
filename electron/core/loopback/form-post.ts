// Reads the body of a POST to the listener (a form_post answer, or the relay page's fragment)
// without ever holding more than a sign-in answer needs.
// @see OAuth 2.0 Form Post Response Mode §2 https://openid.net/specs/oauth-v2-form-post-response-mode-1_0.html#FormPostResponseMode
import type { IncomingMessage } from 'node:http'

/** A form_post answer with an ID Token and an access token fits many times over. */
export const MAX_BODY_BYTES = 64 * 1024

export type BodyRead = { kind: 'read'; text: string } | { kind: 'too-large' } | { kind: 'aborted' }

/**
 * Reads the request body as UTF-8, stopping at `limit` bytes. A declared Content-Length over the
 * limit is refused before reading a byte. The rest of an oversize body is left to drain, so the
 * client, still sending, can read the refusal instead of a reset connection.
 * @see RFC 9110 §15.5.14 (413 Content Too Large) https://www.rfc-editor.org/rfc/rfc9110#section-15.5.14
 */
export function readBoundedBody(req: IncomingMessage, limit = MAX_BODY_BYTES): Promise<BodyRead> {
  if (Number(req.headers['content-length'] ?? 0) > limit) return Promise.resolve(drain(req))
  return new Promise((resolve) => {
    const chunks: Buffer[] = []
    let size = 0
    const onData = (chunk: Buffer) => {
      size += chunk.length
      if (size <= limit) return void chunks.push(chunk)
      req.off('data', onData)
      resolve(drain(req))
    }
    req.on('data', onData)
    req.once('end', () => resolve({ kind: 'read', text: Buffer.concat(chunks).toString('utf8') }))
    // 'close' without 'end': the client went away (or a timeout ended the request).
    req.once('close', () => resolve({ kind: 'aborted' }))
  })
}

function drain(req: IncomingMessage): BodyRead {
  req.resume()
  return { kind: 'too-large' }
}

/** The media type of the request, without parameters such as charset, in lower case. */
export function mediaTypeOf(req: IncomingMessage): string {
  return (req.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase()
}
