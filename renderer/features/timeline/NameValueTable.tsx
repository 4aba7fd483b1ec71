// Names and their values as a table (HTTP headers, the fields of a form body), each value's secret
// markers left as markers to reveal one by one.
import { SecretText } from '../../components/SecretText'

type Props = {
  runId: string
  caption: string
  /** What the first column holds: "Name" for headers, "Field" for a form. */
  nameHeading: string
  /** In the order they came; a form may repeat a name. */
  rows: readonly (readonly [name: string, value: string])[]
}

export function NameValueTable({ runId, caption, nameHeading, rows }: Props) {
  return (
    <table className="timeline-table">
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{nameHeading}</th>
          <th scope="col">Value</th>
        </tr>
      </thead>
      <tbody>
        {rows.map(([name, value], index) => (
          <tr key={index}>
            <th scope="row">
              <code>{name}</code>
            </th>
            <td>
              <code>
                <SecretText runId={runId} text={value} />
              </code>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  )
}
