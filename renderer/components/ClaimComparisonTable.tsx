// Two tokens' claims side by side as shared/compare-claims.ts lines them up, one row a claim with
// how it differs: the ID tokens of two runs (History), a pasted token against another (Tokens).
import { isExpectedToChange, type ClaimComparison } from '../../shared/compare-claims'

/** The table's name: a caption shown above it, or a label where the section around it says it. */
type TableName = { caption: string } | { label: string }

type Props = TableName & {
  rows: readonly ClaimComparison[]
  /** The two columns' headings ("First run"), which also say where a claim alone was found. */
  sides: readonly [string, string]
}

export function ClaimComparisonTable(props: Props) {
  const [first, second] = props.sides
  const differenceText = {
    same: 'same',
    changed: 'changed',
    only_left: `only in the ${first.toLowerCase()}`,
    only_right: `only in the ${second.toLowerCase()}`,
  } as const
  return (
    <table className="compare" aria-label={'label' in props ? props.label : undefined}>
      {'caption' in props && <caption>{props.caption}</caption>}
      <thead>
        <tr>
          <th scope="col">Claim</th>
          <th scope="col">{first}</th>
          <th scope="col">{second}</th>
          <th scope="col">Difference</th>
        </tr>
      </thead>
      <tbody>
        {props.rows.map((row) => (
          <tr key={row.name} className={`difference-${row.difference}`}>
            <th scope="row">
              <code>{row.name}</code>
            </th>
            <td>
              <code>{'left' in row ? JSON.stringify(row.left) : '—'}</code>
            </td>
            <td>
              <code>{'right' in row ? JSON.stringify(row.right) : '—'}</code>
            </td>
            <td>
              {differenceText[row.difference]}
              {row.difference === 'changed' && isExpectedToChange(row.name) && (
                <span className="muted"> (differs on every token)</span>
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  )
}
