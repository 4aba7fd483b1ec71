// The whole of one HTTP exchange: request and response, headers and bodies, and the JWTs in it.
import type { TimelineRow } from '../../../shared/timeline-rows'
import { SECRETS_NOT_KEPT, SecretText } from '../../components/SecretText'
import { ExchangeTokens } from './ExchangeTokens'
import { HeadersTable } from './HeadersTable'
import { HttpBody } from './HttpBody'

export function ExchangeDetails({ row }: { row: TimelineRow }) {
  const { runId, exchange } = row
  const { request, response } = exchange
  const isLive = row.runOrigin === 'live'
  return (
    <div className="timeline-exchange">
      {!isLive && (
        <p className="muted">
          From a {row.runOrigin} run: {SECRETS_NOT_KEPT}, so its secrets show as markers only.
        </p>
      )}
      <div className="timeline-sides">
        <section aria-label={`Request of ${row.stepTitle}`}>
          <h3>Request</h3>
          <p className="timeline-url">
            <code>
              {request.method} <SecretText runId={runId} text={request.url} />
            </code>
          </p>
          <HeadersTable runId={runId} headers={request.headers} caption="Request headers" />
          {request.body !== undefined && request.body !== '' && (
            <HttpBody
              runId={runId}
              body={request.body}
              headers={request.headers}
              label="Request body"
            />
          )}
        </section>
        <section aria-label={`Response of ${row.stepTitle}`}>
          <h3>Response</h3>
          {response ? (
            <>
              <p>
                HTTP {response.status}
                {row.durationMs !== undefined && ` after ${Math.round(row.durationMs)} ms`}
              </p>
              <HeadersTable runId={runId} headers={response.headers} caption="Response headers" />
              {response.body !== undefined && response.body !== '' && (
                <HttpBody
                  runId={runId}
                  body={response.body}
                  headers={response.headers}
                  label="Response body"
                />
              )}
              {response.bodyTruncated && (
                <p className="muted">The body was cut at the display limit.</p>
              )}
            </>
          ) : (
            <p>No response: {exchange.error ?? 'none was recorded.'}</p>
          )}
        </section>
      </div>
      <ExchangeTokens runId={runId} isLive={isLive} exchange={exchange} />
    </div>
  )
}
