// Reads the urlencoded body of a sandbox form post, refusing anything larger than a form needs.
// @see https://url.spec.whatwg.org/#application/x-www-form-urlencoded
import type { IncomingMessage } from 'node:http'

/** A username and a password fit with room to spare; anything bigger is not our form. */
const MAX_FORM_BYTES = 16 * 1024

/** The posted fields, or undefined when the body is too large. */
export async function readFormBody(req: IncomingMessage): Promise<URLSearchParams | undefined> {
  const chunks: Buffer[] = []
  let size = 0
  // Drained to the end even when too large: leaving the loop early would destroy the socket
  // before the refusal could be sent.
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length
    if (size <= MAX_FORM_BYTES) chunks.push(chunk)
  }
  if (size > MAX_FORM_BYTES) return undefined
  return new URLSearchParams(Buffer.concat(chunks).toString('utf8'))
}
