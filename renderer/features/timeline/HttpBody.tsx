// An HTTP body as what it is: JSON pretty-printed, a form as a table of fields, anything else as
// it came. Secret markers stay markers, revealable one by one.
import { readHttpBody } from '../../../shared/read-http-body'
import { SECRET_MARKER } from '../../../shared/run-model'
import { JsonView } from '../../components/JsonView'
import { SecretText } from '../../components/SecretText'
import { NameValueTable } from './NameValueTable'

export function HttpBody({
  runId,
  body,
  headers,
  label,
}: {
  runId: string
  body: string
  headers: Record<string, string>
  label: string
}) {
  const view = readHttpBody(body, headers)
  if (view.kind === 'form') {
    return (
      <NameValueTable
        runId={runId}
        caption={`${label} (form)`}
        nameHeading="Field"
        rows={view.fields}
      />
    )
  }
  const text = view.kind === 'json' ? JSON.stringify(view.value, null, 2) : view.text
  // JsonView prints text as it is; markers need SecretText to stay revealable.
  if (view.kind === 'json' && text.search(SECRET_MARKER) < 0) {
    return <JsonView value={view.value} label={label} />
  }
  return (
    <pre className="json-view" aria-label={label} tabIndex={0}>
      <SecretText runId={runId} text={text} />
    </pre>
  )
}
