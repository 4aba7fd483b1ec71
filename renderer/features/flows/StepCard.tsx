// One step of a run: what it is and why it matters, how it went, what it sent and received, what
// was found wrong.
import type { Step } from '../../../shared/run-model'
import { DiagnosticBox } from '../../components/DiagnosticBox'
import { SecretText } from '../../components/SecretText'
import { STEP_KIND_LABEL } from '../../components/step-kind-label'
import { BrowserStepLink } from './BrowserStepLink'
import { StepTeaching } from './StepTeaching'

export function StepCard({ runId, step }: { runId: string; step: Step }) {
  const exchange = step.exchange
  const url = step.kind === 'browser' ? (step.outputs.url ?? step.inputs.url) : undefined
  // A browser step's URL is its link; what else it shows (a device's user_code) is listed.
  const outputs =
    step.kind === 'browser'
      ? Object.fromEntries(
          Object.entries(step.outputs).filter(([name]) => name !== 'url' && name !== 'opened'),
        )
      : step.outputs
  return (
    <article className={`card step-card ${step.status}`} aria-label={step.title}>
      <header>
        <span className="step-kind">{STEP_KIND_LABEL[step.kind]}</span>
        <h4>{step.title}</h4>
        <span className="step-status">
          {step.status}
          {step.durationMs !== undefined && ` · ${Math.round(step.durationMs)} ms`}
          {exchange?.response && ` · HTTP ${exchange.response.status}`}
        </span>
      </header>
      <StepTeaching step={step} />
      {typeof url === 'string' && step.status === 'done' && (
        <BrowserStepLink runId={runId} step={step} url={url} />
      )}
      {step.diagnostics.map((diagnostic, index) =>
        diagnostic.severity === 'info' ? (
          // A check that passed: one quiet line, its rule at the end.
          <p key={index} className="check pass">
            <span className="check-mark">✓</span>{' '}
            <SecretText runId={runId} text={diagnostic.message} />
            {diagnostic.ref && <span className="muted"> · {diagnostic.ref}</span>}
          </p>
        ) : (
          <DiagnosticBox
            key={index}
            diagnostic={diagnostic}
            words={(message) => <SecretText runId={runId} text={message} />}
          />
        ),
      )}
      {exchange && (
        <details>
          <summary>
            {exchange.request.method} <SecretText runId={runId} text={exchange.request.url} />
          </summary>
          <pre className="wire" aria-label="Request">
            <SecretText
              runId={runId}
              text={
                formatHeaders(exchange.request.headers) +
                (exchange.request.body ? `\n\n${exchange.request.body}` : '')
              }
            />
          </pre>
          {exchange.response && (
            <pre className="wire" aria-label="Response">
              <SecretText
                runId={runId}
                text={`HTTP ${exchange.response.status}\n${formatHeaders(exchange.response.headers)}\n\n${prettyBody(exchange.response.body ?? '')}`}
              />
            </pre>
          )}
          {exchange.error && <p className="muted">{exchange.error}</p>}
        </details>
      )}
      {Object.keys(outputs).length > 0 && (
        <pre className="wire" aria-label="Outputs">
          <SecretText runId={runId} text={JSON.stringify(outputs, null, 2)} />
        </pre>
      )}
    </article>
  )
}

const formatHeaders = (headers: Record<string, string>) =>
  Object.entries(headers)
    .map(([name, value]) => `${name}: ${value}`)
    .join('\n')

function prettyBody(body: string): string {
  try {
    return JSON.stringify(JSON.parse(body), null, 2)
  } catch {
    return body
  }
}
