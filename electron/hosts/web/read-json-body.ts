// Reads a bounded JSON request body: past the limit the upload is refused at once, not buffered.
import type { IncomingMessage } from 'node:http'
import { AfxError } from '../../core/errors'

export const MAX_BODY_BYTES = 1_000_000

export function readJsonBody(req: IncomingMessage): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    let size = 0
    const onData = (chunk: Buffer) => {
      size += chunk.length
      if (size <= MAX_BODY_BYTES) return void chunks.push(chunk)
      req.off('data', onData)
      req.resume() // discard the rest; the caller answers 413 and closes the connection
      reject(
        new AfxError('WEB_BODY_TOO_LARGE', `The request body is over ${MAX_BODY_BYTES} bytes.`),
      )
    }
    req.on('data', onData)
    req.on('error', reject)
    req.on('end', () => {
      if (size > MAX_BODY_BYTES) return
      const text = Buffer.concat(chunks).toString('utf8')
      try {
        resolve(text === '' ? {} : JSON.parse(text))
      } catch (cause) {
        reject(new AfxError('IPC_INVALID_INPUT', 'The request body is not valid JSON.', { cause }))
      }
    })
  })
}
