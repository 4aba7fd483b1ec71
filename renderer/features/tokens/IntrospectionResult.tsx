// What the issuer said about an opaque token: active or not and, when active, what the token is
// for (scope, client_id, sub) and until when; or why the question could not be asked.
// @see RFC 7662 §2.2
import type { Run } from '../../../shared/run-model'
import { ErrorNotice } from '../../components/ErrorNotice'
import { JsonView } from '../../components/JsonView'
import { TimeClaimsTable } from './TimeClaimsTable'

export function IntrospectionResult({ run }: { run: Run | undefined }) {
  if (!run) return <p role="status">Asking the issuer…</p>
  if (run.status === 'failed' || run.status === 'cancelled') {
    const diagnostics = run.diagnostics.length
      ? run.diagnostics
      : run.steps.flatMap((step) => step.diagnostics.filter(({ severity }) => severity === 'error'))
    return (
      <section aria-label="Introspection result">
        <p role="status">Introspection failed</p>
        {diagnostics.map((diagnostic) => (
          <ErrorNotice key={diagnostic.code} error={{ ...diagnostic, code: 'RUN_STEP_FAILED' }} />
        ))}
      </section>
    )
  }
  const verdict = run.status === 'succeeded' ? run.steps.at(-1) : undefined
  if (!verdict) return <p role="status">Asking the issuer…</p>
  return (
    <section aria-label="Introspection result">
      {verdict.diagnostics.map((diagnostic) => (
        <p key={diagnostic.code} role="status" className="verdict">
          {diagnostic.message}
        </p>
      ))}
      <JsonView value={verdict.outputs} label="Introspection answer" />
      <TimeClaimsTable payload={verdict.outputs} />
    </section>
  )
}
