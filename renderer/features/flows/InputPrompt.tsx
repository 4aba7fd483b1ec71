// What a waiting run asks a person for (an MFA code, a new password), as a small form.
import { useId, useState, type FormEvent } from 'react'
import type { InputField, InputValues, Step } from '../../../shared/run-model'

export function InputPrompt({
  step,
  onSubmit,
}: {
  step: Step
  onSubmit: (values: InputValues) => void
}) {
  const id = useId()
  const fields = (step.inputs.fields ?? []) as InputField[]
  const [values, setValues] = useState<InputValues>({})
  const submit = (event: FormEvent) => {
    event.preventDefault()
    onSubmit(values)
  }
  return (
    <form className="step-editor" onSubmit={submit} aria-label="Answer">
      <p>
        <strong>{step.title}</strong>
      </p>
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
