// What a waiting run asks a person for (an MFA code, a new password, which way to sign in), as a
// small form; while MFA_SETUP waits for a first code, with the new authenticator entry to scan or
// type. A field with fixed answers (SELECT_CHALLENGE's first factors) is a group of radio buttons.
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
  const set = (name: string, value: string) => setValues({ ...values, [name]: value })
  return (
    <form className="step-editor" onSubmit={submit} aria-label="Answer">
      <p>
        <strong>{step.title}</strong>
      </p>
      {enrolment && <MfaSetupPanel runId={runId} enrolment={enrolment} />}
      <div className="edit-grid">
        {fields.map((field) => {
          const fieldId = `${id}-${field.name}`
          const choices = field.choices
          return (
            <div key={field.name} className="fact">
              {choices ? (
                <fieldset role="radiogroup" aria-labelledby={`${fieldId}-legend`}>
                  <legend id={`${fieldId}-legend`}>{field.label}</legend>
                  {choices.map((choice) => (
                    <label key={choice}>
                      <input
                        type="radio"
                        name={fieldId}
                        value={choice}
                        checked={values[field.name] === choice}
                        onChange={() => set(field.name, choice)}
                        required
                      />{' '}
                      {choice}
                    </label>
                  ))}
                </fieldset>
              ) : (
                <>
                  <label htmlFor={fieldId}>{field.label}</label>
                  <input
                    id={fieldId}
                    type={field.secret ? 'password' : 'text'}
                    autoComplete="off"
                    value={values[field.name] ?? ''}
                    onChange={(event) => set(field.name, event.target.value)}
                    required
                  />
                </>
              )}
              {field.hint && <p className="muted">{field.hint}</p>}
            </div>
          )
        })}
      </div>
      <button type="submit" className="primary">
        Answer
      </button>
    </form>
  )
}
