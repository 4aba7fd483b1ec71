// The token's time claims as dates and live countdowns ("expires in 59 minutes").
import { describeTimeClaims } from '../../../shared/claim-times'
import { useNow } from '../../state/use-now'

export function TimeClaimsTable({ payload }: { payload: Record<string, unknown> }) {
  const now = useNow(1000)
  const times = describeTimeClaims(payload, now)
  if (times.length === 0) return null
  return (
    <>
      <h2 id="times-title">Times</h2>
      <table className="times" aria-labelledby="times-title">
        <thead>
          <tr>
            <th scope="col">Claim</th>
            <th scope="col">Date</th>
            <th scope="col">From now</th>
          </tr>
        </thead>
        <tbody>
          {times.map((time) => (
            <tr key={time.claim}>
              <th scope="row">
                <code>{time.claim}</code>
              </th>
              {time.ok ? (
                <>
                  <td>{time.utc}</td>
                  <td>{time.relative}</td>
                </>
              ) : (
                <td colSpan={2}>{time.problem}</td>
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </>
  )
}
