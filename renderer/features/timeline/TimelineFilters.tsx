// The timeline's filters: by run, host, status class and step kind, each built from the data.
import { STATUS_CLASSES, type StatusClass } from '../../../shared/http-status-class'
import type { TimelineChoices, TimelineFilters } from '../../../shared/timeline-rows'
import { formatWhen } from '../history/format-when'
import { STEP_KIND_LABEL } from '../../components/step-kind-label'

const STATUS_CLASS_LABEL: Record<StatusClass, string> = {
  '2xx': '2xx success',
  '3xx': '3xx redirect',
  '4xx': '4xx client error',
  '5xx': '5xx server error',
  none: 'No response',
}

export function TimelineFilterBar({
  filters,
  choices,
  onChange,
}: {
  filters: TimelineFilters
  choices: TimelineChoices
  onChange: (filters: TimelineFilters) => void
}) {
  // An empty value is "all": the filter is dropped rather than set to ''.
  const set = <K extends keyof TimelineFilters>(name: K, value: string) => {
    const next = { ...filters }
    if (value === '') delete next[name]
    else next[name] = value as TimelineFilters[K]
    onChange(next)
  }
  return (
    <fieldset className="timeline-filters">
      <legend>Filter requests</legend>
      <label>
        Run
        <select value={filters.runId ?? ''} onChange={(event) => set('runId', event.target.value)}>
          <option value="">All runs</option>
          {choices.runs.map((run) => (
            <option key={run.id} value={run.id}>
              {run.title} · {formatWhen(run.at)}
            </option>
          ))}
        </select>
      </label>
      <label>
        Host
        <select value={filters.host ?? ''} onChange={(event) => set('host', event.target.value)}>
          <option value="">All hosts</option>
          {choices.hosts.map((host) => (
            <option key={host} value={host}>
              {host}
            </option>
          ))}
        </select>
      </label>
      <label>
        Status
        <select
          value={filters.statusClass ?? ''}
          onChange={(event) => set('statusClass', event.target.value)}
        >
          <option value="">Any status</option>
          {STATUS_CLASSES.map((statusClass) => (
            <option key={statusClass} value={statusClass}>
              {STATUS_CLASS_LABEL[statusClass]}
            </option>
          ))}
        </select>
      </label>
      <label>
        Step kind
        <select
          value={filters.stepKind ?? ''}
          onChange={(event) => set('stepKind', event.target.value)}
        >
          <option value="">Any kind</option>
          {choices.stepKinds.map((kind) => (
            <option key={kind} value={kind}>
              {STEP_KIND_LABEL[kind]}
            </option>
          ))}
        </select>
      </label>
      <button type="button" onClick={() => onChange({})}>
        Clear filters
      </button>
    </fieldset>
  )
}
