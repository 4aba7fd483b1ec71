// HTTP headers as a table of name and value, secret values left as revealable markers.
import { NameValueTable } from './NameValueTable'

export function HeadersTable({
  runId,
  headers,
  caption,
}: {
  runId: string
  headers: Record<string, string>
  caption: string
}) {
  const entries = Object.entries(headers)
  if (entries.length === 0) return <p className="muted">No {caption.toLowerCase()}.</p>
  return <NameValueTable runId={runId} caption={caption} nameHeading="Name" rows={entries} />
}
