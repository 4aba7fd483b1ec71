// What a waiting run asks a person for (an MFA code, a new password), as a small form; while
// MFA_SETUP waits for a first code, with the new authenticator entry to scan or type.
import { useId, useState, type FormEvent } from 'react'
import { totpEnrolmentOf } from '../../../shared/cognito-totp-enrolment'
import type { InputField, InputValues, Step } from '../../../shared/run-model'
import { useRun } from '../../state/run-store'
import { MfaSetupPanel } from './MfaSetupPanel'

export function InputPrompt({
  runId,
  step,
  onSubmit,
}: {
  runId: string
  step: Step
  onSubmit: (values: InputValues) => void
}) {
  const id = useId()
  const run = useRun(runId)
  const fields = (step.inputs.fields ?? []) as InputField[]
  const [values, setValues] = useState<InputValues>({})
  const enrolment =
    step.explain === 'cognito.mfa-setup-code' && run ? totpEnrolmentOf(run) : undefined
  const submit = (event: FormEvent) => {
    event.preventDefault()
    onSubmit(values)
  }
  return (
    <form className="step-editor" onSubmit={submit} aria-label="Answer">
      <p>
        <strong>{step.title}</strong>
      </p>
      {enrolment && <MfaSetupPanel runId={runId} enrolment={enrolment} />}
      <div className="edit-grid">
        {fields.map((field) => (
          <div key={field.name} className="fact">
            <label htmlFor={`${id}-${field.name}`}>{field.label}</label>
            <input
              id={`${id}-${field.name}`}
              type={field.secret ? 'password' : 'text'}
              autoComplete="off"
              value={values[field.name] ?? ''}
              onChange={(event) => setValues({ ...values, [field.name]: event.target.value })}
              required
            />
          </div>
        ))}
      </div>
      <button type="submit" className="primary">
        Answer
      </button>
    </form>
  )
}
