// Sends each request the AWS SDK has built (and serialised) through a fetch chosen per call, so
// the run records it as an http step, redacted and gated in step-by-step runs, where the SDK's
// own node:http handler would have sent it unseen.
// @see https://smithy.io/2.0/aws/protocols/aws-json-1_1-protocol.html (what the requests carry)

/** What is read here of the SDK's HttpRequest (@smithy/types). */
type SdkHttpRequest = {
  method: string
  protocol: string
  hostname: string
  port?: number | undefined
  path: string
  query?: Record<string, string | (string | null)[] | null> | undefined
  headers: Record<string, string>
  body?: unknown
}

/** Headers fetch derives from the URL and the body itself, and refuses to be told. */
const FETCH_OWNED_HEADERS = new Set(['host', 'content-length'])

/**
 * A request handler (`handle(request) → { response }`) for the SDK client's `requestHandler`.
 * `fetchForCall` returns the fetch of the call under way.
 */
export function createRecordingRequestHandler(fetchForCall: () => typeof fetch) {
  return {
    async handle(request: SdkHttpRequest) {
      const headers = Object.fromEntries(
        Object.entries(request.headers).filter(([name]) => !FETCH_OWNED_HEADERS.has(name)),
      )
      const response = await fetchForCall()(urlOf(request), {
        method: request.method,
        headers,
        body: bodyText(request.body),
      })
      return {
        response: {
          statusCode: response.status,
          headers: Object.fromEntries(response.headers),
          body: await response.blob(),
        },
      }
    },
  }
}

function urlOf(request: SdkHttpRequest): URL {
  const port = request.port === undefined ? '' : `:${request.port}`
  const url = new URL(`${request.protocol}//${request.hostname}${port}${request.path}`)
  for (const [name, value] of Object.entries(request.query ?? {})) {
    for (const item of [value].flat()) if (item !== null) url.searchParams.append(name, item)
  }
  return url
}

/** The JSON protocols serialise to a string or to UTF-8 bytes. */
function bodyText(body: unknown): string | undefined {
  if (body === undefined || body === null) return undefined
  return typeof body === 'string' ? body : new TextDecoder().decode(body as Uint8Array)
}
