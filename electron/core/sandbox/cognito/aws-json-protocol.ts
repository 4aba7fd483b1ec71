// The wire of the AWS JSON 1.1 protocol as Cognito speaks it: POST / with
// `X-Amz-Target: AWSCognitoIdentityProviderService.<Operation>`, a JSON body, and errors as
// HTTP 400 with `{"__type","message"}` plus the `x-amzn-ErrorType` header.
// @see https://smithy.io/2.0/aws/protocols/aws-json-1_1-protocol.html
import { randomUUID } from 'node:crypto'
import type { IncomingMessage, ServerResponse } from 'node:http'
import { CognitoException, cognitoErrors } from './cognito-errors'
import { LIMITS } from './pool-config'
import type { Params } from './request-params'

const TARGET_PREFIX = 'AWSCognitoIdentityProviderService.'
const CONTENT_TYPE = 'application/x-amz-json-1.1'

/**
 * The operation name in X-Amz-Target, or '' when the header is missing or for another service.
 * @see https://smithy.io/2.0/aws/protocols/aws-json-1_1-protocol.html#protocol-behaviors
 */
export function readOperationName(req: IncomingMessage): string {
  const target = req.headers['x-amz-target']
  return typeof target === 'string' && target.startsWith(TARGET_PREFIX)
    ? target.slice(TARGET_PREFIX.length)
    : ''
}

/**
 * Reads a bounded JSON object body; past the bound the upload is refused unread.
 * @see https://smithy.io/2.0/aws/protocols/aws-json-1_1-protocol.html#protocol-behaviors
 */
export function readRequestBody(req: IncomingMessage): Promise<Params> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    let size = 0
    req.on('data', (chunk: Buffer) => {
      size += chunk.length
      if (size <= LIMITS.bodyBytes) return void chunks.push(chunk)
      req.removeAllListeners('data')
      req.resume()
      reject(cognitoErrors.bodyTooLarge())
    })
    req.on('error', reject)
    req.on('end', () => {
      if (size > LIMITS.bodyBytes) return
      try {
        const body: unknown = JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}')
        if (typeof body !== 'object' || body === null || Array.isArray(body)) {
          return reject(cognitoErrors.serialization())
        }
        resolve(body as Params)
      } catch {
        reject(cognitoErrors.serialization())
      }
    })
  })
}

/**
 * Writes a successful operation result.
 * @see https://smithy.io/2.0/aws/protocols/aws-json-1_1-protocol.html#protocol-behaviors
 */
export function sendResult(res: ServerResponse, result: object): void {
  send(res, 200, JSON.stringify(result), {})
}

/**
 * Writes an error as Cognito does; anything that is not a CognitoException is a sandbox bug and
 * goes out as InternalErrorException, its detail kept in the log only.
 * @see https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/CommonErrors.html
 */
export function sendError(res: ServerResponse, error: unknown): void {
  if (!(error instanceof CognitoException)) console.error('Cognito sandbox internal error:', error)
  const known = error instanceof CognitoException ? error : cognitoErrors.internal()
  const body = JSON.stringify({ __type: known.type, message: known.message })
  send(res, known.status, body, { 'x-amzn-ErrorType': known.type })
}

function send(
  res: ServerResponse,
  status: number,
  body: string,
  headers: Record<string, string>,
): void {
  res.writeHead(status, {
    ...headers,
    'Content-Type': CONTENT_TYPE,
    'Content-Length': Buffer.byteLength(body),
    'x-amzn-RequestId': randomUUID(),
  })
  res.end(body)
}
