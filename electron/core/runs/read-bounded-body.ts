// Reads a response body up to a limit, so a 10 MB answer (or an endless one) cannot fill memory.
import { AfxError } from '../errors'

export async function readBoundedBody(response: Response, maxBytes: number): Promise<string> {
  if (!response.body) return ''
  const reader = response.body.getReader()
  const chunks: Uint8Array[] = []
  let size = 0
  for (;;) {
    const { done, value } = await reader.read()
    if (done) break
    size += value.byteLength
    if (size > maxBytes) {
      await reader.cancel()
      throw new AfxError(
        'HTTP_RESPONSE_TOO_LARGE',
        `The response is larger than ${Math.round(maxBytes / 1024)} KB, so it was not read.`,
        {
          hint: 'An OAuth endpoint answers with a few kilobytes; check that the URL is the right endpoint.',
        },
      )
    }
    chunks.push(value)
  }
  return Buffer.concat(chunks).toString('utf8')
}
