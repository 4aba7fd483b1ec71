// A verification report in words: the signature, each check with its rule, known pitfalls, and
// every claim with what it means.
import type { TokenReport } from '../../../shared/token-report'
import { SIGNATURE_TEXT, tokenReportToMarkdown } from '../../../shared/token-report-markdown'
import { downloadFile } from '../../components/download-file'

const MARK = { pass: '✓', fail: '✗', warn: '!', skip: '–' } as const

/** The report as a Markdown file a tester attaches to a bug (no token value is in a report). */
function downloadMarkdown(report: TokenReport): void {
  const day = new Date().toISOString().slice(0, 10)
  downloadFile({
    filename: `afx-token-report-${report.tokenType.checkedAs}-${day}.md`,
    mediaType: 'text/markdown',
    content: tokenReportToMarkdown(report),
  })
}

export function TokenReportView({ report }: { report: TokenReport }) {
  const failed = report.checks.filter((check) => check.status === 'fail').length
  return (
    <div className="token-report">
      <p
        className={`verdict ${failed > 0 || report.signature.status === 'invalid' ? 'bad' : 'good'}`}
        role="status"
      >
        {SIGNATURE_TEXT[report.signature.status]} · {report.tokenType.checkedAs.replace('_', ' ')} ·{' '}
        {failed === 0 ? 'every check passed' : `${failed} check${failed === 1 ? '' : 's'} failed`}
      </p>
      {report.encryption && <p className="muted">{report.encryption.explanation}</p>}
      <p className="muted">{report.signature.explanation}</p>
      <button type="button" onClick={() => downloadMarkdown(report)}>
        Download the report as Markdown
      </button>
      <ol className="check-list" aria-label="Checks">
        {report.checks.map((check, index) => (
          <li key={`${check.id}-${index}`} className={`check ${check.status}`}>
            <span className="check-mark" aria-label={check.status}>
              {MARK[check.status]}
            </span>{' '}
            <code>{check.id}</code> {check.message}
            {(check.expected !== undefined || check.actual !== undefined) && (
              <span className="muted">
                {' '}
                (expected {check.expected ?? '—'}, got {check.actual ?? '—'})
              </span>
            )}
            <span className="check-ref muted"> · {check.ref}</span>
          </li>
        ))}
      </ol>
      {report.pitfalls.map((pitfall) => (
        <div key={pitfall.code} className="error-notice" role="note">
          <p className="error-message">{pitfall.title}</p>
          <p>{pitfall.explanation}</p>
          <p className="error-hint">{pitfall.hint}</p>
          <p className="error-ref">See {pitfall.ref}</p>
        </div>
      ))}
      <h3 id="claims-title">Claims</h3>
      <table aria-labelledby="claims-title" className="claims">
        <thead>
          <tr>
            <th scope="col">Claim</th>
            <th scope="col">Value</th>
            <th scope="col">Meaning</th>
          </tr>
        </thead>
        <tbody>
          {report.claims.map((claim) => (
            <tr key={claim.name}>
              <th scope="row">
                <code>{claim.name}</code>
              </th>
              <td>
                <code>{JSON.stringify(claim.value)}</code>
                {claim.time && (
                  <div className="muted">
                    {claim.time.utc} ({claim.time.relative})
                  </div>
                )}
              </td>
              <td>
                {claim.known ? (
                  claim.description
                ) : (
                  <em>Not a registered claim: its meaning is the issuer's own.</em>
                )}
                {claim.source && <div className="muted">{claim.source}</div>}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}
